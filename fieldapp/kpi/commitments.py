"""The items under the SLA a dashboard judges, and where each kind comes from.

A ``Commitment`` is one thing one team owes the other (docs/team-loop.md, "SLA model"):
its kind, the record it is about, who owes it, and the instants its clock started and
stopped. A ``CommitmentSource`` reads the commitments of some kinds that started in a
period. Every kind has one:

- ``report_written``: each held visit of the period; starts at its check-out, done when its
  visit report (the note ``check_out`` writes) arrived on the server;
- ``report_reviewed``: each visit report that arrived on the server in the period; done
  when its first review arrived;
- ``lead_visit_planned`` and ``lead_visit_held``: each lead handed in the period (the
  server's ``handed_at``); done when the rep accepted (the visit planned) or returned it,
  and when that visit was checked in;
- ``follow_up_handled``: each follow-up handed in the period; done when the server accepted
  its completion (``completed_at``).

The hand-off sources find their commitments with ``fieldapp.team.commitments``, the
functions the work queue uses, so a figure and a queue can never disagree on an item's
instants. Every instant is the server's: a record's arrival stamp (``arrived_at``, else
its creation for a record from before the stamps), never a time typed on a laptop. A
record this laptop has not synced yet (``version`` NULL) is not on the server: a report in
the outbox has not stopped its clock, however early it was typed (work done offline is not
done until the server has it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from fieldapp.catalogue import VisitStatus
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.scope import Person, person_of
from fieldapp.store.codec import decode_row
from fieldapp.store.database import Store
from fieldapp.team import commitments as team_commitments
from fieldapp.team.policies import CommitmentKind
from fieldapp.team.regions import REGIONS, Region


class Commitment(NamedTuple):
    """One item under the SLA. A tuple: a quarter holds tens of thousands of them."""

    kind: CommitmentKind
    collection: str  # the record it is about: "visits", "notes", a hand-off's collection
    record_id: str
    account_id: str | None
    owner: str  # who owes it: a username, or a team ("inside team, quebec")
    team: str | None  # the owing team, whose region's working days the clock follows
    started_at: int  # UTC epoch seconds: when the clock started (server time)
    done_at: int | None  # UTC epoch seconds: when the server had the answer; None: open


class CommitmentSource(Protocol):
    """Reads the commitments of ``kinds`` that started in the reading's period, in scope."""

    @property
    def kinds(self) -> tuple[CommitmentKind, ...]: ...

    def commitments(self, reading: Reading) -> Iterable[Commitment]: ...


class VisitReports:
    """``report_written``: the field rep owes the report of each held visit of the period
    (by planned start, as the visit figures count them), from the visit's check-out."""

    kinds = (CommitmentKind.REPORT_WRITTEN,)

    def commitments(self, reading: Reading) -> Iterator[Commitment]:
        completed = VisitStatus.COMPLETED.value
        held = [
            v for v in reading.visits if v.status == completed and v.checked_out_epoch is not None
        ]
        written = reading.first_reports([v.id for v in held])
        people = reading.people
        kind = CommitmentKind.REPORT_WRITTEN
        for visit in held:
            rep = people.get(visit.rep_id)
            yield _new(
                Commitment,
                (
                    kind,
                    "visits",
                    visit.id,
                    visit.account_id,
                    visit.rep_id if rep is None else rep.username,
                    None if rep is None else rep.team,
                    visit.checked_out_epoch,
                    written.get(visit.id),
                ),
            )


class ReportReviews:
    """``report_reviewed``: the inside team owes a review of each visit report by a rep in
    scope that reached the server in the period, from its arrival; the reviewer owes it
    once they have given it (the owner shown for a review still awaited is the team)."""

    kinds = (CommitmentKind.REPORT_REVIEWED,)

    def commitments(self, reading: Reading) -> Iterator[Commitment]:
        reports = reading.reports_arrived()
        reviews = reading.first_reviews([r.id for r in reports])
        people = reading.people
        kind = CommitmentKind.REPORT_REVIEWED
        for report in reports:
            author = people.get(report.author_id)
            team = None if author is None else author.team
            review = reviews.get(report.id)
            if review is None:
                owner = f"inside team, {team}" if team else "inside team"
            else:
                owner = person_of(people, review[1]).username
            yield _new(
                Commitment,
                (
                    kind,
                    "notes",
                    report.id,
                    report.account_id,
                    owner,
                    team,
                    report.created_epoch,
                    None if review is None else review[0],
                ),
            )


# A hand-off's start as the server gave it: its stamp, else (handed before the stamps, but
# synced) its creation; NULL when the server has not received it.
_HANDED = "coalesce(handed_at, CASE WHEN version IS NOT NULL THEN created_at END)"


