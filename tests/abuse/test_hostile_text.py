"""Hostile text in what reps type and search for.

Text is stored and read back exactly (after the documented normalisation: NFC, line ends
as \\n, surrounding space trimmed) or refused with a sentence that says why, and a refusal
stores nothing. Limits: 20,000 characters (code points, counted after normalisation) for
notes, summaries, next steps and details; 200 for names, cities and titles. HTML and SQL
are text like any other. Search takes what is typed as words, never as FTS5 or SQL syntax:
it never raises and finds the literal words where they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import core_world
from support.core_world import World

from fieldapp import validation as check
from fieldapp.errors import ValidationError
from fieldapp.search import MAX_QUERY_CHARS, search
from fieldapp.store.database import Store
from fieldapp.usecases import accounts, follow_ups, notes, visits

# The core's small world (two reps, two accounts, a fixed clock), as tests/core uses
# it: pytest finds fixtures by the names they are bound to here.
clock, store, world = core_world.clock, core_world.store, core_world.world

MEGABYTE = 1_048_576

ONE_LINE = {
    "arabic": "زيارة العميل: طلب ٣ أفران جديدة",
    "hebrew": "ביקור אצל הלקוח — הזמנה של 3 תנורים",
    "mixed direction": "Commande #42 — طلب جديد (3 fours) — fin",
    "direction override": "\u202eTrap\u202c facture.pdf",
    "emoji": "Visite 👍🏽 super 🥐🇨🇦 famille 👩‍👩‍👧‍👦 ❤️",
    "cjk": "東京の顧客、注文確定",
    "astral letters": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛",  # noqa: RUF001 - look-alike letters on purpose
    "zero width": "Bou\u200blangerie\u200d Saint\u2060Laurent\ufeff",
    "html": "<script>alert('x')</script><b>gras</b> &amp; <img src=x onerror=alert(1)>",
    "sql": "Robert'); DROP TABLE notes; -- \" OR 1=1 /*",
    "fts syntax": 'NEAR(four convection) OR "prix" AND NOT -remise ^client title:x * (',
    "backslashes": "C:\\Users\\julie\\%APPDATA% \\n \\x00 \\u0000 %s %d {0}",
    "tabs": "Prix:\t42 $\tTPS incluse",
    "no-break spaces": "12\u00a0500\u00a0$ et 3\u202f%",
    "line separator": "un\u2028deux\u2029trois",
}
MULTI_LINE = {
    **ONE_LINE,
    "lines": "Ligne 1\nLigne 2\n\n    indentée\n- puce\n",
    "html document": '<html>\n<body onload="steal()">\n<p>Bonjour</p>\n</body>\n</html>',
}


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (outbox and search index included)."""
    names = [r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    # An unchanged table scans in the same order: no need to sort.
    return {n: store._conn.execute(f'SELECT * FROM "{n}"').fetchall() for n in names}


def queued(store: Store, record_id: str) -> dict[str, Any]:
    row = store.query_one(
        "SELECT fields FROM outbox WHERE record_id = ? ORDER BY seq DESC LIMIT 1", (record_id,)
    )
    assert row is not None
    return dict(json.loads(row["fields"]))


def report_for(world: World, summary: str) -> tuple[str, str]:
    """A visit completed with ``summary``: the summary read back and the report's body."""
    visit = visits.check_in(
        world.store, visits.plan_visit(world.store, world.account_id, world.clock()).id
    )
    done, report = visits.complete_visit(world.store, visit.id, outcome="neutral", summary=summary)
    assert queued(world.store, report.id)["body"] == report.body
    return visits.get_visit(world.store, done.id).summary or "", notes.get_note(
        world.store, report.id
    ).body


# -- stored exactly -------------------------------------------------------------------------


@pytest.mark.parametrize("text", MULTI_LINE.values(), ids=MULTI_LINE.keys())
def test_a_note_in_any_script_or_markup_is_kept_exactly_as_typed(world: World, text: str) -> None:
    kept = text.strip()  # the one documented change: surrounding space is trimmed
    note = notes.add_note(world.store, world.account_id, text)
    assert notes.get_note(world.store, note.id).body == kept
    assert queued(world.store, note.id)["body"] == kept  # what reaches the central CRM
    assert report_for(world, text) == (kept, kept)


@pytest.mark.parametrize("text", ONE_LINE.values(), ids=ONE_LINE.keys())
def test_names_and_titles_in_any_script_or_markup_are_kept_exactly(world: World, text: str) -> None:
    account = accounts.create_account(world.store, name=text, tier="C", city=text)
    assert accounts.get_account(world.store, account.id).name == text
    assert queued(world.store, account.id)["name"] == text
    contact = accounts.create_contact(world.store, account.id, last_name=text, job_title=text)
    assert (contact.last_name, contact.job_title) == (text, text)
    task = follow_ups.create_follow_up(
        world.store, account.id, title=text, details=text, due_date=date(2026, 12, 1)
    )
    assert (follow_ups.get_follow_up(world.store, task.id).title, task.details) == (text, text)


def test_text_is_normalised_the_documented_way(world: World) -> None:
    # Decomposed accents (as macOS pastes them) are composed; Windows and old Mac line ends
    # become \n; space around the text goes.
    note = notes.add_note(world.store, world.account_id, "  e\u0301cole\r\nfin\rde ligne \t\n")
    assert note.body == "école\nfin\nde ligne"
    account = accounts.create_account(world.store, name=" Cafe\u0301 du Coin ", tier="c")
    assert (account.name, account.tier) == ("Café du Coin", "C")


# -- length limits --------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["x", "é", "ש", "🙂"], ids=["ascii", "accent", "hebrew", "emoji"])
def test_a_note_at_the_length_limit_is_kept_whole(world: World, char: str) -> None:
    body = char * check.MAX_TEXT  # the limit counts characters, whatever their UTF-8 size
    note = notes.add_note(world.store, world.account_id, body)
    assert notes.get_note(world.store, note.id).body == body
    assert queued(world.store, note.id)["body"] == body
    padded = notes.add_note(world.store, world.account_id, "\n  " + body + "  \n")
    assert padded.body == body  # trimmed before it is measured


@pytest.mark.parametrize("size", [check.MAX_TEXT + 1, MEGABYTE], ids=["one over", "1 MB"])
def test_text_over_the_length_limit_is_refused_with_its_size_and_nothing_is_stored(
    world: World, size: int
) -> None:
    before = snapshot(world.store)
    visit = visits.check_in(
        world.store, visits.plan_visit(world.store, world.account_id, world.clock()).id
    )
    after_setup = snapshot(world.store)
    attempts = {
        "body": lambda: notes.add_note(world.store, world.account_id, "é" * size),
        "summary": lambda: visits.log_visit(world.store, visit.id, summary="x" * size),
        "next_steps": lambda: visits.complete_visit(
            world.store, visit.id, outcome="positive", summary="Bien.", next_steps="x" * size
        ),
        "details": lambda: follow_ups.create_follow_up(
            world.store,
            world.account_id,
            title="Rappeler",
            details="🙂" * size,
            due_date=date(2026, 12, 1),
        ),
    }
    for field, attempt in attempts.items():
        with pytest.raises(
            ValidationError, match=f"too long \\({size:,} characters; at most {check.MAX_TEXT:,}\\)"
        ) as refused:
            attempt()
        assert refused.value.field == field
    assert snapshot(world.store) == after_setup != before


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", check.MAX_LINE), ("city", check.MAX_LINE), ("postal_code", 20), ("country", 60)],
)
def test_one_line_fields_take_their_limit_and_refuse_one_more(
    world: World, field: str, limit: int
) -> None:
    edited = accounts.edit_account(world.store, world.account_id, **{field: "ß" * limit})
    assert getattr(edited, field) == "ß" * limit
    before = snapshot(world.store)
    with pytest.raises(ValidationError, match="too long") as refused:
        accounts.edit_account(world.store, world.account_id, **{field: "ß" * (limit + 1)})
    assert refused.value.field == field
    assert snapshot(world.store) == before


