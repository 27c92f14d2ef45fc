"""A child process that uses one profile the way the app or the command line does.

The multi-process tests (tests/core/test_local_files_processes.py) run several of these at
once on one profile, each a separate OS process on the same real files, and drive them
line by line over stdin/stdout so that every interleaving they test is chosen, not hoped
for:

``python -m support.profile_worker app PROFILE``
    Holds a store open for its whole life, like the window's store worker. Each ``write``
    line adds a note through the use case, then opens and closes a second store on the
    profile, like the sync worker at each cycle; it answers with the note's id.
``python -m support.profile_worker cli PROFILE``
    Each line is a ``fieldapp`` command line (``status``, ``search boul``, ...) run
    in-process through ``fieldapp.cli.main``, the same code as the real executable; it
    answers with the exit code. ``signin URL USER PASSWORD`` first puts a sign-in in this
    process's in-memory keyring, so that ``sync`` needs no password on stdin.

Every answer is one JSON line. ``quit`` closes the stores and exits.
"""

from __future__ import annotations

import contextlib
import io
import json
import shlex
import sys
from pathlib import Path

import keyring

from fieldapp import cli
from fieldapp.store.database import open_store
from fieldapp.usecases.notes import add_note
from support.keyring_memory import MemoryKeyring


def _answer(**values: object) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def run_app(profile: Path) -> None:
    store = open_store(profile)
    account_id = str(store.scalar("SELECT id FROM accounts ORDER BY id LIMIT 1"))
    written = 0
    try:
        for line in sys.stdin:
            if line.strip() == "quit":
                break
            written += 1
            note = add_note(store, account_id, f"Visit note {written} from the app process")
            # The sync worker's pattern: a connection of its own for each cycle.
            with open_store(profile) as cycle:
                cycle.scalar("SELECT count(*) FROM outbox")
            _answer(id=note.id)
    finally:
        store.close()


def run_cli(profile: Path) -> None:
    keyring.set_keyring(MemoryKeyring())
    for line in sys.stdin:
        words = shlex.split(line)
        if words == ["quit"]:
            break
        if words[0] == "signin":
            from sync.session import sign_in

            with open_store(profile) as store:
                sign_in(store, words[1], words[2], words[3])
            _answer(code=0)
            continue
        output, errors = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(errors):
            code = cli.main([*words[:1], "--profile", str(profile), *words[1:]])
        _answer(code=code, stderr=errors.getvalue()[-500:])


if __name__ == "__main__":
    role, folder = sys.argv[1], Path(sys.argv[2])
    {"app": run_app, "cli": run_cli}[role](folder)
