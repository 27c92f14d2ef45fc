"""Whether a window shows every word it holds: font metrics against each widget's size.

``misfits(window, language)`` walks the visible widgets of one window and returns a
``Misfit`` for each label (when it wraps: its longest word), push or tool button, check
box, radio button, closed combo box, tab, group box title and horizontal header section
whose text needs more room than it is given, and one for the window when it is larger than
the screen leaves.
The room a text needs is its ``QFontMetrics.horizontalAdvance`` in the font it is drawn
with, plus what the style (the app's style sheet included) adds around it; the style's own
``sizeFromContents`` tells the latter, measured on a wide content so that a style's
minimum width (Fusion makes every text button 80 px wide) never counts as text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6 import QtGui
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QStyleOptionHeader,
    QStyleOptionTab,
    QStyleOptionToolButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from ui.screen_fit import FRAME_ALLOWANCE

# Wider than any style's minimum, so the style's answer minus it is only its margins.
_WIDE = 400
CT = QStyle.ContentsType


@dataclass(frozen=True)
class Misfit:
    kind: str  # the widget's class (or "window")
    path: str  # object names from the window down
    language: str
    text: str
    needed: int
    given: int

    def __str__(self) -> str:
        return (
            f"[{self.language}] {self.kind} {self.path}: {self.text!r} needs {self.needed} px,"
            f" has {self.given}"
        )

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def object_path(widget: QWidget, top: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        parts.append(f"{type(current).__name__}#{name}" if name else type(current).__name__)
        if current is top:
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def shown_text(text: str) -> str:
    """The text as drawn: a lone ``&`` marks a mnemonic and takes no room."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def text_width(font: QFont, text: str) -> int:
    metrics = QFontMetrics(font)
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _margins(widget: QWidget, kind: CT, option: QStyleOption, height: int) -> int:
    wide = widget.style().sizeFromContents(kind, option, QSize(_WIDE, height), widget)
    return max(0, wide.width() - _WIDE)


def _visible_width(widget: QWidget) -> int:
    """The widget's width, less what a parent (a scroll area, a splitter) clips off."""
    visible = widget.visibleRegion().boundingRect()
    return min(widget.width(), visible.width()) if not visible.isEmpty() else widget.width()


def _label_need(label: QLabel) -> tuple[str, int, int] | None:
    text = label.text()
    if not text or not label.pixmap().isNull():
        return None
    if label.wordWrap():
        return _wrapped_label_need(label)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        plain, needed = document.toPlainText(), int(document.idealWidth() + 0.999)
    else:
        plain = shown_text(text) if label.buddy() is not None else text
        needed = text_width(label.font(), plain)
    given = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    return plain, needed, min(given, _visible_width(label))


def _wrapped_label_need(label: QLabel) -> tuple[str, int, int] | None:
    """A wrapping label breaks between words only: its longest word must fit."""
    text = label.text()
    if label.textFormat() != Qt.TextFormat.PlainText and QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    words = text.replace("\u200b", " ").split()  # a zero-width space is a break too
    if not words:
        return None
    longest = max(words, key=lambda word: text_width(label.font(), word))
    given = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    return longest, text_width(label.font(), longest), min(given, _visible_width(label))