# -- characters that are not text ------------------------------------------------------------

CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r"]


def refusal(call: Callable[..., object], *args: object, **kwargs: object) -> str | None:
    """The sentence a call was refused with, or None when it was accepted."""
    try:
        call(*args, **kwargs)
    except ValidationError as error:
        return str(error)
    return None


def test_every_control_character_inside_text_is_refused_and_nothing_is_stored(
    world: World,
) -> None:
    before = snapshot(world.store)
    # One test for the 62 characters: a fresh store for each would cost more than the checks.
    answers = {
        f"U+{ord(char):04X}": (
            refusal(notes.add_note, world.store, world.account_id, f"Avant{char}après"),
            refusal(accounts.edit_account, world.store, world.account_id, name=f"Nord{char}Sud"),
        )
        for char in CONTROLS
    }
    refused = ("Note contains control characters.", "Account name contains control characters.")
    assert {code: said for code, said in answers.items() if said != refused} == {}
    assert snapshot(world.store) == before


def test_line_breaks_are_refused_in_names_but_kept_in_notes(world: World) -> None:
    for line_end in ("\n", "\r\n", "\r"):
        with pytest.raises(ValidationError, match="must fit on one line"):
            accounts.create_account(world.store, name=f"Deux{line_end}lignes", tier="A")
        note = notes.add_note(world.store, world.account_id, f"Deux{line_end}lignes")
        assert note.body == "Deux\nlignes"


