"""Every use case under hostile input: whatever a person types (or a buggy caller passes),
the use case either stores it, normalised the documented way, and reads it back exactly,
or refuses it with the named FieldAppError and changes nothing at all.

"Nothing" is checked on a snapshot of every table (records, outbox, sync bookkeeping,
search index) taken before the call. Each property also counts its outcomes and fails if
its inputs never produced both an accepted and a refused call, so a strategy that drifted
into testing only one branch is noticed, and prints how many examples ran (``pytest -rP``).
Examples per property: ``DEFAULT_EXAMPLES`` in the default run, ``LONG_EXAMPLES`` under
``pytest --long`` (see docs/reliability.md).
"""

from __future__ import annotations

import json
import math
import operator
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import core_world
from support.core_world import World

from fieldapp import validation as check
from fieldapp.errors import (
    FieldAppError,
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from fieldapp.records import (
    NOTE_KINDS,
    OPPORTUNITY_STAGES,
    TEAMS,
    VISIT_OUTCOMES,
    Note,
    Opportunity,
    Visit,
)
from fieldapp.store.changes import get_record
from fieldapp.store.database import Store
from fieldapp.store.replica import upsert_server_records
from fieldapp.store.syncbook import FieldConflict, MutationResult, acknowledge, pending_mutations
from fieldapp.usecases import accounts, follow_ups, notes, planning, reviews, sync_issues, visits

# The core's small world (two reps, two accounts, a fixed clock), as tests/core uses
# it: pytest finds fixtures by the names they are bound to here.
clock, store, world = core_world.clock, core_world.store, core_world.world

DEFAULT_EXAMPLES = 60
LONG_EXAMPLES = 1000

T = TypeVar("T")


def examples(long_run: bool) -> settings:
    return settings(
        max_examples=LONG_EXAMPLES if long_run else DEFAULT_EXAMPLES,
        # Every example commits to a real SQLite file with synchronous=FULL: its timing
        # depends on the disk, not on the code under test.
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- what "changes nothing" and "round-trips" mean ----------------------------------------


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: records, outbox, sync bookkeeping, FTS shadow tables."""
    names = [
        r[0]
        for r in store._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    # No ORDER BY: an unchanged table scans in the same order (rowid or primary key), and
    # sorting megabytes of rows on every example would dominate the long run.
    return {name: store._conn.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}


@dataclass(frozen=True)
class Refusal:
    error: type[FieldAppError]
    fields: frozenset[str] = frozenset()  # a ValidationError must name one of these


class Tally:
    def __init__(self) -> None:
        self.accepted = 0
        self.refused = 0

    def report(self) -> None:
        """Fail if one outcome never happened; print the count (``pytest -rP`` shows it)."""
        assert self.accepted > 0 and self.refused > 0, (
            f"the inputs never exercised both outcomes ({self.accepted} accepted,"
            f" {self.refused} refused)"
        )
        print(
            f"hypothesis examples: {self.accepted + self.refused}"
            f" ({self.accepted} accepted, {self.refused} refused)"
        )


def attempt(store: Store, tally: Tally, refusal: Refusal | None, call: Callable[[], T]) -> T | None:
    """Run ``call``; it must refuse exactly as ``refusal`` says (changing nothing) or succeed.

    Any exception that is not a FieldAppError escapes and fails the test: that is a crash.
    """
    before = snapshot(store)
    try:
        result = call()
    except FieldAppError as error:
        assert refusal is not None, f"valid input refused: {error!r}"
        assert type(error) is refusal.error, f"expected {refusal.error.__name__}, got {error!r}"
        if refusal.fields:
            assert isinstance(error, ValidationError) and error.field in refusal.fields, (
                f"{error!r} names {getattr(error, 'field', None)!r}, not one of"
                f" {sorted(refusal.fields)}"
            )
        assert snapshot(store) == before, f"refused with {error!r} but the store changed"
        tally.refused += 1
        return None
    assert refusal is None, f"accepted input that must be refused with {refusal}"
    tally.accepted += 1
    return result


def last_mutation(store: Store, record_id: str) -> tuple[str, dict[str, Any]]:
    row = store.query_one(
        "SELECT op, fields FROM outbox WHERE record_id = ? ORDER BY seq DESC LIMIT 1",
        (record_id,),
    )
    assert row is not None, f"no mutation queued for {record_id}"
    return row["op"], json.loads(row["fields"])


def outbox_size(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM outbox"))


def as_json(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def same_json(left: Any, right: Any) -> bool:
    """Equal as JSON text, so that True is not 1 and 45 is not 45.0."""
    return json.dumps(left, sort_keys=True) == json.dumps(right, sort_keys=True)


def assert_stored(store: Store, record: Any, read_back: Any, expected: dict[str, Any]) -> None:
    """The record read back is the one returned, holds the expected values, and its
    creation was queued with exactly those values."""
    assert read_back == record
    for name, value in expected.items():
        assert getattr(read_back, name) == value, name
    op, fields = last_mutation(store, record.id)
    assert op == "create"
    for name, value in expected.items():  # a field never set is absent: NULL
        assert same_json(fields.get(name), as_json(value)), (name, fields.get(name), value)


def assert_updated(
    store: Store, before: Any, after: Any, read_back: Any, expected: dict[str, Any], queued: int
) -> None:
    """The edit is stored, and exactly the fields whose value changed were queued."""
    assert read_back == after
    for name, value in expected.items():
        assert getattr(read_back, name) == value, name
    changed = {k: as_json(v) for k, v in expected.items() if getattr(before, k) != v}
    if changed:
        op, fields = last_mutation(store, after.id)
        assert op == "update" and same_json(fields, changed), (op, fields, changed)
    else:
        assert outbox_size(store) == queued


# -- the documented normalisation, written independently of fieldapp.validation -----------


class Refused:
    def __repr__(self) -> str:
        return "REFUSED"


REFUSED: Any = Refused()


def expect_text(
    value: Any, *, required: bool = False, max_length: int = check.MAX_LINE, multiline: bool = False
) -> Any:
    """Text is NFC, line ends are \\n, surrounding space is trimmed; empty means None."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        return REFUSED
    typed = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    typed = typed.strip()
    # Control characters (other than tab and line feed) and lone surrogates are never text
    # a person typed.
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n" for ch in typed):
        return REFUSED
    if "\n" in typed and not multiline:
        return REFUSED
    if not typed:
        return REFUSED if required else None
    return typed if len(typed) <= max_length else REFUSED


def expect_long_text(value: Any, *, required: bool = False) -> Any:
    return expect_text(value, required=required, max_length=check.MAX_TEXT, multiline=True)


def expect_choice(value: Any, options: Iterable[str]) -> Any:
    return value if isinstance(value, str) and value in tuple(options) else REFUSED


def expect_tier(value: Any) -> Any:
    return expect_choice(value.strip().upper() if isinstance(value, str) else value, "ABC")


def expect_coordinate(value: Any, limit: float) -> Any:
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if isinstance(value, bool):
        return REFUSED
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return REFUSED
    return number if math.isfinite(number) and -limit <= number <= limit else REFUSED


def expect_whole(value: Any, low: int, high: int, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return value if ok else REFUSED


def expect_moment(value: Any) -> Any:
    """An aware date and time in the years people plan in; refused otherwise."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        return REFUSED
    return value if check.EARLIEST_YEAR <= value.year <= check.LATEST_YEAR else REFUSED


def expect_day(value: Any) -> Any:
    if isinstance(value, datetime) or not isinstance(value, date):
        return REFUSED
    return value if check.EARLIEST_YEAR <= value.year <= check.LATEST_YEAR else REFUSED


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def by_validator(validator: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Phone and e-mail syntax belong to their validator (a pattern, email-validator): the
    property is then that the use case stores exactly what it returns."""

    def run(value: Any) -> Any:
        try:
            return validator(value)
        except ValidationError:
            return REFUSED

    return run


def refused(expected: dict[str, Any]) -> frozenset[str]:
    return frozenset(name for name, value in expected.items() if value is REFUSED)


def first(*checks: tuple[bool, Refusal]) -> Refusal | None:
    """The refusal of the first check that fails, in the order the use case checks."""
    return next((refusal for failed, refusal in checks if failed), None)


def invalid(fields: Iterable[str]) -> Refusal:
    return Refusal(ValidationError, frozenset(fields))


NOT_FOUND = Refusal(NotFoundError)
BAD_STATE = Refusal(InvalidStateError)
DENIED = Refusal(PermissionDeniedError)


# -- hostile inputs ------------------------------------------------------------------------


def mostly(valid: st.SearchStrategy[Any], hostile: st.SearchStrategy[Any]) -> Any:
    """Valid three times in four: a call with several inputs must still be accepted often
    enough for its round trip to be tested (``one_of`` would flatten and dilute ``valid``)."""
    return st.integers(0, 3).flatmap(lambda i: hostile if i == 0 else valid)


SAMPLES = (
    "",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "  padded  ",
    "Élise",
    "e\u0301cole",
    "Straße",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202eevil\u202c",
    "👩‍👩‍👧‍👦",
    "🇨🇦🇫🇷",
    "👍🏽",
    "\ufeffBOM",
    "zero\u200bwidth",
    "line\u2028separator",
    "\x00",
    "a\x07b",
    "\x1b[31mred",
    "tab\there",
    "two\nlines",
    "\x85next",
    "\u00a0nbsp\u00a0",
    "<script>alert(1)</script>",
    "<b>gras</b>",
    "'; DROP TABLE accounts; --",
    "NEAR(a b) OR c*",
    '"quoted"',
    "NULL",
    "None",
    "%_\\",
    "x" * check.MAX_LINE,
    "x" * (check.MAX_LINE + 1),
    "é" * check.MAX_TEXT,
    "🙂" * (check.MAX_TEXT + 1),
    "\ud800",
    "a\udfffb",
)
_printable = st.text(max_size=40)  # any code point except surrogates, controls included
_controls = st.text(
    st.characters(max_codepoint=0x9F) | st.sampled_from("\u2028\u2029\u200b\u202e\ufeff\u0301"),
    max_size=12,
)
_huge = st.builds(operator.mul, st.text(min_size=1, max_size=3), st.integers(1, 25_000))
any_text = st.one_of(
    st.sampled_from(SAMPLES),
    _printable,
    _controls,
    st.lists(st.one_of(_printable, _controls, st.sampled_from(SAMPLES)), max_size=4).map("".join),
    _huge,
)
wrong_types = st.one_of(
    st.integers(),
    st.floats(),
    st.booleans(),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.dates(),
)
text_input = st.one_of(st.none(), any_text, wrong_types)
choice_input = st.one_of(
    st.none(),
    any_text,
    wrong_types,
    st.sampled_from(["A", "b", " c ", "D", "Ａ", "AB"]),  # noqa: RUF001 - a full-width A
)
unknown_ids = st.one_of(
    st.none(),
    st.text(max_size=40),
    # An id beyond SQLite's 64-bit integers cannot even be bound: a caller's bug, not input.
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from(["", "' OR 1=1 --", "0190a000-0000-7000-8000-00000000ffff"]),
)
number_input = st.one_of(
    st.none(),
    st.floats(),
    st.floats(-200, 200),
    st.integers(-1000, 1000),
    st.integers(),
    st.booleans(),
    st.sampled_from(["45.5", " -73.6 ", "1e999", "nan", "-inf", "", "abc", "٤٥", 10**400]),
    st.text(max_size=8),
)

_offsets = st.builds(
    timezone,
    st.timedeltas(-timedelta(hours=23, minutes=59), timedelta(hours=23, minutes=59)),
)
_zones = st.one_of(st.just(UTC), _offsets)
_extreme_moments = st.sampled_from(
    [
        datetime.min.replace(tzinfo=UTC),
        datetime.max.replace(tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
        datetime(9999, 12, 31, 23, tzinfo=timezone(-timedelta(hours=5))),
        datetime(999, 5, 1, tzinfo=UTC),
        datetime(26, 11, 23, 9, tzinfo=UTC),  # "26" typed for 2026
        datetime(check.EARLIEST_YEAR - 1, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(check.EARLIEST_YEAR, 1, 1, tzinfo=UTC),
        datetime(check.LATEST_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(check.LATEST_YEAR + 1, 1, 1, tzinfo=UTC),
    ]
)
moment_input = mostly(
    st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=_zones),
    st.one_of(
        st.datetimes(timezones=st.one_of(st.none(), _zones)),
        _extreme_moments,
        st.dates(),
        st.sampled_from(["2026-11-23T14:05:00Z", "", 0, False, 1.5, []]),
    ),
)
day_input = mostly(
    st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    st.one_of(
        st.dates(),
        st.sampled_from(
            [
                date.min,
                date.max,
                date(check.EARLIEST_YEAR - 1, 12, 31),
                date(check.EARLIEST_YEAR, 1, 1),
                date(check.LATEST_YEAR, 12, 31),
                date(check.LATEST_YEAR + 1, 1, 1),
                "2026-11-25",
                20261125,
                None,
            ]
        ),
        st.datetimes(),
    ),
)


mostly_known = st.integers(0, 3).map(bool)  # False: the record id is a stranger's
typed_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=60)


def overrides(inputs: dict[str, st.SearchStrategy[Any]], most: int = 3) -> Any:
    """A few fields replaced by hostile values; the rest keep a valid value, so that both
    acceptance and each field's own refusal are reached."""
    pairs = st.sampled_from(sorted(inputs)).flatmap(lambda f: st.tuples(st.just(f), inputs[f]))
    return st.lists(pairs, max_size=most).map(dict)


# -- accounts, contacts, opportunities ----------------------------------------------------

ACCOUNT_BASE: dict[str, Any] = {
    "name": "Quincaillerie Gagnon & Fils",
    "tier": "B",
    "address": "12 rue Principale",
    "city": "Laval",
    "postal_code": "H7N 1A1",
    "country": "CA",
    "latitude": 45.57,
    "longitude": -73.72,
    "phone": "(450) 555-0123 poste 12",
    "visit_frequency_days": 30,
}
ACCOUNT_INPUTS: dict[str, st.SearchStrategy[Any]] = {
    "name": text_input,
    "tier": choice_input,
    "address": text_input,
    "city": text_input,
    "postal_code": text_input,
    "country": text_input,
    "latitude": number_input,
    "longitude": number_input,
    "phone": st.one_of(
        st.from_regex(r"\+?[0-9 ().\-/]{0,42}( ?(x|ext\.?|poste) ?[0-9]{1,7})?", fullmatch=True),
        text_input,
    ),
    "visit_frequency_days": number_input,
}
ACCOUNT_ORACLE: dict[str, Callable[[Any], Any]] = {
    "name": lambda v: expect_text(v, required=True),
    "tier": expect_tier,
    "address": expect_text,
    "city": expect_text,
    "postal_code": lambda v: expect_text(v, max_length=20),
    "country": lambda v: expect_text(v, max_length=60),
    "latitude": lambda v: expect_coordinate(v, 90),
    "longitude": lambda v: expect_coordinate(v, 180),
    "phone": by_validator(lambda v: check.phone("phone", v)),
    "visit_frequency_days": lambda v: expect_whole(v, 1, 730, optional=True),
}


def coordinates_apart(expected: dict[str, Any], given: Iterable[str]) -> bool:
    """Latitude and longitude go together: setting one alone is refused."""
    if "latitude" not in given and "longitude" not in given:
        return False
    return (expected.get("latitude") is None) != (expected.get("longitude") is None)


def test_a_prospect_typed_on_the_road_is_stored_normalised_or_refused_whole(
    world: World, long_run: bool
) -> None:
    tally = Tally()

    @examples(long_run)
    @given(changes=overrides(ACCOUNT_INPUTS))
    def run(changes: dict[str, Any]) -> None:
        values = {**ACCOUNT_BASE, **changes}
        expected = {name: ACCOUNT_ORACLE[name](value) for name, value in values.items()}
        refusal = first(
            (bool(refused(expected)), invalid(refused(expected))),
            (coordinates_apart(expected, values), invalid({"latitude"})),
        )
        account = attempt(
            world.store, tally, refusal, lambda: accounts.create_account(world.store, **values)
        )
        if account is not None:
            read_back = accounts.get_account(world.store, account.id)
            assert_stored(world.store, account, read_back, {**expected, "owner_id": world.field_id})

    run()
    tally.report()


def test_account_edits_store_what_changed_or_refuse_and_change_nothing(
    world: World, long_run: bool
) -> None:
    tally = Tally()
    not_editable = st.one_of(st.text(max_size=10), st.integers())
    inputs = {**ACCOUNT_INPUTS, "owner_id": not_editable, "version": not_editable}
    oracle = {**ACCOUNT_ORACLE, "owner_id": lambda v: REFUSED, "version": lambda v: REFUSED}

    @examples(long_run)
    @given(changes=overrides(inputs), known=mostly_known, stranger=unknown_ids)
    def run(changes: dict[str, Any], known: bool, stranger: Any) -> None:
        account_id = world.account_id if known else stranger
        expected = {name: oracle[name](value) for name, value in changes.items()}
        before = accounts.get_account(world.store, world.account_id)
        # After the edit the account has both coordinates or neither.
        after = {"latitude": before.latitude, "longitude": before.longitude, **expected}
        refusal = first(
            (bool(refused(expected)), invalid(refused(expected))),
            (coordinates_apart(expected, changes), invalid({"latitude"})),
            (not known, NOT_FOUND),
            (coordinates_apart(after, after), invalid({"latitude"})),
        )
        queued = outbox_size(world.store)
        edited = attempt(
            world.store,
            tally,
            refusal,
            lambda: accounts.edit_account(world.store, account_id, **changes),
        )
        if edited is not None:
            read_back = accounts.get_account(world.store, world.account_id)
            assert_updated(world.store, before, edited, read_back, expected, queued)

    run()
    tally.report()


def test_a_contact_met_on_the_road_is_stored_normalised_or_refused_whole(
    world: World, long_run: bool
) -> None:
    tally = Tally()
    base = {
        "last_name": "Gagnon",
        "first_name": "Luc",
        "job_title": "Acheteur",
        "email": "luc@quincaillerie.ca",
        "phone": None,
    }
    inputs = {
        "last_name": text_input,
        "first_name": text_input,
        "job_title": text_input,
        "email": st.one_of(
            st.emails(),
            text_input,
            st.sampled_from(
                ["Luc.Gagnon@Quincaillerie.CA", "a@b", "jean@@x.ca", "x y@x.ca", "élise@café.ca"]
            ),
        ),
        "phone": ACCOUNT_INPUTS["phone"],
    }
    oracle: dict[str, Callable[[Any], Any]] = {
        "last_name": lambda v: expect_text(v, required=True),
        "first_name": expect_text,
        "job_title": expect_text,
        "email": by_validator(lambda v: check.email("email", v)),
        "phone": ACCOUNT_ORACLE["phone"],
    }

    @examples(long_run)
    @given(changes=overrides(inputs), known=mostly_known, stranger=unknown_ids)
    def run(changes: dict[str, Any], known: bool, stranger: Any) -> None:
        values = {**base, **changes}
        account_id = world.account_id if known else stranger
        expected = {name: oracle[name](value) for name, value in values.items()}
        refusal = first(
            (bool(refused(expected)), invalid(refused(expected))), (not known, NOT_FOUND)
        )
        contact = attempt(
            world.store,
            tally,
            refusal,
            lambda: accounts.create_contact(world.store, account_id, **values),
        )
        if contact is not None:
            read_back = next(
                c for c in accounts.contacts_of(world.store, account_id) if c.id == contact.id
            )
            assert_stored(world.store, contact, read_back, {**expected, "account_id": account_id})

    run()
    tally.report()


def test_an_opportunity_moves_only_to_a_known_stage(world: World, long_run: bool) -> None:
    tally = Tally()
    deal = "0190a000-0000-7000-8000-0000000000b1"
    upsert_server_records(
        world.store,
        "opportunities",
        [
            {
                "id": deal,
                "account_id": world.account_id,
                "name": "Fours 2027",
                "stage": "proposal",
                "amount": 42000.0,
                "currency": "CAD",
                "version": 4,
                "created_at": "2026-06-01T12:00:00Z",
            }
        ],
    )
    stages = mostly(
        st.sampled_from(OPPORTUNITY_STAGES),
        st.one_of(st.sampled_from([" proposal", "PROPOSAL", "won", "closed won"]), choice_input),
    )

    @examples(long_run)
    @given(stage=stages, known=mostly_known, stranger=unknown_ids)
    def run(stage: Any, known: bool, stranger: Any) -> None:
        expected = {"stage": expect_choice(stage, OPPORTUNITY_STAGES)}
        refusal = first((bool(refused(expected)), invalid({"stage"})), (not known, NOT_FOUND))
        before = opportunity(world, deal)
        queued = outbox_size(world.store)
        moved = attempt(
            world.store,
            tally,
            refusal,
            lambda: accounts.update_opportunity_stage(
                world.store, deal if known else stranger, stage
            ),
        )
        if moved is not None:
            assert_updated(world.store, before, moved, opportunity(world, deal), expected, queued)

    run()
    tally.report()


def opportunity(world: World, opportunity_id: str) -> Opportunity:
    return Opportunity.from_row(get_record(world.store, "opportunities", opportunity_id))


# -- visits --------------------------------------------------------------------------------

OTHER_CONTACT = "0190a000-0000-7000-8000-00000000c003"


def planned(world: World) -> Visit:
    return visits.plan_visit(world.store, world.account_id, world.clock() + timedelta(hours=1))


def checked_in(world: World) -> Visit:
    return visits.check_in(world.store, planned(world).id)


@st.composite
def slots(draw: st.DrawFn) -> tuple[Any, Any]:
    """A start, and an end that is often near it (so that valid slots are common)."""
    start = draw(moment_input)
    if isinstance(start, datetime) and draw(st.booleans()):
        length = draw(st.timedeltas(-timedelta(hours=1), timedelta(hours=13)))
        try:
            return start, start + length
        except OverflowError:
            pass
    return start, draw(st.one_of(st.none(), moment_input))


def expect_slot(start: Any, end: Any) -> tuple[Refusal | None, tuple[str, str] | None]:
    begins = expect_moment(start)
    ends = REFUSED if begins is REFUSED else begins + timedelta(hours=1)
    if end is not None:
        ends = expect_moment(end)
    refusal = first(
        (begins is REFUSED, invalid({"planned_start"})),
        (ends is REFUSED, invalid({"planned_end"})),
    )
    if refusal is None:
        # The store keeps whole seconds in UTC: the slot's rules hold for what it keeps.
        begins, ends = (m.astimezone(UTC).replace(microsecond=0) for m in (begins, ends))
        refusal = first(
            (ends <= begins, invalid({"planned_end"})),
            (ends - begins > timedelta(hours=12), invalid({"planned_end"})),
        )
    return refusal, None if refusal else (utc_text(begins), utc_text(ends))


def test_a_visit_is_planned_in_a_real_slot_or_refused(world: World, long_run: bool) -> None:
    tally = Tally()

    @examples(long_run)
    @given(slot=slots(), known=mostly_known, stranger=unknown_ids)
    def run(slot: tuple[Any, Any], known: bool, stranger: Any) -> None:
        refusal, texts = expect_slot(*slot)
        refusal = refusal or first((not known, NOT_FOUND))
        account_id = world.account_id if known else stranger
        visit = attempt(
            world.store, tally, refusal, lambda: visits.plan_visit(world.store, account_id, *slot)
        )
        if visit is not None:
            assert texts is not None
            start, end = texts
            assert start < end  # stored text order is time order: it ends after it starts
            assert_stored(
                world.store,
                visit,
                visits.get_visit(world.store, visit.id),
                {
                    "planned_start": start,
                    "planned_end": end,
                    "status": "planned",
                    "account_id": world.account_id,
                    "rep_id": world.field_id,
                    "contacts_met": (),
                },
            )

    run()
    tally.report()


def test_a_visit_is_rescheduled_only_while_planned(world: World, long_run: bool) -> None:
    tally = Tally()

    @examples(long_run)
    @given(
        slot=slots(),
        state=mostly(st.just("planned"), st.sampled_from(["cancelled", "unknown"])),
    )
    def run(slot: tuple[Any, Any], state: str) -> None:
        visit = planned(world)
        if state == "cancelled":
            visit = visits.cancel_visit(world.store, visit.id)
        refusal, texts = expect_slot(*slot)
        refusal = refusal or first((state == "unknown", NOT_FOUND), (state != "planned", BAD_STATE))
        visit_id = visit.id if state != "unknown" else "no-such-visit"
        queued = outbox_size(world.store)
        moved = attempt(
            world.store,
            tally,
            refusal,
            lambda: visits.reschedule_visit(world.store, visit_id, *slot),
        )
        if moved is not None:
            assert texts is not None
            expected = {"planned_start": texts[0], "planned_end": texts[1]}
            assert_updated(
                world.store, visit, moved, visits.get_visit(world.store, visit.id), expected, queued
            )

    run()
    tally.report()


def test_check_in_records_a_real_time_or_changes_nothing(world: World, long_run: bool) -> None:
    tally = Tally()

    @examples(long_run)
    @given(
        at=st.one_of(st.none(), moment_input),
        state=st.sampled_from(["planned", "planned", "cancelled", "unknown"]),
    )
    def run(at: Any, state: str) -> None:
        visit = planned(world)
        if state == "cancelled":
            visit = visits.cancel_visit(world.store, visit.id)
        arrived = world.clock() if at is None else expect_moment(at)
        refusal = first(
            (arrived is REFUSED, invalid({"checked_in_at"})),
            (state == "unknown", NOT_FOUND),
            (state != "planned", BAD_STATE),
        )
        visit_id = visit.id if state != "unknown" else "no-such-visit"
        queued = outbox_size(world.store)
        done = attempt(
            world.store, tally, refusal, lambda: visits.check_in(world.store, visit_id, at)
        )
        if done is not None:
            expected = {"status": "checked_in", "checked_in_at": utc_text(arrived)}
            assert_updated(
                world.store, visit, done, visits.get_visit(world.store, visit.id), expected, queued
            )

    run()
    tally.report()


contacts_input = st.one_of(
    st.lists(
        st.one_of(st.sampled_from([*World.contact_ids, OTHER_CONTACT, "ghost", ""]), unknown_ids),
        max_size=5,
    ),
    st.lists(st.sampled_from(World.contact_ids), max_size=4),
    st.lists(st.sampled_from(World.contact_ids), max_size=3).map(tuple),
    st.none(),
    st.text(max_size=5),
    st.integers(),
    st.lists(st.lists(st.integers(), max_size=2), min_size=1, max_size=2),
    st.just([f"0190a000-0000-7000-8000-{n:012d}" for n in range(300)]),
)


def expect_contacts(value: Any) -> Any:
    """Contacts met: a list of ids of the account's contacts, repeats dropped, in order."""
    if not isinstance(value, list | tuple) or not all(isinstance(c, str) for c in value):
        return REFUSED
    wanted = tuple(dict.fromkeys(value))
    return wanted if all(c in World.contact_ids for c in wanted) else REFUSED


def seed_other_contact(world: World) -> None:
    upsert_server_records(
        world.store,
        "contacts",
        [
            {
                "id": OTHER_CONTACT,
                "account_id": world.other_account_id,
                "last_name": "Roy",
                "version": 1,
                "created_at": "2026-01-05T15:00:00Z",
            }
        ],
    )


def report_fields(outcome: Any, summary: Any, next_steps: Any) -> dict[str, Any]:
    return {
        "outcome": None if outcome is None else expect_choice(outcome, VISIT_OUTCOMES),
        "summary": expect_long_text(summary),
        "next_steps": expect_long_text(next_steps),
    }


outcome_input = mostly(
    st.sampled_from(VISIT_OUTCOMES), st.one_of(st.sampled_from(["great", "Positive"]), choice_input)
)
report_text = mostly(typed_text, text_input)
met_input = mostly(st.lists(st.sampled_from(World.contact_ids), max_size=3), contacts_input)


def test_a_visit_log_is_stored_as_typed_or_refused_whole(world: World, long_run: bool) -> None:
    tally = Tally()
    seed_other_contact(world)

    @examples(long_run)
    @given(
        outcome=outcome_input,
        summary=report_text,
        next_steps=report_text,
        contacts=met_input,
        state=st.sampled_from(["in", "in", "planned", "unknown"]),
    )
    def run(outcome: Any, summary: Any, next_steps: Any, contacts: Any, state: str) -> None:
        visit = checked_in(world) if state == "in" else planned(world)
        expected = report_fields(outcome, summary, next_steps)
        met = expect_contacts(contacts)
        refusal = first(
            (bool(refused(expected)), invalid(refused(expected))),
            (state == "unknown", NOT_FOUND),
            (state == "planned", BAD_STATE),
            (met is REFUSED, invalid({"contacts_met"})),
        )
        visit_id = visit.id if state != "unknown" else "no-such-visit"
        queued = outbox_size(world.store)
        logged = attempt(
            world.store,
            tally,
            refusal,
            lambda: visits.log_visit(
                world.store,
                visit_id,
                outcome=outcome,
                summary=summary,
                contacts_met=contacts,
                next_steps=next_steps,
            ),
        )
        if logged is not None:
            expected["contacts_met"] = met
            assert_updated(
                world.store,
                visit,
                logged,
                visits.get_visit(world.store, visit.id),
                expected,
                queued,
            )

    run()
    tally.report()


def assert_report_sent(world: World, visit: Visit, report: Note, summary: str) -> None:
    assert_stored(
        world.store,
        report,
        notes.get_note(world.store, report.id),
        {
            "kind": "visit_report",
            "body": summary,
            "visit_id": visit.id,
            "account_id": visit.account_id,
            "author_id": world.field_id,
            "pinned": False,
        },
    )


def test_check_out_completes_a_logged_visit_or_changes_nothing(
    world: World, long_run: bool
) -> None:
    tally = Tally()

    @examples(long_run)
    @given(
        at=st.one_of(st.none(), moment_input),
        state=st.sampled_from(["logged", "logged", "unlogged", "planned", "unknown"]),
    )
    def run(at: Any, state: str) -> None:
        visit = planned(world) if state == "planned" else checked_in(world)
        if state == "logged":
            visit = visits.log_visit(world.store, visit.id, outcome="positive", summary="Bien.")
        left = world.clock() if at is None else expect_moment(at)
        refusal = first(
            (left is REFUSED, invalid({"checked_out_at"})),
            (state == "unknown", NOT_FOUND),
            (state == "planned", BAD_STATE),
            (state == "unlogged", invalid({"summary"})),
        ) or first((utc_text(left) < str(visit.checked_in_at), invalid({"checked_out_at"})))
        visit_id = visit.id if state != "unknown" else "no-such-visit"
        closed = attempt(
            world.store, tally, refusal, lambda: visits.check_out(world.store, visit_id, at)
        )
        if closed is not None:
            done, report = closed
            assert visits.get_visit(world.store, visit.id) == done
            assert (done.status, done.checked_out_at) == ("completed", utc_text(left))
            assert_report_sent(world, visit, report, "Bien.")

    run()
    tally.report()


def test_completing_a_visit_in_one_step_is_all_or_nothing(world: World, long_run: bool) -> None:
    tally = Tally()
    seed_other_contact(world)

    @examples(long_run)
    @given(
        outcome=outcome_input,
        summary=report_text,
        next_steps=report_text,
        contacts=met_input,
        at=mostly(st.none(), moment_input),
    )
    def run(outcome: Any, summary: Any, next_steps: Any, contacts: Any, at: Any) -> None:
        visit = checked_in(world)
        expected = report_fields(outcome, summary, next_steps)
        met = expect_contacts(contacts)
        left = world.clock() if at is None else expect_moment(at)
        refusal = first(
            (bool(refused(expected)), invalid(refused(expected))),
            (met is REFUSED, invalid({"contacts_met"})),
            (left is REFUSED, invalid({"checked_out_at"})),
            (expected["summary"] is None, invalid({"summary"})),
            (expected["outcome"] is None, invalid({"outcome"})),
        ) or first((utc_text(left) < str(visit.checked_in_at), invalid({"checked_out_at"})))
        closed = attempt(
            world.store,
            tally,
            refusal,
            lambda: visits.complete_visit(
                world.store,
                visit.id,
                outcome=outcome,
                summary=summary,
                contacts_met=contacts,
                next_steps=next_steps,
                at=at,
            ),
        )
        if closed is not None:
            done, report = closed
            assert visits.get_visit(world.store, visit.id) == done
            expected |= {
                "contacts_met": met,
                "status": "completed",
                "checked_out_at": utc_text(left),
            }
            for name, value in expected.items():
                assert getattr(done, name) == value, name
            assert_report_sent(world, visit, report, expected["summary"])

    run()
    tally.report()


def test_the_route_order_takes_only_planned_visits_each_once(world: World, long_run: bool) -> None:
    tally = Tally()
    kinds = ["planned 1", "planned 2", "planned 3", "cancelled", "unknown"]

    @examples(long_run)
    @given(
        route=mostly(
            st.lists(st.sampled_from(kinds[:3]), unique=True, max_size=3),
            st.lists(st.sampled_from(kinds), max_size=6),
        )
    )
    def run(route: list[str]) -> None:
        pool = {kind: planned(world).id for kind in kinds[:4]}
        visits.cancel_visit(world.store, pool["cancelled"])
        pool["unknown"] = "no-such-visit"
        ids = [pool[kind] for kind in route]
        refusal = first((len(set(route)) != len(route), invalid({"visit_ids"})))
        for kind in route:
            refusal = refusal or first(
                (kind == "unknown", NOT_FOUND), (kind == "cancelled", BAD_STATE)
            )
        ordered = attempt(
            world.store, tally, refusal, lambda: visits.reorder_plan(world.store, ids)
        )
        if ordered is not None:
            assert [v.id for v in ordered] == ids
            positions = [visits.get_visit(world.store, i).route_position for i in ids]
            assert positions == list(range(len(ids)))

    run()
    tally.report()


# -- notes, follow-ups, reviews ------------------------------------------------------------


def test_a_note_is_kept_as_typed_or_refused_whole(world: World, long_run: bool) -> None:
    tally = Tally()
    own_visit = planned(world).id
    other_visit = visits.plan_visit(world.store, world.other_account_id, world.clock()).id
    visit_choice = mostly(
        st.sampled_from([None, own_visit]), st.sampled_from([other_visit, "no-such-visit"])
    )
    pinned_input = st.one_of(st.booleans(), st.sampled_from([0, 1, 2, "", "no", None, []]))

    @examples(long_run)
    @given(
        body=report_text,
        kind=mostly(st.sampled_from(NOTE_KINDS), choice_input),
        visit_id=visit_choice,
        pinned=pinned_input,
        known=mostly_known,
        stranger=unknown_ids,
        inside=st.booleans(),
    )
    def run(
        body: Any, kind: Any, visit_id: Any, pinned: Any, known: bool, stranger: Any, inside: bool
    ) -> None:
        world.sign_in(world.inside_id if inside else world.field_id)
        account_id = world.account_id if known else stranger
        text, sort = expect_long_text(body, required=True), expect_choice(kind, NOTE_KINDS)
        refusal = first(
            (sort is REFUSED or sort == "feedback", invalid({"kind"})),
            (text is REFUSED, invalid({"body"})),
            (not known, NOT_FOUND),
            (visit_id == "no-such-visit", NOT_FOUND),
            (visit_id == other_visit, invalid({"visit_id"})),
            (bool(pinned) and not inside, DENIED),
        )
        note = attempt(
            world.store,
            tally,
            refusal,
            lambda: notes.add_note(
                world.store, account_id, body, kind=kind, visit_id=visit_id, pinned=pinned
            ),
        )
        if note is not None:
            assert_stored(
                world.store,
                note,
                notes.get_note(world.store, note.id),
                {
                    "body": text,
                    "kind": kind,
                    "visit_id": visit_id,
                    "pinned": bool(pinned),
                    "account_id": world.account_id,
                    "author_id": world.inside_id if inside else world.field_id,
                },
            )

    run()
    tally.report()


def test_only_the_author_corrects_a_note_and_only_with_text(world: World, long_run: bool) -> None:
    tally = Tally()
    mine = notes.add_note(world.store, world.account_id, "Premier jet").id
    world.sign_in(world.inside_id)
    theirs = notes.add_note(world.store, world.account_id, "Note de Marc").id
    world.sign_in(world.field_id)

    @examples(long_run)
    @given(
        body=report_text,
        target=mostly(st.just("mine"), st.sampled_from(["theirs", "unknown"])),
    )
    def run(body: Any, target: str) -> None:
        note_id = {"mine": mine, "theirs": theirs, "unknown": "no-such-note"}[target]
        text = expect_long_text(body, required=True)
        refusal = first(
            (text is REFUSED, invalid({"body"})),
            (target == "unknown", NOT_FOUND),
            (target == "theirs", DENIED),
        )
        before = notes.get_note(world.store, mine)
        queued = outbox_size(world.store)
        edited = attempt(
            world.store, tally, refusal, lambda: notes.edit_note(world.store, note_id, body)
        )
        if edited is not None:
            read_back = notes.get_note(world.store, mine)
            assert_updated(world.store, before, edited, read_back, {"body": text}, queued)

    run()
    tally.report()


def completed_report(world: World) -> Note:
    return visits.complete_visit(
        world.store, checked_in(world).id, outcome="positive", summary="Rencontre productive"
    )[1]


def test_feedback_answers_a_visit_report_with_text(world: World, long_run: bool) -> None:
    tally = Tally()
    report = completed_report(world)
    world.sign_in(world.inside_id)
    pinned = notes.pin_note_for_field(world.store, world.account_id, "À lire").id

    @examples(long_run)
    @given(
        body=report_text,
        target=mostly(st.just("report"), st.sampled_from(["pinned", "unknown"])),
    )
    def run(body: Any, target: str) -> None:
        note_id = {"report": report.id, "pinned": pinned, "unknown": "no-such-note"}[target]
        text = expect_long_text(body, required=True)
        refusal = first(
            (text is REFUSED, invalid({"body"})),
            (target == "unknown", NOT_FOUND),
            (target == "pinned", invalid({"reply_to_id"})),
        )
        reply = attempt(
            world.store,
            tally,
            refusal,
            lambda: notes.reply_to_visit_report(world.store, note_id, body),
        )
        if reply is not None:
            assert_stored(
                world.store,
                reply,
                notes.get_note(world.store, reply.id),
                {
                    "body": text,
                    "kind": "feedback",
                    "reply_to_id": report.id,
                    "visit_id": report.visit_id,
                    "account_id": report.account_id,
                    "author_id": world.inside_id,
                    "pinned": False,
                },
            )

    run()
    tally.report()


def test_only_the_inside_team_pins_notes_for_the_field(world: World, long_run: bool) -> None:
    tally = Tally()
    note_id = notes.add_note(world.store, world.account_id, "Client difficile").id

    @examples(long_run)
    @given(
        pinned=st.one_of(st.booleans(), wrong_types, st.none()),
        inside=st.booleans(),
        known=st.booleans(),
    )
    def run(pinned: Any, inside: bool, known: bool) -> None:
        world.sign_in(world.inside_id if inside else world.field_id)
        refusal = first((not inside, DENIED), (not known, NOT_FOUND))
        before = notes.get_note(world.store, note_id)
        queued = outbox_size(world.store)
        target = note_id if known else "no-such-note"
        pin = attempt(
            world.store, tally, refusal, lambda: notes.set_note_pinned(world.store, target, pinned)
        )
        if pin is not None:
            read_back = notes.get_note(world.store, note_id)
            assert_updated(world.store, before, pin, read_back, {"pinned": bool(pinned)}, queued)

    run()
    tally.report()


def test_a_follow_up_is_handed_over_complete_or_not_at_all(world: World, long_run: bool) -> None:
    tally = Tally()
    own_visit = planned(world).id
    other_visit = visits.plan_visit(world.store, world.other_account_id, world.clock()).id
    own_note = notes.add_note(world.store, world.account_id, "Note ici").id
    other_note = notes.add_note(world.store, world.other_account_id, "Note ailleurs").id
    base = {
        "title": "Envoyer la soumission",
        "due_date": date(2026, 11, 25),
        "assignee_team": None,
        "assignee_user_id": None,
        "details": None,
        "origin_visit_id": None,
        "origin_note_id": None,
    }
    inputs = {
        "title": text_input,
        "details": text_input,
        "due_date": day_input,
        "assignee_team": st.one_of(st.sampled_from([*TEAMS, "sales", "Inside"]), choice_input),
        "assignee_user_id": st.one_of(
            st.sampled_from([world.inside_id, world.field_id]), unknown_ids
        ),
        "origin_visit_id": st.sampled_from([own_visit, other_visit, "no-such-visit"]),
        "origin_note_id": st.sampled_from([own_note, other_note, "no-such-note"]),
    }
    users = (world.inside_id, world.field_id)

    @examples(long_run)
    @given(changes=overrides(inputs, most=4), known=mostly_known, stranger=unknown_ids)
    def run(changes: dict[str, Any], known: bool, stranger: Any) -> None:
        v = {**base, **changes}
        texts = {
            "title": expect_text(v["title"], required=True),
            "details": expect_long_text(v["details"]),
            "due_date": expect_day(v["due_date"]),
        }
        team, person = v["assignee_team"], v["assignee_user_id"]
        refusal = first(
            (bool(refused(texts)), invalid(refused(texts))),
            (team is not None and person is not None, invalid({"assignee"})),
            (team is not None and team not in TEAMS, invalid({"assignee_team"})),
            (not known, NOT_FOUND),
            (team is None and person is not None and person not in users, NOT_FOUND),
            (v["origin_visit_id"] == "no-such-visit", NOT_FOUND),
            (v["origin_visit_id"] == other_visit, invalid({"origin_visit_id"})),
            (v["origin_note_id"] == "no-such-note", NOT_FOUND),
            (v["origin_note_id"] == other_note, invalid({"origin_note_id"})),
        )
        account_id = world.account_id if known else stranger
        task = attempt(
            world.store,
            tally,
            refusal,
            lambda: follow_ups.create_follow_up(world.store, account_id, **v),
        )
        if task is not None:
            assignee = None if team is not None else person or world.field_id
            assert_stored(
                world.store,
                task,
                follow_ups.get_follow_up(world.store, task.id),
                {
                    **texts,
                    "due_date": texts["due_date"].isoformat(),
                    "assignee_team": team,
                    "assignee_user_id": assignee,
                    "status": "open",
                    "created_by": world.field_id,
                    "origin_visit_id": v["origin_visit_id"],
                    "origin_note_id": v["origin_note_id"],
                    "account_id": world.account_id,
                    "completed_at": None,
                },
            )

    run()
    tally.report()


def test_a_follow_up_is_completed_once(world: World, long_run: bool) -> None:
    tally = Tally()

    @examples(long_run)
    @given(state=st.sampled_from(["open", "done", "unknown"]))
    def run(state: str) -> None:
        task = follow_ups.create_follow_up(
            world.store, world.account_id, title="Rappeler", due_date=date(2026, 12, 1)
        )
        if state == "done":
            task = follow_ups.complete_follow_up(world.store, task.id)
        refusal = first((state == "unknown", NOT_FOUND), (state == "done", BAD_STATE))
        target = task.id if state != "unknown" else "no-such-follow-up"
        queued = outbox_size(world.store)
        done = attempt(
            world.store, tally, refusal, lambda: follow_ups.complete_follow_up(world.store, target)
        )
        if done is not None:
            # Done here; the time it is done for the SLA is the server's, at its receipt.
            expected = {"status": "done", "completed_at": None}
            read_back = follow_ups.get_follow_up(world.store, task.id)
            assert_updated(world.store, task, done, read_back, expected, queued)

    run()
    tally.report()


def test_an_inside_rep_reviews_each_visit_report_once(world: World, long_run: bool) -> None:
    tally = Tally()
    pinned = notes.add_note(world.store, world.account_id, "Pas un rapport").id
    kinds = ["report", "report", "reviewed", "not a report", "unknown"]

    @examples(long_run)
    @given(target=st.sampled_from(kinds), inside=st.booleans())
    def run(target: str, inside: bool) -> None:
        world.sign_in(world.field_id)
        report = completed_report(world)
        world.sign_in(world.inside_id)
        if target == "reviewed":
            reviews.mark_reviewed(world.store, report.id)
        world.sign_in(world.inside_id if inside else world.field_id)
        note_id = {"not a report": pinned, "unknown": "no-such-note"}.get(target, report.id)
        refusal = first(
            (not inside, DENIED),
            (target == "unknown", NOT_FOUND),
            (target == "not a report", invalid({"note_id"})),
            (target == "reviewed", BAD_STATE),
        )
        review = attempt(
            world.store, tally, refusal, lambda: reviews.mark_reviewed(world.store, note_id)
        )
        if review is not None:
            [row] = world.store.query("SELECT * FROM reviews WHERE id = ?", (review.id,))
            assert (row["note_id"], row["reviewer_id"]) == (report.id, world.inside_id)
            assert last_mutation(world.store, review.id) == (
                "create",
                {
                    "note_id": report.id,
                    "reviewer_id": world.inside_id,
                    "reviewed_at": utc_text(world.clock()),
                    "created_at": utc_text(world.clock()),
                },
            )

    run()
    tally.report()


def test_review_queue_filters_answer_or_refuse_and_never_write(
    world: World, long_run: bool
) -> None:
    tally = Tally()
    completed_report(world)

    @examples(long_run)
    @given(
        since=st.one_of(st.none(), day_input),
        until=st.one_of(st.none(), day_input),
        outcome=st.one_of(st.none(), outcome_input),
        tier=st.one_of(st.none(), st.sampled_from("ABC"), choice_input),
    )
    def run(since: Any, until: Any, outcome: Any, tier: Any) -> None:
        period = {
            "since": since if since is None else expect_day(since),
            "until": until if until is None else expect_day(until),
        }
        filters = {
            "outcome": outcome if outcome is None else expect_choice(outcome, VISIT_OUTCOMES),
            "tier": tier if tier is None else expect_choice(tier, "ABC"),
        }
        backwards = (
            not refused(period)
            and None not in period.values()
            and period["until"] < period["since"]
        )
        refusal = first(
            (bool(refused(period)), invalid(refused(period))),
            (backwards, invalid({"until"})),
            (bool(refused(filters)), invalid(refused(filters))),
        )
        found = attempt(
            world.store,
            tally,
            refusal,
            lambda: reviews.review_queue(
                world.store, since=since, until=until, outcome=outcome, tier=tier
            ),
        )
        assert found is None or isinstance(found, list)

    run()
    tally.report()


def test_the_plan_of_any_days_answers_or_refuses_and_never_writes(
    world: World, long_run: bool
) -> None:
    tally = Tally()
    planned(world)

    @examples(long_run)
    @given(first_day=day_input, days=mostly(st.integers(1, 31), number_input))
    def run(first_day: Any, days: Any) -> None:
        refusal = first(
            (expect_day(first_day) is REFUSED, invalid({"first_day"})),
            (expect_whole(days, 1, 31) is REFUSED, invalid({"days"})),
        )
        stops = attempt(
            world.store,
            tally,
            refusal,
            lambda: planning.plan(world.store, first_day, days=days, tz=UTC),
        )
        assert stops is None or isinstance(stops, list)

    run()
    tally.report()


# -- what sync could not settle -----------------------------------------------------------

# A field in conflict, the value this rep typed and the one the server holds.
CONFLICTS: dict[str, tuple[Callable[[int], Any], Any]] = {
    "name": (lambda n: f"Boulangerie Saint-Laurent {n}", "Boulangerie du Plateau"),
    "city": (lambda n: f"Montréal {n}", "Laval"),
    "tier": (lambda n: "AB"[n % 2], "C"),
    "latitude": (lambda n: 45.0 + n / 10_000, 45.52),
    "visit_frequency_days": (lambda n: 1 + n % 700, 28),
}
# What the accounts table itself holds a value to: NOT NULL, CHECK constraints.
COLUMN_RULES: dict[str, Callable[[Any], bool]] = {
    "name": lambda v: v is not None,
    "city": lambda v: True,
    "tier": lambda v: v in ("A", "B", "C"),
    "latitude": lambda v: v is None or -90 <= v <= 90,
    "visit_frequency_days": lambda v: v is None or v > 0,
}
settling_input = st.one_of(
    text_input,
    st.floats(),
    st.floats(-100, 100),
    st.integers(-5, 1000),
    st.sampled_from(["A", "b", "C", "Z", 45, 45.5, 0, -3, float("nan"), float("inf"), 2**63]),
)


def expect_settled(field: str, value: Any, known: Iterable[Any]) -> Any:
    """A value written to settle a conflict or a rejection: of the kind of the values it
    replaces, clean text, a finite number, and one the field's column can hold."""
    kinds = {type(v) for v in known if v is not None}
    if value is not None and kinds and type(value) not in kinds:
        return REFUSED
    if isinstance(value, str):
        value = expect_long_text(value)
    if value is REFUSED or (isinstance(value, float) and not math.isfinite(value)):
        return REFUSED
    if isinstance(value, int) and not -(2**63) <= value < 2**63:  # beyond SQLite's INTEGER
        return REFUSED
    return value if COLUMN_RULES[field](value) else REFUSED


def edit_to_local(world: World, field: str, n: int) -> tuple[Any, str]:
    """Edit the account's field to a new local value; the value and the mutation id."""
    account = accounts.get_account(world.store, world.account_id)
    local = CONFLICTS[field][0](n)
    local = CONFLICTS[field][0](n + 1) if local == getattr(account, field) else local
    # A latitude settled to None earlier leaves the pair apart, which edit_account refuses:
    # put both coordinates back with every edit.
    place = {"latitude": account.latitude or 45.5, "longitude": -73.5878}
    accounts.edit_account(world.store, world.account_id, **{**place, field: local})
    return local, pending_mutations(world.store, 100_000)[-1].mutation_id


def pending(world: World, mutation_id: str) -> list[Any]:
    return [m for m in pending_mutations(world.store, 100_000) if m.mutation_id == mutation_id]


def test_a_merged_conflict_value_is_sent_or_refused_and_the_conflict_stays(
    world: World, long_run: bool
) -> None:
    tally = Tally()
    counter = iter(range(10**9))

    @examples(long_run)
    @given(field=st.sampled_from(sorted(CONFLICTS)), value=settling_input)
    def run(field: str, value: Any) -> None:
        (local, mutation_id), remote = (
            edit_to_local(world, field, next(counter)),
            CONFLICTS[field][1],
        )
        acknowledge(
            world.store,
            pending(world, mutation_id),
            [MutationResult(mutation_id, "conflict", 9, (FieldConflict(field, remote, 8),))],
        )
        conflict_id = world.store.scalar(
            "SELECT id FROM conflicts WHERE mutation_id = ? AND status = 'open'", (mutation_id,)
        )
        merged = expect_settled(field, value, (local, remote))
        refusal = invalid({field}) if merged is REFUSED else None
        done = attempt(
            world.store,
            tally,
            refusal,
            lambda: sync_issues.merge(world.store, conflict_id, value) or True,
        )
        if done is not None:
            assert getattr(accounts.get_account(world.store, world.account_id), field) == merged
            op, fields = last_mutation(world.store, world.account_id)
            assert op == "update" and same_json(fields, {field: merged})
            assert conflict_id not in {c.id for c in sync_issues.open_conflicts(world.store)}

    run()
    tally.report()


def test_a_corrected_rejected_change_is_resent_or_refused_and_stays_visible(
    world: World, long_run: bool
) -> None:
    tally = Tally()
    counter = iter(range(10**9))

    @examples(long_run)
    @given(field=st.sampled_from(sorted(CONFLICTS)), value=settling_input)
    def run(field: str, value: Any) -> None:
        sent, mutation_id = edit_to_local(world, field, next(counter))
        acknowledge(
            world.store,
            pending(world, mutation_id),
            [
                MutationResult(
                    mutation_id, "rejected", reason=f"{field} refused", code="invalid_field"
                )
            ],
        )
        rejection_id = world.store.scalar(
            "SELECT id FROM rejected_mutations WHERE mutation_id = ?", (mutation_id,)
        )
        corrected = expect_settled(field, value, (sent,))
        refusal = invalid({field}) if corrected is REFUSED else None
        done = attempt(
            world.store,
            tally,
            refusal,
            lambda: sync_issues.retry_rejected(world.store, rejection_id, {field: value}) or True,
        )
        if done is not None:
            assert getattr(accounts.get_account(world.store, world.account_id), field) == corrected
            op, fields = last_mutation(world.store, world.account_id)
            assert op == "update" and same_json(fields[field], corrected)
            assert rejection_id not in {r.id for r in sync_issues.open_rejections(world.store)}

    run()
    tally.report()
