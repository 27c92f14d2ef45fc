"""The server load benchmark (``tests/benchmarks/server_load.py``) in miniature, so that it
cannot rot: eight real laptops (each a profile on its own SQLite file, the real engine and
HTTP backend) sign in, download, then edit and sync for a few seconds against a real server
process; nothing may fail and the server must hold every mutation exactly once.

Runs on SQLite, and on PostgreSQL too when ``FIELDAPP_TEST_POSTGRES_URL`` is set (in a
schema of its own, dropped afterwards); if it is set and PostgreSQL cannot be reached, the
test fails rather than skips. Timings are not asserted: the benchmark prints them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from benchmarks.load_check import error_statuses
from benchmarks.server_load import POSTGRES_ENV, LoadOptions, run_load

BACKENDS = ["sqlite", *(["postgresql"] if os.environ.get(POSTGRES_ENV) else [])]


@pytest.mark.parametrize("database", BACKENDS)
def test_eight_reps_syncing_at_once_lose_nothing_and_meet_no_error(
    database: str, tmp_path: Path
) -> None:
    options = LoadOptions(
        database=database,
        reps=8,
        seconds=2.0,
        think=0.3,
        accounts_per_rep=10,
        workers=1,
        min_rounds=3,
        ramp_up=1.0,
        reference=5,  # the write path alone, briefly: so that it cannot rot either
        postgres_url=os.environ.get(POSTGRES_ENV, ""),
    )
    result = run_load(options, tmp_path)

    assert len(result.reps) == 8
    assert result.failures == []
    assert error_statuses(result.samples) == {}
    assert result.unexpected == 0  # no conflict, no rejection, no change left behind
    # Every rep downloaded its territory, then went round (edits, push, pull) three times.
    assert all(rep["rounds"] >= 3 for rep in result.reps), [r["rounds"] for r in result.reps]
    kinds = {sample[0] for sample in result.samples}
    assert {"sign-in", "download", "push", "pull"} <= kinds
    check = result.verification
    assert check.mutations > 0
    assert check.ok, check.problems
    assert check.stored == check.server_count == check.mutations
    assert check.server_creates == check.creates
    assert result.ok
    assert result.ceiling is not None and result.ceiling[0] > 0
