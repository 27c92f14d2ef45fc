"""Windows that open no larger than the screen they open on.

A 1280x800 main window on a 1366x768 laptop (the most common size among field reps'
laptops) put its status bar, which says whether work was sent, below the screen's edge.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the title bar and the frame the window manager adds around the window.
FRAME_ALLOWANCE = 40


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width``x``height``, or to what the screen leaves, whichever is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width())
        height = min(height, room.height() - FRAME_ALLOWANCE)
    widget.resize(width, height)
