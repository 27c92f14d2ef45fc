"""Fixtures shared by the whole test suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from support.keyring_memory import MemoryKeyring

from fieldapp.logs import reset_logging


def pytest_addoption(parser: pytest.Parser) -> None:
    # The long abuse variants (100+ SIGKILLs, many randomized fault rounds) take minutes;
    # the default run keeps their short form so CI stays well inside its time limit.
    parser.addoption(
        "--long",
        action="store_true",
        default=False,
        help="run the long variants of the crash, fault and fuzzing tests",
    )


@pytest.fixture(scope="session")
def long_run(request: pytest.FixtureRequest) -> bool:
    """True when the suite was started with ``--long`` (see docs/reliability.md)."""
    return bool(request.config.getoption("--long"))


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test writes logs or profiles into the real home folder.

    The log handlers a test's ``main()`` installed are removed afterwards, so one test's
    log file never receives another test's lines.
    """
    monkeypatch.setenv("FIELDAPP_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("FIELDAPP_PROFILE", str(tmp_path / "default-profile"))
    monkeypatch.setenv("FIELDAPP_SETTINGS_FILE", str(tmp_path / "settings.ini"))
    yield
    reset_logging()


@pytest.fixture(autouse=True)
def _memory_keyring() -> Iterator[MemoryKeyring]:
    """No test touches the computer's keyring: each one gets an empty in-memory keyring."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)
