"""Contacts as vCard 3.0, with the maintained ``vobject`` library.

3.0 rather than 4.0: it is the version Outlook, Google Contacts and Apple Contacts all
import (Outlook reads no 4.0), and it carries everything a contact has here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import vobject

from fieldapp.exports.files import write_atomically
from fieldapp.store.database import Store

UID_DOMAIN = "fieldapp.invalid"


@dataclass(frozen=True, slots=True)
class CardContact:
    id: str
    first_name: str | None
    last_name: str
    job_title: str | None
    email: str | None
    phone: str | None
    updated_at: str
    account_name: str
    address: str | None
    city: str | None
    postal_code: str | None
    country: str | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.first_name else self.last_name


def card_contacts(store: Store) -> list[CardContact]:
    rows = store.query(
        "SELECT c.id, c.first_name, c.last_name, c.job_title, c.email, c.phone, c.updated_at,"
        " a.name AS account_name, a.address, a.city, a.postal_code, a.country"
        " FROM contacts c JOIN accounts a ON a.id = c.account_id"
        " ORDER BY a.name, c.last_name, c.first_name, c.id"
    )
    return [CardContact(**row) for row in rows]


def build_card(contact: CardContact) -> str:
    card = vobject.vCard()
    card.add("uid").value = f"{contact.id}@{UID_DOMAIN}"
    card.add("fn").value = contact.full_name
    card.add("n").value = vobject.vcard.Name(
        family=contact.last_name, given=contact.first_name or ""
    )
    card.add("org").value = [contact.account_name]
    if contact.job_title:
        card.add("title").value = contact.job_title
    if contact.phone:
        line = card.add("tel")
        line.value = contact.phone
        line.type_paramlist = ["WORK", "VOICE"]
    if contact.email:
        mail = card.add("email")
        mail.value = contact.email
        mail.type_paramlist = ["INTERNET", "WORK"]
    if any((contact.address, contact.city, contact.postal_code, contact.country)):
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=contact.address or "",
            city=contact.city or "",
            code=contact.postal_code or "",
            country=contact.country or "",
        )
        adr.type_param = "WORK"
    card.add("rev").value = contact.updated_at
    return str(card.serialize())


def build_cards(contacts: list[CardContact]) -> bytes:
    return "".join(build_card(contact) for contact in contacts).encode("utf-8")


def export_contacts(store: Store, path: Path) -> int:
    """Every contact of the store as one ``.vcf`` file; the number of cards."""
    contacts = card_contacts(store)
    write_atomically(path, build_cards(contacts))
    return len(contacts)
