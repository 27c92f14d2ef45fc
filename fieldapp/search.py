"""Global search over accounts, contacts and notes (FTS5, prefix and accent-insensitive).

Ranking every match of a short prefix over a 50,000-account territory costs more than
the 20 ms a keystroke may take, so results are read in index order with a limit (cheap)
and only those few are ranked:

1. names (accounts, contacts) matching every word, those *starting* with the first word
   first, shorter names before longer ones;
2. then everything else (addresses, e-mails, note text), newest first.

Accounts are indexed by name and by their whole address (street, city, postal code, and
for Canada the province its postal code names; see fieldapp/store/schema.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from fieldapp.store.database import Store

MIN_QUERY_CHARS = 2
MAX_QUERY_CHARS = 200
DEFAULT_LIMIT = 20
# Name matches read before ranking them: enough to rank fully from three letters on.
_CANDIDATES = 200

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    collection: str  # "accounts", "contacts" or "notes"
    record_id: str
    title: str  # account name, contact name, or the note's account name
    detail: str  # city, e-mail, or an excerpt of the note around the match
    account_id: str
    account_name: str


@dataclass(frozen=True)
class Place:
    """An account's address as stored, for a result line to show where the account is."""

    street: str | None
    city: str | None
    postal_code: str | None
    country: str | None


def _words(text: str) -> list[str]:
    # Composed like the stored text (validation keeps NFC): "e" + U+0301 typed decomposed,
    # as macOS pastes it, would otherwise split into the words "e" and "cole".
    return _WORD.findall(unicodedata.normalize("NFC", text[:MAX_QUERY_CHARS]))


def fold(text: str) -> str:
    """Lower case without accents, as the index's tokenizer sees text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_expression(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word, as a quoted prefix.

    Quoting each word makes FTS5 syntax (``"``, ``*``, ``NEAR``, ``OR``, ``-``) plain text;
    the words are then ANDed, so "boul mont" finds the bakery in Montréal. A one-letter
    word ("à" in "jusqu'à") must match exactly: as a prefix it would expand to every
    word starting with that letter, which is most of the index.
    """
    words = _words(text)
    if sum(len(w) for w in words) < MIN_QUERY_CHARS:
        return None
    return " ".join(f'"{w}"' if len(w) == 1 else f'"{w}"*' for w in words)


def search(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Best matches first: names (starting with the first word first), then the rest."""
    expression = match_expression(text)
    if expression is None:
        return []
    first = fold(_words(text)[0])
    names = list(
        store.rows(
            "SELECT rowid, title FROM search_fts WHERE search_fts MATCH ?"
            " ORDER BY rowid DESC LIMIT ?",
            (f"title : ({expression})", _CANDIDATES),
        )
    )
    ranked = sorted(names, key=lambda r: (not fold(r[1]).startswith(first), len(r[1]), -r[0]))
    found = [docid for docid, _ in ranked[:limit]]
    if len(found) < limit:
        seen = {docid for docid, _ in names}
        rest = store.rows(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            (expression, limit - len(found) + len(seen)),
        )
        found += [r[0] for r in rest if r[0] not in seen][: limit - len(found)]
    return _hits(store, found, _words(text))


def excerpt(body: str, words: list[str], width: int = 90) -> str:
    """About ``width`` characters of ``body`` around the first word matching the query."""
    folded = fold(body)
    # fold() keeps one character per base letter for the scripts notes are written in,
    # so positions in the folded text point at the same place in the body.
    positions = [m.start() for w in words if (m := re.search(r"\b" + re.escape(fold(w)), folded))]
    aligned = len(folded) == len(body) and positions
    start = max(0, min(positions) - width // 3) if aligned else 0
    text = " ".join(body[start : start + width].split())
    return ("…" if start else "") + text + ("…" if start + width < len(body) else "")


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def _hits(store: Store, docids: list[int], words: list[str]) -> list[SearchHit]:
    if not docids:
        return []
    rows = store.query(
        f"""
        SELECT d.docid, d.collection, d.record_id,
               coalesce(a.id, c.account_id, n.account_id) AS account_id,
               c.first_name, c.last_name, c.email, a.city
        FROM search_docs d
        LEFT JOIN accounts a ON d.collection = 'accounts' AND a.id = d.record_id
        LEFT JOIN contacts c ON d.collection = 'contacts' AND c.id = d.record_id
        LEFT JOIN notes n ON d.collection = 'notes' AND n.id = d.record_id
        WHERE d.docid IN ({_marks(docids)})
        """,
        docids,
    )
    note_ids = [r["docid"] for r in rows if r["collection"] == "notes"]
    # Excerpts are cut here rather than by FTS5's snippet(), which would re-run the
    # match over every note containing the words just to serve twenty of them.
    excerpts = (
        {
            docid: excerpt(body, words)
            for docid, body in store.rows(
                f"SELECT rowid, body FROM search_fts WHERE rowid IN ({_marks(note_ids)})", note_ids
            )
        }
        if note_ids
        else {}
    )
    names = _account_names(store, {r["account_id"] for r in rows})
    by_docid = {r["docid"]: r for r in rows}
    hits = []
    for docid in docids:
        row = by_docid.get(docid)
        if row is None:
            continue
        account_name = names.get(row["account_id"], "")
        if row["collection"] == "accounts":
            title, detail = account_name, row["city"] or ""
        elif row["collection"] == "contacts":
            title = " ".join(p for p in (row["first_name"], row["last_name"]) if p)
            detail = row["email"] or ""
        else:
            title, detail = account_name, excerpts.get(docid, "")
        hits.append(
            SearchHit(
                row["collection"], row["record_id"], title, detail, row["account_id"], account_name
            )
        )
    return hits


def _account_names(store: Store, account_ids: set[str]) -> dict[str, str]:
    if not account_ids:
        return {}
    ids = list(account_ids)
    return {
        r["id"]: r["name"]
        for r in store.query(f"SELECT id, name FROM accounts WHERE id IN ({_marks(ids)})", ids)
    }


def account_places(store: Store, account_ids: list[str]) -> dict[str, Place]:
    """The addresses of these accounts (those still held), for the hits that name them."""
    if not account_ids:
        return {}
    return {
        r["id"]: Place(r["address"], r["city"], r["postal_code"], r["country"])
        for r in store.query(
            "SELECT id, address, city, postal_code, country FROM accounts"
            f" WHERE id IN ({_marks(account_ids)})",
            account_ids,
        )
    }