class LeadHandOffs:
    """``lead_visit_planned`` and ``lead_visit_held``: the field rep a lead was handed to in
    the period owes a planned visit (accepting it plans one; returning it is an answer too)
    and, once accepted, that visit held (its check-in on the server). A lead is in scope
    when the rep it is handed to, or the inside rep who handed it, is."""

    kinds = (CommitmentKind.LEAD_VISIT_PLANNED, CommitmentKind.LEAD_VISIT_HELD)

    def commitments(self, reading: Reading) -> Iterator[Commitment]:
        assignee, assignee_params = reading.scope.where("l.assignee_id")
        author, author_params = reading.scope.where("l.handed_by")
        leads = _records(
            reading,
            "leads",
            f"""SELECT l.* FROM leads l
                WHERE {_HANDED} >= ? AND {_HANDED} < ? AND ({assignee} OR {author})""",
            [reading.period.start, reading.period.end, *assignee_params, *author_params],
        )
        visits = _server_visits(reading, [lead["visit_id"] for lead in leads])
        team_of = _team_of(reading.people)
        for lead in leads:
            for item in team_commitments.lead_commitments(
                lead, visits.get(lead["visit_id"]), team_of
            ):
                yield _converted(item, reading.people)


class FollowUpHandOffs:
    """``follow_up_handled``: whoever a follow-up was handed to in the period owes its
    completion (a team until someone claims it; a reassignment changes who, not when). One's
    own reminder is no hand-off. In scope when the person who owes it, or its author, is."""

    kinds = (CommitmentKind.FOLLOW_UP_HANDLED,)

    def commitments(self, reading: Reading) -> Iterator[Commitment]:
        owner, owner_params = reading.scope.where("coalesce(f.claimed_by, f.assignee_user_id)")
        author, author_params = reading.scope.where("f.created_by")
        team_of = _team_of(reading.people)
        for follow_up in _records(
            reading,
            "follow_ups",
            f"""SELECT f.* FROM follow_ups f
                WHERE {_HANDED} >= ? AND {_HANDED} < ? AND ({owner} OR {author})""",
            [reading.period.start, reading.period.end, *owner_params, *author_params],
        ):
            item = team_commitments.follow_up_commitment(follow_up, team_of)
            if item is not None:
                yield _converted(item, reading.people)


def _records(reading: Reading, collection: str, sql: str, params: list[str]) -> list[Any]:
    return [decode_row(collection, row) for row in reading.store.query(sql, params)]


def _server_visits(reading: Reading, visit_ids: list[str | None]) -> dict[str, Any]:
    """The visits as the server has them: one changed here and not synced yet (a check-in
    offline) is left out, so its clock keeps running until the server has the check-in."""
    wanted = sorted({v for v in visit_ids if v is not None})
    if not wanted:
        return {}
    return {
        row["id"]: decode_row("visits", row)
        for row in reading.store.query(
            """SELECT v.* FROM visits v
               WHERE v.id IN (SELECT value FROM json_each(?)) AND v.version IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM outbox o
                                 WHERE o.collection = 'visits' AND o.record_id = v.id)""",
            (json.dumps(wanted),),
        )
    }


def _team_of(people: Mapping[str, Person]) -> team_commitments.TeamOf:
    def team_of(user_id: str | None) -> str | None:
        person = people.get(user_id) if user_id is not None else None
        return None if person is None else person.team

    return team_of


def _converted(item: team_commitments.Commitment, people: dict[str, Person]) -> Commitment:
    """``fieldapp.team``'s commitment as the dashboard counts it (epochs, an owner's name)."""
    if item.owner_id is not None:
        owner = person_of(people, item.owner_id).username
    else:
        sales_team = f"{item.owner_team} team" if item.owner_team else "a team"
        owner = f"{sales_team}, {item.team}" if item.team else sales_team
    assert item.started_at is not None  # read by its start in the period
    return Commitment(
        item.kind,
        item.collection,
        item.record_id,
        item.account_id,
        owner,
        item.team,
        _epoch_of(item.started_at),
        None if item.done_at is None else _epoch_of(item.done_at),
    )


def _epoch_of(moment: datetime) -> int:
    return int(moment.timestamp())


# Builds a Commitment in C (a named tuple's own __new__ is Python): once per item.
_new = tuple.__new__

# Every source the dashboard reads (docs/team-loop.md, "How each KPI is computed").
SOURCES: tuple[CommitmentSource, ...] = (
    VisitReports(),
    ReportReviews(),
    LeadHandOffs(),
    FollowUpHandOffs(),
)

# Until the SLA policies that name each team's region reach the laptop, a team's region is
# the one of the country its reps' accounts are in (the first account found).
REGION_OF_COUNTRY: Mapping[str, str] = {"CA": "QC", "FR": "FR", "BE": "BE"}
DEFAULT_REGION = REGIONS["QC"]


def team_regions(store: Store) -> dict[str | None, Region]:
    """Each team's region, as the provisional rule above reads it; None: no team."""
    regions: dict[str | None, Region] = {None: DEFAULT_REGION}
    for team, country in store.rows(
        """SELECT u.team, (SELECT a.country FROM accounts a WHERE a.owner_id = u.id
                           AND a.country IS NOT NULL LIMIT 1)
           FROM users u WHERE u.team IS NOT NULL"""
    ):
        code = REGION_OF_COUNTRY.get(country or "")
        if code is not None and team not in regions:
            regions[team] = REGIONS[code]
    return regions
