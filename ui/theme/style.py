"""The style sheet built from a palette, and the theme that follows the system's scheme.

Qt >= 6.5 reports the desktop's colour scheme (``QStyleHints.colorScheme``) and signals its
changes; the theme switches palette when it changes. Where the desktop says nothing
(``Unknown``, older Qt) the window is light. ``FIELDAPP_COLOR_SCHEME=light|dark`` forces one
(screenshots, a user whose desktop reports the wrong scheme).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.theme.palette import DARK, LIGHT, Palette

FORCE_SCHEME = "FIELDAPP_COLOR_SCHEME"

# Type scale (points): title 15 bold (a page's or a card's subject), section heading 11
# bold, body = the system font, secondary = body in text_secondary, caption 8 in
# text_secondary (metadata under a heading: dates, who, counts).
TITLE_PT = 15
HEADING_PT = 11
CAPTION_PT = 8

# A chip's tone -> the palette roles of its background and its text. The style sheet's
# chip labels and the list delegate that paints chips in table cells both read this.
CHIP_TONES: dict[str, tuple[str, str]] = {
    "normal": ("accent_soft", "text"),
    "danger": ("danger_soft", "danger"),
    "warning": ("surface_alt", "warning"),
    "muted": ("surface_alt", "text_secondary"),
}

# A state (hover, focus, a dialog's default button, which moves with the focus) changes
# colours only, never the font: a widget is laid out for the font it was polished with, so
# a bolder state overflows it (tests/ui/test_design.py).
STYLE = """
QMainWindow, QDialog {{ background: {window}; color: {text}; }}
QWidget {{ color: {text}; }}
QToolTip {{ background: {surface}; color: {text}; border: 1px solid {border}; }}
QLabel[role="title"] {{ font-size: {title_pt}pt; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: {heading_pt}pt; font-weight: 600; }}
QLabel[role="secondary"] {{ color: {text_secondary}; }}
QLabel[role="caption"] {{ color: {text_secondary}; font-size: {caption_pt}pt; }}
QLabel[tone="danger"] {{ color: {danger}; }}
QLabel[tone="warning"] {{ color: {warning}; }}
QLabel[tone="success"] {{ color: {success}; }}
QFrame[role="card"] {{ background: {surface}; border: 1px solid {border}; border-radius: 8px; }}
QFrame[role="card"] QLabel {{ background: transparent; border: none; }}
QFrame#visitReminders {{ background: {info_soft}; }}
QGroupBox {{
    background: {surface}; border: 1px solid {border}; border-radius: 8px;
    margin-top: 14px; padding: 12px 10px 8px 10px; font-weight: 600;
}}
QGroupBox::title {{
    subcontrol-origin: margin; subcontrol-position: top left; left: 10px; padding: 0 4px;
    color: {text};
}}
QGroupBox QLabel {{ background: transparent; }}
QListWidget#navigationRail {{
    background: {surface_alt}; border: none; border-right: 1px solid {border};
    padding: 6px 4px; outline: 0;
}}
QListWidget#navigationRail::item {{ padding: 8px 6px; border-radius: 6px; margin: 1px 0; }}
QListWidget#navigationRail::item:hover {{ background: {border}; }}
QListWidget#navigationRail::item:selected {{
    background: {accent_soft}; color: {text}; font-weight: 600;
}}
QWidget#appHeader {{ background: {surface}; border-bottom: 1px solid {border}; }}
QLabel#userName {{ font-weight: 600; }}
QLabel[role="pill"] {{ border-radius: 10px; padding: 2px 10px; font-weight: 600; }}
QLabel[role="pill"][state="online"] {{ background: {success}; color: {surface}; }}
QLabel[role="pill"][state="syncing"] {{ background: {accent}; color: {accent_text}; }}
QLabel[role="pill"][state="offline"] {{ background: {warning}; color: {surface}; }}
QLabel[role="pill"][state="signed_out"] {{ background: {text_secondary}; color: {surface}; }}
QLabel[role="pill"][state="damaged"] {{ background: {danger}; color: {surface}; }}
QLabel[role="chip"] {{
    border-radius: 9px; padding: 1px 8px; background: {accent_soft}; color: {text};
}}
QLabel[role="error"] {{ color: {danger}; }}
QPushButton {{
    background: {surface}; color: {text}; border: 1px solid {border}; border-radius: 6px;
    padding: 5px 14px;
}}
QPushButton:hover {{ background: {surface_alt}; }}
QPushButton:disabled {{ color: {text_secondary}; }}
QPushButton[role="primary"], QPushButton:default {{
    background: {accent}; color: {accent_text}; border-color: {accent};
}}
QPushButton[role="primary"] {{ font-weight: 600; }}
QPushButton[role="primary"]:hover, QPushButton:default:hover {{
    background: {accent_hover}; border-color: {accent_hover};
}}
QPushButton[role="primary"]:disabled {{
    background: {surface_alt}; color: {text_secondary}; border-color: {border};
}}
QPushButton:flat {{ border: none; background: transparent; color: {accent}; }}
QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QSpinBox, QDateEdit, QTimeEdit {{
    background: {surface}; border: 1px solid {border}; border-radius: 5px; padding: 3px 6px;
}}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{
    border-color: {accent};
}}
QTableView, QTreeView, QListView {{
    background: {surface}; alternate-background-color: {surface_alt};
    border: 1px solid {border}; border-radius: 6px; selection-background-color: {accent_soft};
    selection-color: {text};
}}
QHeaderView::section {{
    background: {surface_alt}; color: {text_secondary}; border: none;
    border-bottom: 1px solid {border}; padding: 4px 6px; font-weight: 600;
}}
QToolBar {{ background: {surface}; border: none; border-bottom: 1px solid {border}; }}
QStatusBar {{ background: {surface}; border-top: 1px solid {border}; }}
QTabWidget::pane {{ border: 1px solid {border}; border-radius: 6px; background: {surface}; }}
QTabBar::tab {{ padding: 5px 12px; border: none; color: {text_secondary}; }}
QTabBar::tab:selected {{ color: {text}; border-bottom: 2px solid {accent}; }}
QFrame#noticeBar {{ background: {info_soft}; border: 1px solid {border}; border-radius: 6px; }}
QFrame#noticeBar[tone="danger"] {{ background: {danger_soft}; }}
QFrame#noticeBar QLabel {{ background: transparent; }}
QWidget#emptyState QLabel {{ background: transparent; }}
"""


def _chip_rules(palette: Palette) -> str:
    roles = palette.roles()
    return "\n".join(
        f'QLabel[role="chip"][tone="{tone}"] {{ background: {roles[back]}; color: {roles[fore]}; }}'
        for tone, (back, fore) in CHIP_TONES.items()
    )


def style_sheet(palette: Palette) -> str:
    # A hovered primary button is the accent a shade towards the background, worked out
    # here so the palette keeps one accent value per scheme.
    accent = QColor(palette.accent)
    hover = accent.darker(115) if palette.name == "light" else accent.lighter(115)
    sheet = STYLE.format(
        title_pt=TITLE_PT,
        heading_pt=HEADING_PT,
        caption_pt=CAPTION_PT,
        accent_hover=hover.name(),
        **palette.roles(),
    )
    return sheet + _chip_rules(palette) + "\n"


def qt_palette(palette: Palette) -> QPalette:
    """The same roles for what the style sheet does not reach (item views' text, menus)."""
    made = QPalette()
    role = QPalette.ColorRole
    for qt_role, value in (
        (role.Window, palette.window),
        (role.WindowText, palette.text),
        (role.Base, palette.surface),
        (role.AlternateBase, palette.surface_alt),
        (role.Text, palette.text),
        (role.Button, palette.surface),
        (role.ButtonText, palette.text),
        (role.Highlight, palette.accent_soft),
        (role.HighlightedText, palette.text),
        (role.ToolTipBase, palette.surface),
        (role.ToolTipText, palette.text),
        (role.PlaceholderText, palette.text_secondary),
        (role.Link, palette.accent),
        (role.Mid, palette.border),
        (role.Dark, palette.text_secondary),
    ):
        made.setColor(qt_role, QColor(value))
    made.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(palette.text_secondary))
    made.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(palette.text_secondary))
    return made


