"""Now, as the server would say it, on a laptop whose own clock may be wrong.

A laptop's wall clock can be a day off (a dead CMOS battery, a wrong time zone taken for
UTC, a hand-set date, or set back on purpose), and an SLA clock read from it could then hide
a breach. A ``TrustedClock`` starts from the last time a server stated (a sync response)
and adds the time elapsed since, taken as the larger of two readings:

- a monotonic counter, which nobody can set back (on Linux ``CLOCK_BOOTTIME``, which also
  counts suspend; elsewhere ``time.monotonic``, which may not);
- the wall clock's own advance, which counts a laptop's sleep (lid closed between visits)
  that the counter may miss.

Taking the larger never lets time seem to pass slower than it really did unless both are
fooled at once; the error it allows is a clock that runs ahead (the wall clock moved forward
after a sync), which shows a breach early rather than hiding one, until the next sync.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldapp.clock import Clock, utc_now
from fieldapp.team.working_days import as_utc

Ticks = Callable[[], float]  # seconds, from an arbitrary origin, never set back


def system_ticks() -> float:
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


@dataclass(frozen=True, slots=True)
class ServerTimeAnchor:
    """A time the server stated and the laptop's wall clock when it arrived.

    Kept in the profile, so that after a restart (when the monotonic counter has started
    over) the clock goes on from the wall clock's advance since then.
    """

    server_time: datetime
    laptop_time: datetime


class TrustedClock:
    """The laptop's best knowledge of the server's now; use it, not ``datetime.now()``.

    Without any anchor (a profile that never reached a server) it can only repeat the
    laptop's wall clock, and ``is_anchored`` says so.
    """

    def __init__(
        self,
        anchor: ServerTimeAnchor | None = None,
        *,
        wall: Clock = utc_now,
        ticks: Ticks = system_ticks,
    ) -> None:
        self._wall = wall
        self._ticks = ticks
        # One tuple, replaced whole: the sync worker observes while the window reads.
        # For an anchor loaded from the profile, the counter's reading at start-up is a
        # floor: at least that much time has passed since the anchor.
        self._state = (anchor, ticks())

    @property
    def anchor(self) -> ServerTimeAnchor | None:
        return self._state[0]

    @property
    def is_anchored(self) -> bool:
        return self._state[0] is not None

    def observe(self, server_time: datetime) -> ServerTimeAnchor:
        """Take a time the server stated (its ``Date`` header, a server timestamp in a sync
        answer) as the new reference; returns the anchor to keep in the profile.

        The server is the authority: a later observation wins even if it moves this
        clock back (the laptop had run ahead).
        """
        anchor = ServerTimeAnchor(as_utc(server_time), as_utc(self._wall()))
        self._state = (anchor, self._ticks())
        return anchor

    def now(self) -> datetime:
        anchor, ticks_then = self._state
        wall = as_utc(self._wall())
        if anchor is None:
            return wall
        elapsed = max(
            wall - anchor.laptop_time,
            timedelta(seconds=self._ticks() - ticks_then),
            timedelta(0),
        )
        return anchor.server_time + elapsed


def accepted_event_time(claimed_at: datetime | None, received_at: datetime) -> datetime:
    """When the server takes an event reported by a laptop to have happened (a check-out).

    The laptop's claim (stamped with its TrustedClock) is never later than the moment the
    server received it, so a clock running ahead cannot push a commitment's start, and so
    its due time, into the future. ``None`` (no claim) is the time of receipt.
    """
    received = as_utc(received_at)
    if claimed_at is None:
        return received
    return min(as_utc(claimed_at), received)
