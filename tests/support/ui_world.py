"""Fixtures of the desktop app's tests: a demo profile on a temporary file and its context.

``ui_profile`` is a small demo organisation (60 accounts, seed 3, "today" = T0's date)
loaded into a real SQLite profile. ``make_context(username)`` signs the profile in as a
demo user and returns an ``AppContext`` whose workers run on that file; every context made
is closed after the test, so no worker thread outlives it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.demo.generator import DemoData, generate
from fieldapp.demo.loader import load_demo
from fieldapp.records import User
from fieldapp.store.database import open_store
from fieldapp.store.replica import set_profile_value
from fieldapp.usecases.people import CURRENT_USER_KEY, current_user
from support.core_world import T0, FakeClock

ContextFactory = Callable[..., "object"]


@pytest.fixture(scope="session")
def demo_data() -> DemoData:
    return generate(60, seed=3, today=T0.date())


@pytest.fixture
def ui_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ui_profile(tmp_path: Path, demo_data: DemoData, ui_clock: FakeClock) -> Path:
    folder = tmp_path / "profile"
    with open_store(folder, create=True, clock=ui_clock) as store:
        load_demo(store, demo_data, signed_in_as="field")
    return folder


def sign_profile_in(folder: Path, demo_data: DemoData, username: str) -> User:
    with open_store(folder) as store:
        with store.transaction():
            set_profile_value(store, CURRENT_USER_KEY, demo_data.user_id(username))
            set_profile_value(store, "current_username", username)
        return current_user(store)


@pytest.fixture
def make_context(
    ui_profile: Path,
    demo_data: DemoData,
    ui_clock: FakeClock,
    tmp_path: Path,
    qapp: object,
) -> Iterator[Callable[..., object]]:
    """``make_context("field" | "inside", **options)`` -> a started ``AppContext``."""
    from ui.context import build_context
    from ui.settings import AppSettings

    made = []

    def make(username: str = "field", **options: object) -> object:
        user = sign_profile_in(ui_profile, demo_data, username)
        settings = AppSettings(tmp_path / f"settings-{len(made)}.ini")
        context = build_context(ui_profile, user, settings, now=ui_clock, **options)  # type: ignore[arg-type]
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    """The English catalogue installed: it holds the plural forms ("3 working days")."""
    from PySide6.QtWidgets import QApplication

    from ui.i18n import Languages

    assert isinstance(qapp, QApplication)
    languages = Languages(qapp)
    languages.apply("en")
    yield
    languages.clear()
