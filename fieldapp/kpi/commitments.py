"""The items under the SLA a dashboard judges, and where each kind comes from.

A ``Commitment`` is one thing one team owes the other (docs/team-loop.md, "SLA model"):
its kind, the record it is about, who owes it, and the instants its clock started and
stopped. A ``CommitmentSource`` reads the commitments of some kinds that started in a
period. Two kinds are read from the records the profile holds today:

- ``report_written``: each held visit of the period; starts at its check-out, done when its
  visit report (the note ``check_out`` writes) is on the server;
- ``report_reviewed``: each visit report that reached the server in the period; done when
  its first review is on the server.

The hand-off kinds (``lead_visit_planned``, ``lead_visit_held``, ``follow_up_handled``) wait
for the hand-off collections: a source reading them is added to ``SOURCES`` and every SLA
figure (on-time share, breaches, medians) follows, unchanged.

A record this laptop has not synced yet (``version`` NULL) is not on the server: a report
in the outbox has not stopped its clock, however early it was typed (work done offline is
not done until the server has it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple, Protocol

from fieldapp.catalogue import VisitStatus
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.scope import person_of
from fieldapp.store.database import Store
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


# Builds a Commitment in C (a named tuple's own __new__ is Python): once per item.
_new = tuple.__new__

# Every source the dashboard reads; the hand-off sources join here when their collections
# land (docs/team-loop.md, "How each KPI is computed").
SOURCES: tuple[CommitmentSource, ...] = (VisitReports(), ReportReviews())

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
