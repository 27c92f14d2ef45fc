"""Global search over accounts, contacts and notes (FTS5, prefix and accent-insensitive).

Ranking every match of a two-letter prefix over a 50,000-account territory costs more
than the 20 ms a keystroke may take, so results come in tiers, each read in index order
with a limit (cheap) rather than ranked whole:

1. names (accounts, contacts) that *start* with what was typed, shortest first;
2. names that contain a word starting with it;
3. everything else (cities, e-mails, note text), newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fieldapp.store.database import Store

MIN_QUERY_CHARS = 2
MAX_QUERY_CHARS = 200
DEFAULT_LIMIT = 20
# Name-start candidates read before ranking them; enough to rank fully from 3 letters on.
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


def _words(text: str) -> list[str]:
    return _WORD.findall(text[:MAX_QUERY_CHARS])


def match_expression(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word, as a quoted prefix.

    Quoting each word makes FTS5 syntax (``"``, ``*``, ``NEAR``, ``OR``, ``-``) plain text;
    the words are then ANDed, so "boul mont" finds the bakery in Montréal.
    """
    words = _words(text)
    if sum(len(w) for w in words) < MIN_QUERY_CHARS:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Best matches first: names starting with the words, other name matches, then the rest."""
    expression = match_expression(text)
    if expression is None:
        return []
    first, *rest = _words(text)
    starts = " ".join([f'^"{first}"*', *(f'"{w}"*' for w in rest)])
    found: list[int] = []
    seen: set[int] = set()

    def take(query: str, cap: int) -> list[int]:
        rows = store.conn.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            (query, cap),
        ).fetchall()
        return [r[0] for r in rows if r[0] not in seen]

    candidates = take(f"title : ({starts})", _CANDIDATES)
    titles = (
        dict(
            store.conn.execute(
                f"SELECT rowid, title FROM search_fts WHERE rowid IN ({_marks(candidates)})",
                candidates,
            ).fetchall()
        )
        if candidates
        else {}
    )
    for docid in sorted(candidates, key=lambda d: (len(titles.get(d, "")), -d))[:limit]:
        found.append(docid)
        seen.add(docid)
    for tier in (f"title : ({expression})", expression):
        if len(found) >= limit:
            break
        more = take(tier, limit - len(found) + len(seen))[: limit - len(found)]
        found += more
        seen.update(more)
    return _hits(store, found, expression)


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def _hits(store: Store, docids: list[int], expression: str) -> list[SearchHit]:
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
    excerpts = (
        dict(
            store.conn.execute(
                f"SELECT rowid, snippet(search_fts, 1, '', '', '…', 12) FROM search_fts"
                f" WHERE search_fts MATCH ? AND rowid IN ({_marks(note_ids)})",
                [expression, *note_ids],
            ).fetchall()
        )
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
