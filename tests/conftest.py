"""Fixtures shared by the whole test suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from support.keyring_memory import MemoryKeyring

from fieldapp.logs import reset_logging


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test writes logs or profiles into the real home folder.

    The log handlers a test's ``main()`` installed are removed afterwards, so one test's
    log file never receives another test's lines.
    """
    monkeypatch.setenv("FIELDAPP_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("FIELDAPP_PROFILE", str(tmp_path / "default-profile"))
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
