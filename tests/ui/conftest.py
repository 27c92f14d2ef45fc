"""Fixtures of the desktop app's tests (Qt runs off screen; see tests/support/ui_world.py)."""

from __future__ import annotations

import os

# Before any Qt import: no display on CI or on the development machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support.ui_world import (
    demo_data,
    english,
    make_context,
    ui_clock,
    ui_profile,
)
from support.windows import contexts

__all__ = ["contexts", "demo_data", "english", "make_context", "ui_clock", "ui_profile"]