@pytest.mark.parametrize(
    "text",
    [
        "caf\udce9",  # b"caf\xe9" read as UTF-8 with surrogateescape (a Latin-1 terminal)
        "\ud83d",  # half of an emoji's UTF-16 pair
        "a\udfffb",
    ],
)
def test_broken_unicode_is_refused_with_a_sentence_not_a_crash(world: World, text: str) -> None:
    before = snapshot(world.store)
    with pytest.raises(ValidationError, match="Note contains broken characters"):
        notes.add_note(world.store, world.account_id, text)
    with pytest.raises(ValidationError, match="City contains broken characters"):
        accounts.edit_account(world.store, world.account_id, city=text)
    assert snapshot(world.store) == before


# -- search takes words, never syntax --------------------------------------------------------

LITERAL_NOTE = (
    "Livraison NEAR the loading dock OR the back door; NOT before 9 AND bring the title: forms."
    ' Prix* "spécial" (promo) ^urgent -remise'
)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('"loading dock"', True),
        ("loading*", True),
        ("NEAR(loading dock)", True),  # NEAR is a word of the note, not an operator
        ("NEAR", True),
        ("OR", True),
        ("AND", True),
        ("NOT before", True),
        ("-remise", True),
        ("^urgent", True),
        ("(promo)", True),
        ("title:forms", True),  # not a column filter: the note's body holds both words
        ('"spécial', True),  # unbalanced quote
        ("spécial'", True),
        ("prix*", True),
        ("loading OR xylophone", False),  # OR is a word, not a disjunction
        ("-xylophone", False),  # '-' is not NOT: the word must be there
        ("NOT xylophone", False),
        ("'; DROP TABLE accounts; --", False),
    ],
)
def test_search_syntax_is_read_as_the_literal_words_typed(
    world: World, query: str, found: bool
) -> None:
    note = notes.add_note(world.store, world.account_id, LITERAL_NOTE)
    hits = [h.record_id for h in search(world.store, query)]
    assert (note.id in hits) is found


