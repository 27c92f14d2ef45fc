"""Client-generated, time-ordered record ids (UUIDv7, RFC 9562).

The standard library only gains ``uuid.uuid7`` in Python 3.14; the layout is small enough
to build here, and the demo generator needs a seeded variant that no library offers.
"""

from __future__ import annotations

import os
import random
import time
import uuid


def uuid7_from(unix_ms: int, rand80: int) -> str:
    """Build a UUIDv7 from a millisecond timestamp and 80 random bits (12 + 62 + 6 spare)."""
    rand_a = (rand80 >> 62) & 0xFFF
    rand_b = rand80 & ((1 << 62) - 1)
    value = (unix_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rand_a << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def new_id() -> str:
    """A fresh UUIDv7 for a record or a mutation created on this machine."""
    return uuid7_from(time.time_ns() // 1_000_000, int.from_bytes(os.urandom(10), "big"))


def seeded_id(rng: random.Random, unix_ms: int) -> str:
    """A reproducible UUIDv7 for generated demo data."""
    return uuid7_from(unix_ms, rng.getrandbits(80))


# The namespace of ids derived from what a record is about (uuid5 over the parts).
_DERIVED = uuid.UUID("0190a1f2-6b3c-7d00-8e11-f1e1d0a9b11c")


def derived_id(*parts: str) -> str:
    """The same id for the same parts on every laptop (a person's read mark on an item),
    so that two laptops writing "the same record" offline write one record, not two."""
    return str(uuid.uuid5(_DERIVED, "\x1f".join(parts)))
