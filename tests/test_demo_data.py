"""The demo organisation: reproducible, consistent with the schema, and believable."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from fieldapp import validation
from fieldapp.catalogue import CATALOGUE
from fieldapp.demo import DemoData, generate, load_demo
from fieldapp.demo.timeline import utc_offset_minutes
from fieldapp.demo.vocabulary import TERRITORIES
from fieldapp.ids import derived_id
from fieldapp.search import search
from fieldapp.store import Store, open_store
from fieldapp.store.schema import FIELDS
from fieldapp.team.policies import parse_policies
from fieldapp.team.regions import region
from fieldapp.usecases.people import current_user

TODAY = date(2026, 3, 9)  # a Monday, the day after North America moved its clocks
ACCOUNTS = 200


@pytest.fixture(scope="module")
def data() -> DemoData:
    return generate(ACCOUNTS, seed=7, today=TODAY)


@pytest.fixture(scope="module")
def store(data: DemoData, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("demo-profile"), create=True)
    load_demo(store, data)
    return store


def _dump(data: DemoData) -> str:
    return json.dumps(list(data.collections()), ensure_ascii=False, sort_keys=False)


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def _montreal_day_bounds(day: date) -> tuple[str, str]:
    """Today's local day in Montréal as UTC store text, computed with the tz database."""
    try:
        zone = ZoneInfo("America/Montreal")
    except ZoneInfoNotFoundError:  # Windows without the tzdata package
        pytest.skip("no time-zone database")
    start = datetime(day.year, day.month, day.day, tzinfo=zone)
    end = start + timedelta(days=1)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    return start.astimezone(UTC).strftime(fmt), end.astimezone(UTC).strftime(fmt)


# -- reproducible -----------------------------------------------------------------------
def test_same_seed_gives_byte_identical_data() -> None:
    first = generate(60, seed=42, today=TODAY)
    second = generate(60, seed=42, today=TODAY)
    assert _dump(first) == _dump(second)
    assert first.demo_users == second.demo_users


def test_another_seed_or_day_gives_other_data() -> None:
    base = _dump(generate(60, seed=42, today=TODAY))
    assert _dump(generate(60, seed=43, today=TODAY)) != base
    assert _dump(generate(60, seed=42, today=TODAY + timedelta(days=1))) != base


def test_negative_account_count_is_refused() -> None:
    with pytest.raises(ValueError, match="zero or more"):
        generate(-1)


@pytest.mark.parametrize("accounts", [0, 5])
def test_tiny_organisations_load(accounts: int, tmp_path: Path) -> None:
    data = generate(accounts, today=TODAY)
    assert {u["username"] for u in data.users} >= {"field", "inside", "manager"}
    assert len(data.accounts) == accounts
    with open_store(tmp_path, create=True) as store:
        assert load_demo(store, data) == data.counts()
        assert store.query("PRAGMA foreign_key_check") == []


