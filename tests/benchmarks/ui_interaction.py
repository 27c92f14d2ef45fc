"""The in-process part of ``tests.benchmarks.ui_speed``: the real main window, driven.

The window is built as ``run_app`` builds it (``build_context``, ``Shell.start``) on the
benchmark's profile, off screen, and driven the way a rep does: clicks with
``QTest.mouseClick`` on a row's visual rectangle, keystrokes with ``QTest.keyClick``,
page-by-page scrolling. Waiting is a ``QEventLoop`` quit by the awaited signal, so the GUI
thread sleeps in Qt's event loop (as it does in the app) instead of spinning against the
store worker for the interpreter lock.
"""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from fieldapp.store.database import Store
from ui.app import Shell, application, read_user
from ui.context import AppContext, build_context
from ui.i18n import Languages
from ui.main_window import MainWindow
from ui.models.account_list import NAME
from ui.settings import LANGUAGE, AppSettings

WAIT_SECONDS = 60.0


def ms_since(start: float, end: float | None = None) -> float:
    return ((time.perf_counter() if end is None else end) - start) * 1000


@contextmanager
def awaited(
    signal: SignalInstance, accept: Callable[..., bool] = lambda *_a: True
) -> Iterator[Callable[[], float]]:
    """Connect before acting (a signal may fire during the action); the yielded function
    waits in an event loop for an accepted emission and returns its perf_counter time."""
    loop = QEventLoop()
    got: list[float] = []

    def slot(*args: Any) -> None:
        if not got and accept(*args):
            got.append(time.perf_counter())
            loop.quit()

    def wait() -> float:
        if not got:
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(int(WAIT_SECONDS * 1000))
            loop.exec()
            timer.stop()
        if not got:
            raise TimeoutError(f"no {signal} within {WAIT_SECONDS:g} s")
        return got[0]

    signal.connect(slot)
    try:
        yield wait
    finally:
        signal.disconnect(slot)


def wait_idle(context: AppContext) -> None:
    """Until the store worker has delivered every answer asked for."""
    while context.tasks.outstanding:
        with awaited(context.tasks.busy_changed, lambda busy: not busy) as wait:
            if context.tasks.outstanding:
                wait()


@dataclass
class OpenWindow:
    shell: Shell
    window: MainWindow
    context: AppContext
    list_load_ms: float  # window construction to the full list loaded (its first load)

    def close(self) -> None:
        self.window.close()
        self.context.close()


def open_window(profile: Path, work: Path) -> OpenWindow:
    """The main window on ``profile``, shown, its first reads answered."""
    app = application(["fieldapp"])
    settings = AppSettings(work / "settings.ini")
    languages = Languages(app)
    languages.apply(settings.get(LANGUAGE))
    user, has_server = read_user(profile)
    if user is None or has_server:
        raise SystemExit("the benchmark needs a profile signed in without a server")
    context = build_context(profile, user, settings)
    shell = Shell(app, context, languages, has_server)
    start = time.perf_counter()
    window = shell.start()
    with awaited(window.accounts.model.loaded) as wait:
        window.show_page("accounts")  # the list is read when the page is first shown
        loaded = wait()
    wait_idle(context)
    return OpenWindow(shell, window, context, ms_since(start, loaded))


def settle() -> None:
    QApplication.processEvents()


# -- 2. account briefing after a click ---------------------------------------------------
@dataclass
class BriefingRun:
    account_ids: list[str] = field(default_factory=list)
    to_shown_ms: list[float] = field(default_factory=list)  # click to ``shown``
    to_painted_ms: list[float] = field(default_factory=list)  # ... and one processed paint
    cpu_ms: list[float] = field(default_factory=list)  # the process's CPU time, click to paint


def measure_briefing(window: MainWindow, rng: random.Random, clicks: int) -> BriefingRun:
    page = window.accounts
    view, model, pane = page.list_view, page.model, page.briefing
    run = BriefingRun()
    for row in rng.sample(range(model.rowCount()), clicks):
        index = model.index(row, NAME)
        view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        settle()
        account_id = model.account_at(row).id
        spot = view.visualRect(index).center()
        with awaited(pane.shown, lambda shown, a=account_id: shown == a) as wait:
            start, cpu = time.perf_counter(), time.process_time()
            QTest.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot
            )
            shown = wait()
        settle()  # the layout the new texts asked for, the list's selection, ...
        pane.repaint()  # ... and the pane painted with them
        run.account_ids.append(account_id)
        run.to_shown_ms.append(ms_since(start, shown))
        run.to_painted_ms.append(ms_since(start))
        run.cpu_ms.append((time.process_time() - cpu) * 1000)
    return run