TEN_KB = 10 * 1024
HOSTILE_QUERIES = [
    '"',
    "'",
    '""',
    "*",
    "**",
    "NEAR",
    "OR",
    "AND",
    "NOT",
    "-",
    "^",
    "(",
    ")",
    "()",
    ":",
    "NEAR(",
    "a OR",
    "AND b",
    "NOT NOT",
    "title:",
    "body:x",
    "{title body}:x",
    "x + y",
    "'; DROP TABLE accounts; --",
    '"; DELETE FROM notes; --',
    "1' OR '1'='1",
    '"unbalanced',
    "unbalanced'",
    "!!!???...",
    "—–-‐",  # noqa: RUF001 - look-alike dashes on purpose
    "",
    " ",
    "\t\n",
    "\x00",
    "\x00boul",
    "🙂🥐",
    "؟،",
    "\u202e\u202c",
    "_",
    "__init__",
    "Ⅻ",
    "x" * TEN_KB,
    "boul " * (TEN_KB // 5),
    "(" * TEN_KB,
    '"' * TEN_KB,
    "a " * (TEN_KB // 2),
    "e\u0301" * (TEN_KB // 2),
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_a_hostile_query_never_raises_and_changes_nothing(world: World, query: str) -> None:
    notes.add_note(world.store, world.account_id, LITERAL_NOTE)
    before = snapshot(world.store)
    hits = search(world.store, query)
    assert all(h.collection in ("accounts", "contacts", "notes") for h in hits)
    assert snapshot(world.store) == before


def test_a_ten_kilobyte_query_is_read_up_to_its_limit(world: World) -> None:
    # Only the first MAX_QUERY_CHARS characters are read: more than a person means to type.
    assert [h.title for h in search(world.store, "saint laurent " * 800)] == [
        "Boulangerie Saint-Laurent"
    ]
    beyond = "northern" + " " * TEN_KB + "xylophone"  # the word past the limit is not read
    assert len(beyond) > MAX_QUERY_CHARS
    assert [h.title for h in search(world.store, beyond)] == ["Northern Hardware Supply"]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("العميل", ONE_LINE["arabic"]),
        ("הלקוח", ONE_LINE["hebrew"]),
        ("東京の顧客", ONE_LINE["cjk"]),
        ("script alert", ONE_LINE["html"]),
        ("DROP TABLE notes", ONE_LINE["sql"]),
        ("e\u0301cole", "Visite à l'école Saint-Jean"),  # typed decomposed, stored composed
        ("ECOLE", "Visite à l'école Saint-Jean"),
    ],
)
def test_notes_in_any_script_are_found_by_their_words(world: World, query: str, text: str) -> None:
    note = notes.add_note(world.store, world.account_id, text)
    assert note.id in [h.record_id for h in search(world.store, query)]


def examples(long_run: bool) -> settings:
    return settings(
        max_examples=1000 if long_run else 100,
        deadline=None,  # every example commits to SQLite with synchronous=FULL
        suppress_health_check=[HealthCheck.too_slow],
    )


def test_any_query_is_answered_without_error_or_change(world: World, long_run: bool) -> None:
    notes.add_note(world.store, world.account_id, LITERAL_NOTE)
    before = snapshot(world.store)

    count = 0

    @examples(long_run)
    @given(query=st.one_of(st.text(), st.text(st.sampled_from("\"*():^-+{}NEARORANDT ' "))))
    def run(query: str) -> None:
        nonlocal count
        count += 1
        assert isinstance(search(world.store, query), list)

    run()
    assert snapshot(world.store) == before
    print(f"hypothesis examples: {count}")  # shown by pytest -rP


# Letters of scripts the index's tokenizer (unicode61, Unicode 6.1 tables) and Python agree
# are letters: Latin, Greek, Cyrillic, Hebrew, Arabic, CJK.
_LETTERS = st.characters(
    categories=("Lu", "Ll", "Lo"),
    exclude_characters="ªº",
    max_codepoint=0x9FFF,
).filter(lambda c: c < "\u0590" or "\u05d0" <= c <= "\u064a" or c >= "\u4e00")
_SYNTAX = st.text(st.sampled_from("\"*():^-+{}' "), max_size=4)


def test_a_word_wrapped_in_syntax_finds_the_note_that_holds_it(
    world: World, long_run: bool
) -> None:
    count = 0

    @examples(long_run)
    @given(
        word=st.text(_LETTERS, min_size=2, max_size=12),
        before=_SYNTAX,
        after=_SYNTAX,
        noise=st.sampled_from(["NEAR", "OR", "AND", "NOT", "title:", "-", '"']),
    )
    def run(word: str, before: str, after: str, noise: str) -> None:
        nonlocal count
        count += 1
        note = notes.add_note(world.store, world.account_id, f"{noise} ({word}) {noise}*")
        hits = search(world.store, f"{before}{word}{after}", limit=10_000)
        assert note.id in [h.record_id for h in hits]

    run()
    print(f"hypothesis examples: {count}")  # shown by pytest -rP