def test_generator_does_not_need_the_local_store() -> None:
    # The central server reuses the generator: importing it must not pull in the store.
    code = (
        "import sys, fieldapp.demo, fieldapp.demo.generator; "
        "assert not [m for m in sys.modules if m.startswith('fieldapp.store')], "
        "sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- consistent with the schema ---------------------------------------------------------
def test_every_record_has_exactly_the_schema_fields(data: DemoData) -> None:
    for collection, records in data.collections():
        expected = ["id", *FIELDS[collection], "version", "created_at", "updated_at"]
        for record in records:
            assert list(record) == expected, collection
            assert record["version"] == 1
            assert record["created_at"] <= record["updated_at"]


def test_loaded_store_is_consistent(data: DemoData, store: Store) -> None:
    assert store.query("PRAGMA foreign_key_check") == []
    assert store.query("PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    for collection, count in data.counts().items():
        assert store.scalar(f"SELECT count(*) FROM {collection}") == count
    # Every FTS row follows its record: accounts, contacts and notes are searchable.
    searchable = len(data.accounts) + len(data.contacts) + len(data.notes)
    assert store.scalar("SELECT count(*) FROM search_docs") == searchable


def test_loading_writes_no_outbox_entry(store: Store) -> None:
    assert store.scalar("SELECT count(*) FROM outbox") == 0


def test_loader_signs_in_the_demo_field_rep(data: DemoData, store: Store) -> None:
    assert store.profile_value("current_user_id") == data.demo_users.field_rep_id
    assert store.profile_value("current_username") == "field"
    user = current_user(store)
    assert (user.username, user.role, user.territory) == ("field", "field", "Montréal")


def test_loading_again_changes_nothing(tmp_path: Path) -> None:
    data = generate(20, today=TODAY)
    with open_store(tmp_path, create=True) as store:
        first = load_demo(store, data, signed_in_as="inside")
        assert load_demo(store, data, signed_in_as="inside") == first
        for collection, count in first.items():
            assert store.scalar(f"SELECT count(*) FROM {collection}") == count
        assert store.scalar("SELECT count(*) FROM search_docs") == (
            first["accounts"] + first["contacts"] + first["notes"]
        )
        assert current_user(store).role == "inside"


def test_loader_refuses_an_unknown_user_and_writes_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path, create=True) as store:
        with pytest.raises(ValueError, match="nobody"):
            load_demo(store, generate(5, today=TODAY), signed_in_as="nobody")
        assert store.scalar("SELECT count(*) FROM accounts") == 0
        assert store.profile_value("current_user_id") is None


def test_people_and_phones_pass_the_apps_own_checks(data: DemoData) -> None:
    for account in data.accounts:
        assert validation.phone("phone", account["phone"]) == account["phone"]
        assert validation.required_text("name", account["name"], label="Name") == account["name"]
    for contact in data.contacts:
        if contact["email"] is not None:
            assert validation.email("email", contact["email"]) == contact["email"]
        if contact["phone"] is not None:
            validation.phone("phone", contact["phone"])
    for user in data.users:
        validation.email("email", user["email"])


def test_notes_reviews_and_follow_ups_hang_together(data: DemoData) -> None:
    visits = {v["id"]: v for v in data.visits}
    notes = {n["id"]: n for n in data.notes}
    roles = {u["id"]: u["role"] for u in data.users}
    reports = [n for n in data.notes if n["kind"] == "visit_report"]
    assert len(reports) == sum(v["status"] == "completed" for v in data.visits)
    for report in reports:
        visit = visits[report["visit_id"]]
        assert visit["account_id"] == report["account_id"]
        assert report["author_id"] == visit["rep_id"]
        assert report["created_at"] > visit["checked_out_at"]
    for feedback in (n for n in data.notes if n["kind"] == "feedback"):
        replied = notes[feedback["reply_to_id"]]
        assert replied["kind"] == "visit_report"
        assert (feedback["visit_id"], feedback["account_id"]) == (
            replied["visit_id"],
            replied["account_id"],
        )
        assert roles[feedback["author_id"]] == "inside"
        assert feedback["created_at"] > replied["created_at"]
    for review in data.reviews:
        note = notes[review["note_id"]]
        assert note["kind"] == "visit_report"
        assert roles[review["reviewer_id"]] == "inside"
        assert review["reviewed_at"] > note["created_at"]
    for follow_up in data.follow_ups:
        assert (follow_up["assignee_user_id"] is None) != (follow_up["assignee_team"] is None)
        assert (follow_up["completed_at"] is not None) == (follow_up["status"] == "done")


def test_a_reps_visits_never_overlap(data: DemoData) -> None:
    by_rep: dict[str, list[tuple[str, str]]] = {}
    for visit in data.visits:
        by_rep.setdefault(visit["rep_id"], []).append(
            (visit["planned_start"], visit["planned_end"])
        )
    for slots in by_rep.values():
        slots.sort()
        for (_, end), (next_start, _) in itertools.pairwise(slots):
            assert end <= next_start


# -- believable -------------------------------------------------------------------------
def test_tier_mix_and_visit_targets(data: DemoData) -> None:
    tiers = Counter(a["tier"] for a in data.accounts)
    assert abs(tiers["A"] / ACCOUNTS - 0.15) < 0.06
    assert abs(tiers["B"] / ACCOUNTS - 0.35) < 0.08
    assert abs(tiers["C"] / ACCOUNTS - 0.50) < 0.08
    usual = {"A": 14, "B": 30, "C": 90}
    on_target = sum(a["visit_frequency_days"] == usual[a["tier"]] for a in data.accounts)
    assert on_target / ACCOUNTS > 0.75


def test_children_per_account(data: DemoData) -> None:
    per_account = {name: len(records) / ACCOUNTS for name, records in data.collections()}
    assert 2.6 <= per_account["contacts"] <= 3.4
    assert 0.7 <= per_account["opportunities"] <= 1.3
    assert 3.5 <= per_account["visits"] <= 6
    assert 4 <= per_account["notes"] <= 6.5
    assert 0.15 <= per_account["follow_ups"] <= 0.5
    contacts = Counter(c["account_id"] for c in data.contacts)
    assert set(contacts) == {a["id"] for a in data.accounts}
    assert max(contacts.values()) <= 5


@pytest.mark.parametrize("today", [TODAY, date(2026, 3, 14), date(2026, 11, 1)])
def test_todays_plan_for_the_demo_field_rep(today: date, tmp_path: Path) -> None:
    """4-6 planned visits today, in Montréal office hours, in route order, whatever the
    day (a Saturday, the day the clocks go back)."""
    data = generate(ACCOUNTS, today=today)
    start, end = _montreal_day_bounds(today)
    with open_store(tmp_path, create=True) as store:
        load_demo(store, data)
        me = current_user(store)
        plan = store.query(
            "SELECT planned_start, route_position, account_id FROM visits WHERE rep_id = ?"
            " AND status = 'planned' AND planned_start >= ? AND planned_start < ?"
            " ORDER BY planned_start",
            (me.id, start, end),
        )
    assert 4 <= len(plan) <= 6
    assert [v["route_position"] for v in plan] == list(range(len(plan)))
    assert len({v["account_id"] for v in plan}) == len(plan)
    zone = ZoneInfo("America/Montreal")
    for visit in plan:
        local = datetime.fromisoformat(visit["planned_start"].replace("Z", "+00:00"))
        assert 8 <= local.astimezone(zone).hour < 17


def test_review_queue_has_recent_reports_and_history_is_reviewed(data: DemoData) -> None:
    reviewed = {r["note_id"] for r in data.reviews}
    reports = [n for n in data.notes if n["kind"] == "visit_report"]
    waiting = [n for n in reports if n["id"] not in reviewed]
    assert reviewed and waiting
    week_ago = (TODAY - timedelta(days=7)).isoformat()
    old = [n for n in reports if n["created_at"] < week_ago]
    assert sum(n["id"] in reviewed for n in old) / len(old) > 0.85
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert all(n["id"] not in reviewed for n in reports if n["created_at"] >= yesterday)


def test_pinned_notes_and_overdue_follow_ups_exist(data: DemoData) -> None:
    assert any(n["pinned"] for n in data.notes if n["kind"] == "for_field")
    today = TODAY.isoformat()
    assert any(f["status"] == "open" and f["due_date"] < today for f in data.follow_ups)
    assert any(f["status"] == "open" and f["due_date"] >= today for f in data.follow_ups)


def test_french_names_with_accents_are_found_without_them(data: DemoData, store: Store) -> None:
    accented = [a["name"] for a in data.accounts if not a["name"].isascii()]
    assert len(accented) > ACCOUNTS // 10
    assert any(not c["last_name"].isascii() for c in data.contacts)
    word = next(w for name in accented for w in name.split() if not w.isascii() and len(w) > 3)
    folded = word.translate(str.maketrans("éèêëàâçîïôûùÉÈÊÀÂÇÎÔÛ", "eeeeaaciiouuEEEAACIOU"))
    assert any(hit.collection == "accounts" for hit in search(store, folded))


def test_accounts_sit_around_their_city(data: DemoData) -> None:
    centres = {t.name: (t.latitude, t.longitude, t.country) for t in TERRITORIES}
    for account in data.accounts:
        lat, lon, country = centres[account["city"]]
        assert account["country"] == country
        assert _distance_km(account["latitude"], account["longitude"], lat, lon) < 50
    currencies = {(o["currency"]) for o in data.opportunities}
    assert currencies == {"CAD", "EUR"}


def test_postal_codes_and_owners_follow_the_territory(data: DemoData) -> None:
    owners = {u["id"]: u for u in data.users}
    for account in data.accounts:
        owner = owners[account["owner_id"]]
        assert owner["role"] == "field"
        assert owner["territory"] == account["city"]
        code = account["postal_code"]
        if account["country"] == "CA":
            assert len(code) == 7 and code[3] == " " and code[0].isalpha() and code[4].isdigit()
        else:
            assert len(code) == 5 and code.isdigit()


def test_daylight_saving_rules_match_the_tz_database() -> None:
    try:
        zones = {"america": ZoneInfo("America/Montreal"), "europe": ZoneInfo("Europe/Paris")}
    except ZoneInfoNotFoundError:
        pytest.skip("no time-zone database")
    day = date(2024, 1, 1)
    while day < date(2028, 1, 1):
        for clock, zone in zones.items():
            offset = datetime(day.year, day.month, day.day, 12, tzinfo=zone).utcoffset()
            assert offset is not None
            assert utc_offset_minutes(clock, day) == offset.total_seconds() // 60, (clock, day)
        day += timedelta(days=1)


def test_the_hand_offs_hang_together(data: DemoData) -> None:
    """Agreements for each team, leads in every state for the demo rep, a history whose
    steps point at real hand-offs, priorities on the rep's own accounts, read marks keyed
    as the inbox keys them."""
    teams = {u["team"] for u in data.users if u["team"]}
    assert {a["team"] for a in data.sla_policies} == teams
    for agreement in data.sla_policies:
        parse_policies(agreement["policies"])
        region(agreement["region"])
    rep = data.demo_users.field_rep_id
    assert {"handed", "accepted", "returned"} <= {
        lead["status"] for lead in data.leads if lead["assignee_id"] == rep
    }
    visits = {v["id"]: v for v in data.visits}
    for lead in data.leads:
        if lead["status"] == "accepted":
            assert visits[lead["visit_id"]]["rep_id"] == lead["assignee_id"]
        assert lead["handed_at"] is not None
    targets = {lead["id"] for lead in data.leads} | {f["id"] for f in data.follow_ups}
    for step in data.handoff_events:
        assert (step["lead_id"] or step["follow_up_id"]) in targets
        CATALOGUE["handoff_events"].rules[0].check(step)
    owners = {a["id"]: a["owner_id"] for a in data.accounts}
    assert data.priorities and all(owners[p["account_id"]] == p["rep_id"] for p in data.priorities)
    assert data.inbox_reads
    for mark in data.inbox_reads:
        key = ("inbox_reads", mark["user_id"], mark["item_collection"], mark["item_id"])
        assert mark["id"] == derived_id(*key)