def system_palette() -> Palette:
    forced = os.environ.get(FORCE_SCHEME, "").strip().lower()
    if forced in ("light", "dark"):
        return DARK if forced == "dark" else LIGHT
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)  # Qt >= 6.5
    if scheme is not None and scheme() == Qt.ColorScheme.Dark:
        return DARK
    return LIGHT


class Theme(QObject):
    """The palette in use; ``changed`` when the system switches between light and dark."""

    changed = Signal(object)  # Palette

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.palette = system_palette()
        hints = app.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self.apply(system_palette()))
        self.apply(self.palette, force=True)

    def apply(self, palette: Palette, *, force: bool = False) -> None:
        if palette == self.palette and not force:
            return
        self.palette = palette
        self._app.setStyle("Fusion")  # the same drawing on every desktop, for both palettes
        self._app.setPalette(qt_palette(palette))
        self._app.setStyleSheet(style_sheet(palette))
        self.changed.emit(palette)


_THEME: list[Theme] = []


def install_theme(app: QApplication) -> Theme:
    if not _THEME or _THEME[0].parent() is not app:
        _THEME[:] = [Theme(app)]
    return _THEME[0]


def current_palette() -> Palette:
    return _THEME[0].palette if _THEME else LIGHT


def theme() -> Theme | None:
    return _THEME[0] if _THEME else None