def _button_need(button: QAbstractButton) -> tuple[str, int, int] | None:
    text = shown_text(button.text())
    if not text:
        return None
    content = text_width(button.font(), text)
    height = button.fontMetrics().height()
    has_icon = not button.icon().isNull()
    option: QStyleOption
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and has_icon:
            return None
        option = QStyleOptionToolButton()
        option.initFrom(button)
        if has_icon and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon:
            content += button.iconSize().width() + 4
        kind = CT.CT_ToolButton
    elif isinstance(button, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        if has_icon:
            content += button.iconSize().width() + 4
        kind = CT.CT_CheckBox if isinstance(button, QCheckBox) else CT.CT_RadioButton
    elif isinstance(button, QPushButton):
        option = QStyleOptionButton()
        option.initFrom(button)
        if button.isFlat():
            option.features |= QStyleOptionButton.ButtonFeature.Flat
        if button.menu() is not None:
            option.features |= QStyleOptionButton.ButtonFeature.HasMenu
            content += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
        if has_icon:
            content += button.iconSize().width() + 4
        kind = CT.CT_PushButton
    else:
        return None
    needed = content + _margins(button, kind, option, height)
    return text, needed, _visible_width(button)


def _combo_need(combo: QComboBox) -> tuple[str, int, int] | None:
    """A closed choice list shows its current choice whole (its text, the arrow beside)."""
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    content = text_width(combo.font(), text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        content += combo.iconSize().width() + 4
    height = combo.fontMetrics().height()
    needed = content + _margins(combo, CT.CT_ComboBox, option, height)
    return text, needed, _visible_width(combo)


def _group_need(box: QGroupBox) -> tuple[str, int, int] | None:
    title = shown_text(box.title())
    if not title:
        return None
    option = QStyleOptionGroupBox()
    option.initFrom(box)
    option.text = title
    option.lineWidth = 1
    option.textAlignment = box.alignment()
    controls = QStyle.SubControl.SC_GroupBoxFrame | QStyle.SubControl.SC_GroupBoxLabel
    if box.isCheckable():
        controls |= QStyle.SubControl.SC_GroupBoxCheckBox
    option.subControls = controls
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    # Fusion draws the title bold; the style's label rectangle is measured in that font.
    bold = QFont(box.font())
    bold.setBold(True)
    needed = max(label.right() + 1, max(label.left(), 0) + text_width(bold, title))
    return title, needed, _visible_width(box)


def _tab_misfits(bar: QTabBar, top: QWidget, language: str) -> list[Misfit]:
    found = []
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = shown_text(bar.tabText(index))
        option = QStyleOptionTab()
        option.initFrom(bar)
        option.text = text
        content = text_width(bar.font(), text) + space
        if not bar.tabIcon(index).isNull():
            content += bar.iconSize().width() + 4
        needed = content + _margins(bar, CT.CT_TabBarTab, option, bar.fontMetrics().height())
        rect = bar.tabRect(index)
        # A tab pushed past the bar's end (behind the scroll arrows) is not shown whole.
        given = min(rect.width(), max(0, bar.width() - rect.left()))
        if needed > given:
            path = f"{object_path(bar, top)}[tab {index}]"
            found.append(Misfit("QTabBar tab", path, language, text, needed, given))
    return found


def _header_misfits(header: QHeaderView, top: QWidget, language: str) -> list[Misfit]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        value = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        text = "" if value is None else str(value)
        if not text:
            continue
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.text = text
        option.section = logical
        option.orientation = Qt.Orientation.Horizontal
        option.textAlignment = header.defaultAlignment()
        # A sortable column keeps room for the arrow: one click puts it beside any title.
        if header.isSortIndicatorShown():
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortDown
                if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
                else QStyleOptionHeader.SortIndicator.SortUp
            )
        needed = (
            header.style().sizeFromContents(CT.CT_HeaderSection, option, QSize(), header).width()
        )
        given = header.sectionSize(logical)
        if needed > given:
            path = f"{object_path(header, top)}[column {logical}]"
            found.append(Misfit("QHeaderView section", path, language, text, needed, given))
    return found


def window_misfit(window: QWidget, language: str) -> Misfit | None:
    """The window against the screen's room, title bar and frame allowed for."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    # The allowance is what ``ui.screen_fit`` leaves for the title bar and the frame.
    size = window.size()
    width_over = size.width() > room.width()
    height_over = size.height() > room.height() - FRAME_ALLOWANCE
    if not (width_over or height_over):
        return None
    return Misfit(
        "window",
        type(window).__name__,
        language,
        window.windowTitle(),
        size.height() if height_over else size.width(),
        room.height() - FRAME_ALLOWANCE if height_over else room.width(),
    )


def misfits(window: QWidget, language: str) -> list[Misfit]:
    found: list[Misfit] = []
    too_big = window_misfit(window, language)
    if too_big is not None:
        found.append(too_big)
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QTabBar):
            found.extend(_tab_misfits(widget, window, language))
            continue
        if isinstance(widget, QHeaderView):
            found.extend(_header_misfits(widget, window, language))
            continue
        need: tuple[str, int, int] | None = None
        if isinstance(widget, QLabel):
            need = _label_need(widget)
        elif isinstance(widget, QAbstractButton):
            need = _button_need(widget)
        elif isinstance(widget, QGroupBox):
            need = _group_need(widget)
        elif isinstance(widget, QComboBox):
            need = _combo_need(widget)
        if need is not None and need[1] > need[2]:
            text, needed, given = need
            path = object_path(widget, window)
            found.append(Misfit(type(widget).__name__, path, language, text, needed, given))
    return found
