"""The visual design: both palettes load, the rail's icons render, the pill's words, and no
colour is written outside the palette module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from ui.labels import connection_words
from ui.sync_worker import Connection
from ui.theme.icons import icon_path, tinted_pixmap
from ui.theme.palette import PALETTES
from ui.theme.style import qt_palette, style_sheet
from ui.widgets.connection_pill import ConnectionPill
from ui.widgets.nav_rail import PAGE_ICONS

UI = Path(__file__).resolve().parents[2] / "ui"
# Colours are allowed only in the palette module.
ALLOWED = {UI / "theme" / "palette.py"}
HEX = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
NAMED = re.compile(r"QColor\(\s*(\d|[\"'])|Qt\.GlobalColor\.(?!transparent)\w+")


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_each_palette_builds_a_style_sheet_and_a_qt_palette(name: str, qapp: object) -> None:
    palette = PALETTES[name]
    for role, value in palette.roles().items():
        assert QColor(value).isValid(), (name, role, value)
    sheet = style_sheet(palette)
    assert palette.accent in sheet and "{" in sheet
    assert qt_palette(palette).window().color() == QColor(palette.window)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_rail_icon_exists_and_renders_in_the_palette_text_colour(
    name: str, qapp: object
) -> None:
    colour = QColor(PALETTES[name].text)
    for icon in sorted(set(PAGE_ICONS.values())):
        assert icon_path(icon).is_file(), icon
        image = tinted_pixmap(icon, colour.name(), 24).toImage()
        painted = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert painted, f"{icon} rendered empty"
        # Tinted: the opaque pixels are the palette's text colour, not Lucide's black.
        assert all(abs(p.red() - colour.red()) < 8 for p in painted), icon


def test_the_icon_licence_ships_next_to_the_icons() -> None:
    licence = (UI / "theme" / "icons" / "LICENSE").read_text(encoding="utf-8")
    assert "ISC" in licence and "Lucide" in licence


@pytest.mark.parametrize(
    ("connection", "syncing", "state"),
    [
        (Connection.ONLINE, False, "online"),
        (Connection.OFFLINE, False, "offline"),
        (Connection.ONLINE, True, "syncing"),
        (Connection.SIGNED_OUT, False, "signed_out"),
    ],
)
def test_the_header_pill_shows_each_connection_state_in_its_words(
    connection: Connection, syncing: bool, state: str, qtbot: QtBot
) -> None:
    pill = ConnectionPill()
    qtbot.addWidget(pill)
    pill.show_state(connection, syncing=syncing)
    assert pill.text() == connection_words(connection, syncing).short
    assert pill.property("state") == state


def test_no_colour_is_written_in_ui_outside_the_palette() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HEX.search(line) or NAMED.search(line):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert not found, "colours belong in ui/theme/palette.py:\n" + "\n".join(found)
