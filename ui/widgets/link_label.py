"""A label of links (a map, a phone number, an e-mail address) that the desktop opens.

Qt's own ``openExternalLinks`` is off: the label says which link it opened
(``link_opened``), so a page can tell the rep when the desktop has nothing to open it
with, and tests can see what would have opened.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from fieldapp.records import Contact
from ui.formatting import fill
from ui.links import anchor, mailto_url, open_link, tel_url


def contact_html(contact: Contact) -> str:
    """A contact's name and job, then a call link and a mail link (rich text, escaped)."""
    name = " — ".join(p for p in (contact.full_name, contact.job_title) if p)
    ways = ((tel_url(contact.phone), contact.phone), (mailto_url(contact.email), contact.email))
    reach = [anchor(url, text) for url, text in ways if text]
    lines = [anchor(None, name), " · ".join(reach)]
    return "<br>".join(line for line in lines if line)


def phone_html(phone: str | None) -> str:
    if not phone:
        return anchor(None, QCoreApplication.translate("LinkLabel", "No phone number"))
    return anchor(tel_url(phone), phone)


class LinkLabel(QLabel):
    link_opened = Signal(str, bool)  # the link, whether the desktop could open it

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.RichText)  # built with anchor(): text escaped
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.linkActivated.connect(self.open)

    def open(self, url: str) -> None:
        self.link_opened.emit(url, open_link(url))

    def links(self) -> list[str]:
        """The addresses the label links to, in order (what a test or a screen reader
        would follow)."""
        text, found, at = self.text(), [], 0
        while (start := text.find('href="', at)) >= 0:
            end = text.find('"', start + 6)
            found.append(html.unescape(text[start + 6 : end]))
            at = end
        return found

    def plain_text(self) -> str:
        """The words the label shows, without the links' markup (what the rep reads; the
        label's text() is rich text, escaped by anchor())."""
        lines = re.sub(r"<br\s*/?>", "\n", self.text())
        return html.unescape(re.sub(r"<[^>]*>", "", lines))


def no_link_words(url: str) -> str:
    return fill(
        QCoreApplication.translate("LinkLabel", "Nothing on this computer opens %1."),
        url.split(":", 1)[0],
    )
