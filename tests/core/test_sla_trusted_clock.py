"""A laptop's wrong clock cannot hide a breach: the SLA clock runs on server time."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.clock import utc_now
from fieldapp.team.policies import DEFAULT_POLICIES, CommitmentKind
from fieldapp.team.regions import REGIONS
from fieldapp.team.sla import ClockState, is_breached, sla_clock
from fieldapp.team.trusted_time import (
    ServerTimeAnchor,
    TrustedClock,
    accepted_event_time,
)

H = timedelta(hours=1)
DAY = timedelta(days=1)
REPORT = DEFAULT_POLICIES[CommitmentKind.REPORT_WRITTEN]  # 24 h
QC = REGIONS["QC"]
SYNC = datetime(2026, 11, 19, 17, 0, tzinfo=UTC)  # the server's time at the last sync


@dataclass
class Laptop:
    """Real time as the test knows it, and what the laptop's two clocks read."""

    real: datetime = SYNC
    wall_offset: timedelta = timedelta(0)  # how wrong the wall clock is
    boot_ticks: float = 1_000.0
    ticks_origin: datetime = field(default=SYNC)  # real time when the counter read boot_ticks

    def wall(self) -> datetime:
        return self.real + self.wall_offset

    def ticks(self) -> float:
        return self.boot_ticks + (self.real - self.ticks_origin).total_seconds()

    def run(self, duration: timedelta) -> None:
        self.real += duration

    def sleep(self, duration: timedelta) -> None:
        # Suspended: the wall clock keeps time (its battery-backed clock), the counter stops.
        self.real += duration
        self.ticks_origin += duration

    def reboot(self) -> None:
        self.boot_ticks, self.ticks_origin = 3.0, self.real

    def clock(self, anchor: ServerTimeAnchor | None = None) -> TrustedClock:
        return TrustedClock(anchor, wall=self.wall, ticks=self.ticks)


def report_clock(now: datetime) -> ClockState:
    # A visit that ended 20 h before the sync: its report is due 4 h after it.
    return sla_clock(
        policy=REPORT,
        region=QC,
        owner="rep",
        started_at=SYNC - 20 * H,
        done_at=None,
        now=now,
    ).state


def synced(laptop: Laptop) -> TrustedClock:
    clock = laptop.clock()
    clock.observe(SYNC)
    return clock


def test_a_laptop_a_day_behind_still_sees_the_report_overdue() -> None:
    laptop = Laptop(wall_offset=-DAY)
    clock = synced(laptop)
    laptop.run(5 * H)  # offline, on the road
    assert report_clock(laptop.wall()) is ClockState.ON_TIME  # what its own clock would hide
    assert clock.now() == SYNC + 5 * H
    assert report_clock(clock.now()) is ClockState.OVERDUE


def test_a_laptop_a_day_ahead_does_not_cry_breach_too_early() -> None:
    laptop = Laptop(wall_offset=DAY)
    clock = synced(laptop)
    laptop.run(2 * H)
    assert report_clock(laptop.wall()) is ClockState.OVERDUE  # wrong: 2 h are left
    assert clock.now() == SYNC + 2 * H
    assert report_clock(clock.now()) is ClockState.DUE_SOON


def test_setting_the_clock_back_a_day_after_the_sync_hides_nothing() -> None:
    laptop = Laptop()
    clock = synced(laptop)
    laptop.run(H)
    laptop.wall_offset = -DAY  # set back on purpose, or a bad time zone chosen
    laptop.run(4 * H)
    assert clock.now() == SYNC + 5 * H  # the monotonic counter kept time
    assert report_clock(clock.now()) is ClockState.OVERDUE


def test_time_asleep_counts_even_where_the_counter_stops_during_suspend() -> None:
    laptop = Laptop(wall_offset=-DAY)
    clock = synced(laptop)
    laptop.run(H)
    laptop.sleep(8 * H)  # lid closed between two visits
    assert clock.now() == SYNC + 9 * H


def test_after_a_restart_the_kept_anchor_carries_on_from_the_wall_clocks_advance() -> None:
    laptop = Laptop(wall_offset=-DAY)  # consistently a day behind
    anchor = synced(laptop).anchor
    assert anchor is not None and anchor.server_time == SYNC
    laptop.run(2 * H)
    laptop.reboot()
    laptop.run(3 * H)
    assert laptop.clock(anchor).now() == SYNC + 5 * H


def test_after_a_restart_with_the_clock_set_back_it_never_goes_before_the_last_sync() -> None:
    laptop = Laptop()
    anchor = synced(laptop).anchor
    laptop.run(2 * H)
    laptop.wall_offset = -DAY
    laptop.reboot()
    restarted = laptop.clock(anchor)
    laptop.run(3 * H)
    # What the laptop can still prove: the last server time plus the time it has been up.
    assert restarted.now() == SYNC + 3 * H
    # The server, which judges from its own times, knows the report is overdue anyway.
    assert is_breached(
        policy=REPORT,
        region=QC,
        started_at=SYNC - 20 * H,
        done_at=None,
        server_now=laptop.real,
    )


def test_the_next_sync_corrects_a_clock_that_ran_ahead() -> None:
    laptop = Laptop()
    clock = synced(laptop)
    laptop.wall_offset = DAY  # moved forward: this clock now runs a day ahead
    laptop.run(H)
    assert clock.now() == SYNC + DAY + H
    clock.observe(laptop.real)  # the server is the authority
    laptop.run(H)
    assert clock.now() == SYNC + 2 * H


def test_before_any_server_time_it_can_only_repeat_the_laptops_clock() -> None:
    laptop = Laptop(wall_offset=-DAY)
    clock = laptop.clock()
    assert not clock.is_anchored and clock.anchor is None
    assert clock.now() == laptop.wall()
    clock.observe(SYNC)
    assert clock.is_anchored


def test_with_the_real_system_clocks() -> None:
    clock = TrustedClock()
    server_time = utc_now() - DAY  # a server a day behind this machine
    clock.observe(server_time)
    time.sleep(0.05)
    elapsed = clock.now() - server_time
    assert timedelta(seconds=0.05) <= elapsed < timedelta(seconds=5)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["run", "sleep", "set"]),
            st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
            st.timedeltas(min_value=-timedelta(days=3), max_value=timedelta(days=3)),
        ),
        max_size=8,
    )
)
def test_never_slower_than_the_time_the_laptop_was_awake(
    steps: list[tuple[str, timedelta, timedelta]],
) -> None:
    laptop = Laptop()
    clock = synced(laptop)
    awake = timedelta(0)
    for action, duration, offset in steps:
        if action == "run":
            laptop.run(duration)
            awake += duration
        elif action == "sleep":
            laptop.sleep(duration)
        else:
            laptop.wall_offset = offset
    assert clock.now() >= SYNC + awake
    if all(action != "set" for action, _, _ in steps):
        assert clock.now() == laptop.real  # an untouched wall clock: exactly real time


def test_a_laptops_claimed_time_is_never_later_than_the_server_received_it() -> None:
    received = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)
    assert accepted_event_time(received + DAY, received) == received  # a clock ahead
    assert accepted_event_time(received - 2 * H, received) == received - 2 * H  # synced late
    assert accepted_event_time(None, received) == received
