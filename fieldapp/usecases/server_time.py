"""Now, as the server would say it: the laptop's SLA clocks never read its own wall clock.

The sync engine keeps the last time the server stated and this laptop's clock then (the
profile's ``server_time_anchor``, fieldapp.store.syncbook.note_server_time); a
``TrustedClock`` counts on from it with a monotonic counter and the wall clock's advance
(fieldapp/team/trusted_time.py). One clock per open store, so the counter keeps running
for as long as the profile is open, whatever is done to the wall clock meanwhile.
"""

from __future__ import annotations

import json
import weakref
from datetime import datetime

from fieldapp.clock import from_text
from fieldapp.store.database import Store
from fieldapp.team.trusted_time import ServerTimeAnchor, Ticks, TrustedClock, system_ticks

SERVER_TIME_KEY = "server_time_anchor"  # written by fieldapp.store.syncbook

_clocks: weakref.WeakKeyDictionary[Store, tuple[ServerTimeAnchor | None, TrustedClock]] = (
    weakref.WeakKeyDictionary()
)


def server_time_anchor(store: Store) -> ServerTimeAnchor | None:
    """The last server time this profile received, with the laptop's clock then."""
    text = store.profile_value(SERVER_TIME_KEY)
    if text is None:
        return None
    try:
        data = json.loads(text)
        return ServerTimeAnchor(from_text(data["server"]), from_text(data["laptop"]))
    except (ValueError, KeyError, TypeError):
        return None  # unreadable (hand-edited): as if the server had never been reached


def trusted_clock(store: Store, *, ticks: Ticks = system_ticks) -> TrustedClock:
    """The store's trusted clock, on the latest anchor the sync engine kept (``ticks`` is
    for tests: a counter they move by hand)."""
    anchor = server_time_anchor(store)
    known = _clocks.get(store)
    if known is not None and known[0] == anchor:
        return known[1]
    clock = TrustedClock(anchor, wall=store.clock, ticks=ticks)
    _clocks[store] = (anchor, clock)
    return clock


def trusted_now(store: Store) -> datetime:
    return trusted_clock(store).now()
