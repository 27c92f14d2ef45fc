"""Global search over accounts, contacts and notes (FTS5, prefix and accent-insensitive)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldapp.store.database import Store

MIN_QUERY_CHARS = 2
MAX_QUERY_CHARS = 200
DEFAULT_LIMIT = 20

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    collection: str  # "accounts", "contacts" or "notes"
    record_id: str
    title: str  # account name, contact name, or the note's account name
    detail: str  # city, e-mail, or an excerpt of the note around the match
    account_id: str
    account_name: str


def match_expression(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word, as a quoted prefix.

    Quoting each word makes FTS5 syntax (``"``, ``*``, ``NEAR``, ``OR``, ``-``) plain text;
    the words are then ANDed, so "boul mont" finds the bakery in Montréal.
    """
    words = _WORD.findall(text[:MAX_QUERY_CHARS])
    if sum(len(w) for w in words) < MIN_QUERY_CHARS:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Best matches first (account and contact names weigh more than note text)."""
    expression = match_expression(text)
    if expression is None:
        return []
    rows = store.query(
        """
        WITH hits AS (
            SELECT rowid AS docid, bm25(search_fts, 10.0, 1.0) AS score,
                   snippet(search_fts, 1, '', '', '…', 12) AS excerpt
            FROM search_fts WHERE search_fts MATCH :q
            ORDER BY score LIMIT :limit
        )
        SELECT d.collection, d.record_id, h.excerpt,
               coalesce(a.id, c.account_id, n.account_id) AS account_id,
               c.first_name, c.last_name, c.email, n.kind, a.city
        FROM hits h
        JOIN search_docs d ON d.docid = h.docid
        LEFT JOIN accounts a ON d.collection = 'accounts' AND a.id = d.record_id
        LEFT JOIN contacts c ON d.collection = 'contacts' AND c.id = d.record_id
        LEFT JOIN notes n ON d.collection = 'notes' AND n.id = d.record_id
        ORDER BY h.score
        """,
        {"q": expression, "limit": limit},
    )
    names = _account_names(store, {r["account_id"] for r in rows})
    hits = []
    for row in rows:
        account_name = names.get(row["account_id"], "")
        if row["collection"] == "accounts":
            title, detail = account_name, row["city"] or ""
        elif row["collection"] == "contacts":
            title = " ".join(p for p in (row["first_name"], row["last_name"]) if p)
            detail = row["email"] or ""
        else:
            title, detail = account_name, row["excerpt"] or ""
        hits.append(
            SearchHit(
                row["collection"], row["record_id"], title, detail, row["account_id"], account_name
            )
        )
    return hits


def _account_names(store: Store, account_ids: set[str]) -> dict[str, str]:
    if not account_ids:
        return {}
    marks = ", ".join("?" for _ in account_ids)
    return {
        r["id"]: r["name"]
        for r in store.query(
            f"SELECT id, name FROM accounts WHERE id IN ({marks})", list(account_ids)
        )
    }
