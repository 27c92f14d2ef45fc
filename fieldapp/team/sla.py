"""The clock of an item under an SLA: due at, time left or overdue by, and who owes it.

Pure functions of server-assigned instants (when the commitment started, when the server
accepted it as done) and of "now". The laptop passes a ``TrustedClock``'s now; the server
passes its own, and ``is_breached`` gives both the same answer from server times alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from fieldapp.team.policies import AllowanceUnit, CommitmentKind, SlaPolicy
from fieldapp.team.regions import Region
from fieldapp.team.working_days import as_utc, calendar_for

# "Due soon" once a quarter of the allowance or less is left, measured as the allowance is
# (elapsed hours, or time on working days): 6 h of a 24 h report, 12 h of a 2-day follow-up.
DUE_SOON_SHARE = 4  # the allowance divided by this


class ClockState(StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET_ON_TIME = "met_on_time"
    MET_LATE = "met_late"


@dataclass(frozen=True, slots=True)
class SlaClock:
    """One item's clock at one moment; instants are UTC.

    Exactly one of ``time_left`` (open, not yet due), ``overdue_by`` (open, past due) and
    ``late_by`` (done; zero when on time) is set.
    """

    kind: CommitmentKind
    owner: str
    started_at: datetime
    due_at: datetime
    done_at: datetime | None
    state: ClockState
    time_left: timedelta | None
    overdue_by: timedelta | None
    late_by: timedelta | None

    @property
    def breached(self) -> bool:
        return self.state in (ClockState.OVERDUE, ClockState.MET_LATE)

    @property
    def is_open(self) -> bool:
        return self.done_at is None


def due_at(started_at: datetime, policy: SlaPolicy, region: Region) -> datetime:
    """When the commitment that started at ``started_at`` falls due (UTC).

    Hours are elapsed time (a night, a weekend or a daylight-saving change counts as it
    lasts); working days follow ``region``'s calendar (fieldapp.team.working_days).
    """
    start = as_utc(started_at)
    if policy.unit is AllowanceUnit.HOURS:
        return start + timedelta(hours=policy.amount)
    return calendar_for(region).add_working_days(start, policy.amount)


def sla_clock(
    *,
    policy: SlaPolicy,
    region: Region,
    owner: str,
    started_at: datetime,
    done_at: datetime | None,
    now: datetime,
) -> SlaClock:
    """The clock at ``now``. A done item is judged by ``done_at`` alone, whatever ``now`` is.

    ``done_at`` is the server's time of acceptance: work done on a laptop and not yet synced
    is not done for the SLA, so its clock keeps running.
    """
    start, moment = as_utc(started_at), as_utc(now)
    due = due_at(start, policy, region)
    done = None if done_at is None else as_utc(done_at)
    state: ClockState
    time_left = overdue_by = late_by = None
    if done is not None:
        late_by = max(done - due, timedelta(0))
        state = ClockState.MET_LATE if done > due else ClockState.MET_ON_TIME
    elif moment > due:
        overdue_by = moment - due
        state = ClockState.OVERDUE
    else:
        time_left = due - moment
        soon = _due_soon(policy, region, start, due, moment)
        state = ClockState.DUE_SOON if soon else ClockState.ON_TIME
    return SlaClock(
        kind=policy.kind,
        owner=owner,
        started_at=start,
        due_at=due,
        done_at=done,
        state=state,
        time_left=time_left,
        overdue_by=overdue_by,
        late_by=late_by,
    )


def is_breached(
    *,
    policy: SlaPolicy,
    region: Region,
    started_at: datetime,
    done_at: datetime | None,
    server_now: datetime,
) -> bool:
    """Whether the commitment is (or was) breached, from server times alone.

    Done late, or still open after its due time. The server records a breach with this, and
    the laptop's clock, fed the same instants, can never say otherwise.
    """
    return sla_clock(
        policy=policy,
        region=region,
        owner="",
        started_at=started_at,
        done_at=done_at,
        now=server_now,
    ).breached


def _due_soon(
    policy: SlaPolicy, region: Region, start: datetime, due: datetime, now: datetime
) -> bool:
    """True when a quarter of the allowance or less is left at ``now`` (before ``due``)."""
    if policy.unit is AllowanceUnit.HOURS:
        return (due - now) * DUE_SOON_SHARE <= due - start
    calendar = calendar_for(region)
    left = calendar.working_time_between(max(now, start), due)
    return left * DUE_SOON_SHARE <= calendar.working_time_between(start, due)
