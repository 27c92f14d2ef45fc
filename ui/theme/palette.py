"""The two palettes of the window, light and dark, as named roles.

Every colour the window paints comes from here (a test scans ui/ for colour literals
elsewhere). Widgets ask for a role ("accent", "danger"...), never a value, so that the dark
palette is the light one's meaning with other values.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Palette:
    name: str
    window: str  # the window's background, behind the cards
    surface: str  # cards, lists, the header
    surface_alt: str  # the rail, table headers, hovered rows
    border: str
    text: str  # body text and icons
    text_secondary: str  # captions, metadata, empty-state sentences
    accent: str  # primary buttons, the selected rail entry, links
    accent_text: str  # text on the accent colour
    accent_soft: str  # the selected rail entry's background, tier chips
    success: str  # "Online", held visits
    warning: str  # "due soon", syncing
    danger: str  # overdue, errors, badges
    danger_soft: str  # background of overdue chips and error notices
    info_soft: str  # background of informative notices

    def roles(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


LIGHT = Palette(
    name="light",
    window="#f3f4f7",
    surface="#ffffff",
    surface_alt="#e9ecf2",
    border="#d3d8e0",
    text="#1d2433",
    text_secondary="#5b6475",
    accent="#1f5fbf",
    accent_text="#ffffff",
    accent_soft="#dce8fb",
    success="#1b7f3b",
    warning="#8a5300",
    danger="#b00020",
    danger_soft="#fbe3e6",
    info_soft="#e3edfb",
)

DARK = Palette(
    name="dark",
    window="#15181e",
    surface="#1e222a",
    surface_alt="#272c36",
    border="#3a404c",
    text="#e6e9ef",
    text_secondary="#a3abba",
    accent="#6ea2f5",
    accent_text="#0d1626",
    accent_soft="#243a5e",
    success="#5cc97e",
    warning="#e5a84b",
    danger="#ff6b7f",
    danger_soft="#4a2128",
    info_soft="#22324d",
)

PALETTES = {LIGHT.name: LIGHT, DARK.name: DARK}

# Okabe-Ito: told apart by colour-blind readers; used by the dashboard charts in both palettes.
CHART = {
    "held": "#009E73",
    "cancelled": "#E69F00",
    "no_show": "#D55E00",
    "open": "#56B4E9",
    "not_due": "#BBBBBB",
}