# -- 3. search as you type --------------------------------------------------------------
def ascii_word(text: str) -> str:
    """A word as a rep types it on any keyboard: lower case, no accents, letters only."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in plain if c.isalpha())


def sample_texts(
    store: Store, table: str, column: str, rng: random.Random, count: int
) -> list[str]:
    """``column`` of ``count`` random rows, read by rowid: a few pages, not a table scan
    (which would fill this process's page cache and count in its peak memory)."""
    top = int(store.scalar(f"SELECT coalesce(max(rowid), 0) FROM {table}"))
    rowids = rng.sample(range(1, top + 1), min(count, top))
    marks = ", ".join("?" for _ in rowids)
    sql = f"SELECT {column} FROM {table} WHERE rowid IN ({marks}) AND {column} IS NOT NULL"
    return [text for (text,) in store.rows(sql, rowids)]


def search_words(store: Store, rng: random.Random, keystrokes: int) -> list[str]:
    """Real words (account names, cities, contact names, note words), 4 to 8 letters
    typed of each, until at least ``keystrokes`` letters."""
    texts = (
        sample_texts(store, "accounts", "name", rng, 200)
        + sample_texts(store, "accounts", "city", rng, 50)
        + sample_texts(store, "contacts", "last_name", rng, 200)
        + sample_texts(store, "notes", "body", rng, 100)
    )
    pool = [w for text in texts for w in map(ascii_word, text.split()) if len(w) >= 4]
    words: list[str] = []
    while sum(len(w) for w in words) < keystrokes:
        word = rng.choice(pool)
        words.append(word[: rng.randint(4, min(8, len(word)))])
    return words


@dataclass
class SearchRun:
    texts: list[str] = field(default_factory=list)  # the field's text after each keystroke
    to_results_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # the process's CPU time, both threads


def measure_search(window: MainWindow, words: list[str]) -> SearchRun:
    box = window.search
    box.setFocus()
    run = SearchRun()
    for word in words:
        box.clear()
        box.results.hide()
        settle()
        for letter in word:
            with awaited(box.results_shown) as wait:
                start, cpu = time.perf_counter(), time.process_time()
                QTest.keyClicks(box, letter)  # one letter: one key press and release
                arrived = wait()
            run.cpu_ms.append((time.process_time() - cpu) * 1000)
            run.texts.append(box.text())
            run.to_results_ms.append(ms_since(start, arrived))
            settle()  # the drop-down painted before the next letter
    box.clear()
    box.results.hide()
    settle()
    return run


# -- 4. scrolling the whole list, and loading it ---------------------------------------
@dataclass
class ScrollRun:
    step_ms: list[float] = field(default_factory=list)
    # The GUI thread's CPU time per step: the work itself, without the time the machine
    # gave to other processes (a busy shared machine preempts for tens of milliseconds).
    step_cpu_ms: list[float] = field(default_factory=list)
    repaint_ms: list[float] = field(default_factory=list)  # the same view, not scrolled
    rows: int = 0
    rows_per_page: int = 0


def measure_scroll(window: MainWindow, repaints: int = 50) -> ScrollRun:
    view = window.accounts.list_view
    bar, viewport = view.verticalScrollBar(), view.viewport()
    bar.setValue(0)
    settle()
    run = ScrollRun(rows=window.accounts.model.rowCount(), rows_per_page=bar.pageStep())
    for value in [*range(bar.pageStep(), bar.maximum(), bar.pageStep()), bar.maximum()]:
        start, cpu = time.perf_counter(), time.thread_time()
        bar.setValue(value)
        viewport.repaint()
        run.step_ms.append(ms_since(start))
        run.step_cpu_ms.append((time.thread_time() - cpu) * 1000)
        settle()  # what the event loop does between two frames (not timed)
    for _ in range(repaints):
        start = time.perf_counter()
        viewport.repaint()
        run.repaint_ms.append(ms_since(start))
    bar.setValue(0)
    settle()
    return run


def measure_list_reload(window: MainWindow, context: AppContext, repeats: int) -> list[float]:
    """A filter change back to the whole list: from the change to the list painted."""
    page = window.accounts
    samples = []
    for _ in range(repeats):
        with awaited(page.model.loaded) as wait:
            page.tier_box.setCurrentIndex(page.tier_box.findData("A"))
            wait()
        wait_idle(context)
        settle()
        with awaited(page.model.loaded) as wait:
            start = time.perf_counter()
            page.tier_box.setCurrentIndex(0)  # "All tiers": 50,000 rows again
            wait()
        settle()
        page.list_view.viewport().repaint()
        samples.append(ms_since(start))
        wait_idle(context)
    return samples
