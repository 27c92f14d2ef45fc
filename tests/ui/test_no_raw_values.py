"""Every page and the visit window, in English and in French, show words and dates the way a
person reads them: no code of the core ("checked_in"), no ISO timestamp, no US short date.

The scan walks what is on screen once the demo data has loaded: every visible label and
button, every cell of every visible list, table and tree (DisplayRole) and every combo box
item, so a raw value that a new view forgets to word fails here, whatever the view.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support.core_world import T0

from fieldapp.catalogue import (
    FollowUpStatus,
    HandoffAction,
    LeadStatus,
    MutationOp,
    OpportunityStage,
    VisitOutcome,
    VisitStatus,
)
from fieldapp.team.policies import CommitmentKind
from fieldapp.usecases.inbox import InboxKind
from ui.i18n import Languages
from ui.main_window import MainWindow
from ui.visit_form import VisitWindow

# The vocabularies ui/labels.py words. Role, Team and Tier are left out: their codes are
# plain words ("field", "A") that a sentence may hold; their labels are tested in
# test_labels.py.
WORDED: tuple[type[StrEnum], ...] = (
    VisitStatus,
    VisitOutcome,
    OpportunityStage,
    FollowUpStatus,
    LeadStatus,
    HandoffAction,
    MutationOp,
    CommitmentKind,
    InboxKind,
)
CODES = frozenset(member.value for vocabulary in WORDED for member in vocabulary)
SNAKE_CASE = re.compile(r"(?<![\w@./-])[a-z]+(?:_[a-z]+)+(?![\w@.-])")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:T|\b)")
US_SHORT_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# Where a code would sit in a sentence: alone, after "Status: ", between " — " or "; ".
SEGMENTS = re.compile(r"\s*(?:[:;,·—(|)]|\s-\s)\s*")


# Keyboard hints name actions with English verbs, some of which are also codes ("C: claim ·
# M: comment · Enter: open"): only the snake_case and date checks apply to them.
KEY_HINTS = frozenset({"queueKeys"})


def raw_values_in(text: str, *, words: bool = True) -> list[str]:
    """What in ``text`` a person should never read (``words``: codes that are one word)."""
    found = SNAKE_CASE.findall(text) + ISO_DATE.findall(text) + US_SHORT_DATE.findall(text)
    if words:
        found += [part for part in SEGMENTS.split(text) if part.strip() in CODES]
    return list(dict.fromkeys(found))


def test_the_scan_recognises_each_kind_of_raw_value() -> None:
    # The scan must be able to fail: each kind of raw value it is there to catch.
    assert raw_values_in("Status: checked_in") == ["checked_in"]
    assert raw_values_in("Visit — planned") == ["planned"]
    assert raw_values_in("no_show")
    assert raw_values_in("Last sync 2026-12-02T09:30:00Z")
    assert raw_values_in("due 2026-12-02")
    assert raw_values_in("due 12/02/2026")
    # What people read passes: words, dates in letters, an address, an e-mail, a time.
    for fine in (
        "Checked in at 9:30 a.m.",
        "2 déc. 2026",
        "Planned visits",
        "elise_tremblay@boulangerie-sl.ca",
        "Montréal (Québec) H3J 8K4",
        "3 250 $",
        "Visites dues",
    ):
        assert raw_values_in(fine) == [], fine


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    # A list model's columnCount and a flat model's hasChildren are private in PySide.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            value = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
            if column == 0 and not flat and model.hasChildren(index):
                yield from model_texts(model, index)


def shown_texts(top: QWidget) -> Iterator[tuple[QWidget, str]]:
    """(widget, text) for what a person sees in ``top`` now."""
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = widget
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QComboBox):
            for row in range(widget.count()):
                yield where, widget.itemText(row)
        elif isinstance(widget, QTextEdit) and widget.isReadOnly():
            yield where, widget.toPlainText()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for text in model_texts(widget.model()):
                yield where, text


def raw_on_screen(top: QWidget, page: str) -> list[str]:
    return [
        f"{page}: {type(widget).__name__} {widget.objectName()!r}: {text!r}"
        for widget, text in shown_texts(top)
        for _ in raw_values_in(text, words=widget.objectName() not in KEY_HINTS)[:1]
    ]


def settle(context: Any, qtbot: QtBot) -> None:
    """Until the store worker has answered every read a page asked (answers ask more)."""
    for _ in range(3):
        qtbot.waitUntil(lambda: context.tasks.outstanding == 0, timeout=10000)
        qtbot.wait(30)


def select_first_row(view: QAbstractItemView) -> None:
    model = view.model()
    if model is not None and model.rowCount() > 0:
        view.setCurrentIndex(model.index(0, 0))


@pytest.fixture(params=["en_CA", "fr_CA"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    assert isinstance(qapp, QApplication)
    languages = Languages(qapp)
    languages.apply(request.param)
    yield request.param
    languages.clear()


@pytest.mark.parametrize("username", ["field", "inside", "manager"])
def test_every_page_shows_words_and_dates_not_codes(
    make_context: Any, qtbot: QtBot, language: str, username: str
) -> None:
    context = make_context(username)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    found: list[str] = []
    seen = 0
    for page in window.pages:
        window.show_page(page)
        settle(context, qtbot)
        shown = window.stack.currentWidget()
        # A selected row opens its detail (the briefing, the report, the queue item).
        for attribute in ("list_view", "queue", "table"):
            view = getattr(shown, attribute, None)
            if isinstance(view, QAbstractItemView):
                select_first_row(view)
        settle(context, qtbot)
        found += raw_on_screen(window, f"{language} {username} {page}")
        seen += sum(1 for _ in shown_texts(window))
    assert seen > 300  # the pages showed their data: the scan had something to read
    assert found == []


def todays_visit(context: Any, qtbot: QtBot) -> str:
    ids: list[str] = []
    context.tasks.read(
        lambda store: store.scalar(
            "SELECT id FROM visits WHERE rep_id = ? AND status = 'planned'"
            " AND planned_start >= ? ORDER BY planned_start LIMIT 1",
            (context.user.id, T0.date().isoformat()),
        ),
        ids.append,
    )
    qtbot.waitUntil(lambda: bool(ids), timeout=5000)
    return ids[0]


def test_the_visit_window_and_the_change_it_queues_show_words_and_dates(
    make_context: Any, qtbot: QtBot, language: str
) -> None:
    context = make_context("field")
    visit = VisitWindow(context, todays_visit(context, qtbot))
    qtbot.addWidget(visit)
    visit.show()
    qtbot.waitUntil(lambda: visit.form_data is not None, timeout=5000)
    settle(context, qtbot)
    found = raw_on_screen(visit, f"{language} visit planned")
    qtbot.mouseClick(visit.header.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(visit.complete_button.isEnabled, timeout=5000)
    settle(context, qtbot)
    found += raw_on_screen(visit, f"{language} visit checked in")
    # The check-in waits in the outbox: the sync page lists its status and its time.
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("sync")
    settle(context, qtbot)
    assert window.sync_page.pending_model.rowCount() > 0
    found += raw_on_screen(window, f"{language} sync page, one check-in to send")
    assert found == []
