"""Demo data: a believable sales organisation, generated from a seed, and its loader.

``generate`` (and ``DemoData``) never touch the local store, so the central server can
use them; ``load_demo`` writes them into a profile's store. It is imported lazily, so
importing this package does not pull in the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fieldapp.demo.generator import COLLECTIONS, DemoData, DemoUsers, Record, generate

if TYPE_CHECKING:
    from fieldapp.demo.loader import load_demo

__all__ = ["COLLECTIONS", "DemoData", "DemoUsers", "Record", "generate", "load_demo"]


def __getattr__(name: str) -> Any:
    if name == "load_demo":
        from fieldapp.demo.loader import load_demo

        return load_demo
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
