"""Which records are items under an SLA, and which server instants start and stop each one
(the table of docs/team-loop.md, "Commitments and their defaults").

Pure functions of records as plain data (the wire's JSON values), so the laptop (rows of
its store) and the server (its stored records) find the same commitments with the same
instants, and ``fieldapp.team.sla`` gives both the same clock.

Instants: the server stamps every one it can (``handed_at``, ``accepted_at``,
``completed_at``, a note's and a review's ``arrived_at``) and takes the check-in and
check-out a laptop reports as never later than it received them. A record the server holds
from before it stamped arrivals (``arrived_at`` empty, but synced: it has a version) counts
from its ``created_at``; one that never reached the server has not started or stopped
anything yet: its clock waits, or keeps running.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.team.policies import DEFAULT_POLICIES, CommitmentKind, SlaPolicies, parse_policies
from fieldapp.team.regions import REGIONS, Region, region
from fieldapp.team.sla import SlaClock, sla_clock

Record = Mapping[str, Any]
# The region of a team with no agreement yet: the product's home market (docs/team-loop.md).
DEFAULT_REGION = REGIONS["QC"]


@dataclass(frozen=True, slots=True)
class Agreement:
    """What a team agreed to (its policies) and whose working days its clocks follow."""

    team: str | None
    policies: SlaPolicies
    region: Region
    is_default: bool = False


DEFAULT_AGREEMENT = Agreement(None, DEFAULT_POLICIES, DEFAULT_REGION, is_default=True)


@dataclass(frozen=True, slots=True)
class Commitment:
    """One item under an SLA: what is owed, by whom, and when it started and stopped.

    ``owner_id`` is the person who owes it; None while it is owed by a team (``owner_team``,
    a follow-up nobody claimed). ``team`` is the organisation's team whose agreement and
    region apply. ``started_at`` is None for work the server has not received yet.
    """

    kind: CommitmentKind
    collection: str
    record_id: str
    account_id: str
    owner_id: str | None
    owner_team: str | None
    team: str | None
    started_at: datetime | None
    done_at: datetime | None

    def clock(self, agreement: Agreement, now: datetime) -> SlaClock | None:
        """The clock at ``now`` (None until the server has started it)."""
        if self.started_at is None:
            return None
        return sla_clock(
            policy=agreement.policies[self.kind],
            region=agreement.region,
            owner=self.owner_id or self.owner_team or "",
            started_at=self.started_at,
            done_at=self.done_at,
            now=now,
        )


def moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    return datetime.fromisoformat(value)


def arrival(record: Record, stamp: str = "arrived_at") -> datetime | None:
    """When the server received ``record``: its stamp; for a record from before the
    server stamped arrivals, its creation; None if it never reached the server."""
    stamped = moment(record.get(stamp))
    if stamped is not None:
        return stamped
    if record.get("version") is None:
        return None
    return moment(record.get("created_at"))


TeamOf = Callable[[str | None], str | None]  # a person's id -> their team


def follow_up_commitment(follow_up: Record, team_of: TeamOf) -> Commitment | None:
    """A follow-up handed to a team or to someone else: ``follow_up_handled``, from the
    server's acceptance of the hand-off to its acceptance of the completion. A
    reassignment changes who owes it, not when it is due; a cancelled one is owed by
    nobody."""
    if follow_up.get("status") == "cancelled":
        return None
    assignee = follow_up.get("assignee_user_id")
    author = follow_up.get("created_by")
    if assignee is not None and assignee == author:
        return None  # one's own reminder, not a hand-off
    owner = follow_up.get("claimed_by") or assignee
    done = moment(follow_up.get("completed_at")) if follow_up.get("status") == "done" else None
    return Commitment(
        kind=CommitmentKind.FOLLOW_UP_HANDLED,
        collection="follow_ups",
        record_id=str(follow_up["id"]),
        account_id=str(follow_up["account_id"]),
        owner_id=owner,
        owner_team=None if owner is not None else follow_up.get("assignee_team"),
        team=team_of(owner) or team_of(author),
        started_at=arrival(follow_up, "handed_at"),
        done_at=done,
    )


def lead_commitments(lead: Record, visit: Record | None, team_of: TeamOf) -> list[Commitment]:
    """A lead handed to a field rep: ``lead_visit_planned`` (stopped by the acceptance,
    which plans the visit, or by a return: a return is an answer) and, once accepted,
    ``lead_visit_held`` (stopped by that visit's check-in). A withdrawn lead is owed by
    nobody."""
    status = lead.get("status")
    if status == "withdrawn":
        return []
    owner = lead.get("assignee_id")
    answered = moment(lead.get("accepted_at")) if status == "accepted" else None
    if status == "returned":
        answered = moment(lead.get("returned_at"))
    planned = Commitment(
        kind=CommitmentKind.LEAD_VISIT_PLANNED,
        collection="leads",
        record_id=str(lead["id"]),
        account_id=str(lead["account_id"]),
        owner_id=owner,
        owner_team=None,
        team=team_of(owner),
        started_at=arrival(lead, "handed_at"),
        done_at=answered,
    )
    if status != "accepted":
        return [planned]
    held = moment(visit.get("checked_in_at")) if visit is not None else None
    return [planned, replace(planned, kind=CommitmentKind.LEAD_VISIT_HELD, done_at=held)]


def report_written_commitment(
    visit: Record, report: Record | None, team_of: TeamOf
) -> Commitment | None:
    """A visit checked out: its field rep owes the report, from the check-out to the
    report's arrival on the server."""
    ended = moment(visit.get("checked_out_at"))
    if visit.get("status") != "completed" or ended is None:
        return None
    return Commitment(
        kind=CommitmentKind.REPORT_WRITTEN,
        collection="visits",
        record_id=str(visit["id"]),
        account_id=str(visit["account_id"]),
        owner_id=visit.get("rep_id"),
        owner_team=None,
        team=team_of(visit.get("rep_id")),
        started_at=ended,
        done_at=arrival(report) if report is not None else None,
    )


def report_reviewed_commitment(
    report: Record, review: Record | None, team_of: TeamOf
) -> Commitment | None:
    """A visit report on the server: the inside team owes its review, from its arrival to
    the review's."""
    if report.get("kind") != "visit_report":
        return None
    return Commitment(
        kind=CommitmentKind.REPORT_REVIEWED,
        collection="notes",
        record_id=str(report["id"]),
        account_id=str(report["account_id"]),
        owner_id=None,
        owner_team="inside",
        team=team_of(report.get("author_id")),
        started_at=arrival(report),
        done_at=arrival(review) if review is not None else None,
    )


def agreement_from(record: Record) -> Agreement:
    """A team's agreement from its ``sla_policies`` record (the wire's values); a region
    this laptop does not know (added by a newer server) counts as the default one."""
    try:
        where = region(record.get("region"))
    except ValidationError:
        where = DEFAULT_REGION
    policies = record.get("policies")
    if not isinstance(policies, SlaPolicies):
        policies = parse_policies(policies or {}, ignore_unknown_kinds=True)
    return Agreement(record.get("team"), policies, where)
