"""A real full disk for the tests: a small tmpfs mounted for one test, and a filler file.

SQLite's own limits (``PRAGMA max_page_count``) only act on one connection and leave the
pages of the file's freelist usable, so whether the next write fails depends on the data.
A filesystem with no free block fails every write that needs one, for every process, as
a laptop's full disk does. Mounting needs root: the tests that use this run as root here
and in CI, and a machine where mounting is impossible fails them with the reason (a
skipped test would hide that the full-disk guarantees were never checked).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

DEFAULT_SIZE = "8m"
FILLER = "filler.bin"
_CHUNKS = (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1)


@contextlib.contextmanager
def small_disk(mount_point: Path, size: str = DEFAULT_SIZE) -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``mount_point`` (created), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.fail(
            "the full-disk tests mount a small tmpfs and need root (CI runs them as root);"
            f" this process runs as uid {os.geteuid()}",
            pytrace=False,
        )
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(
            f"cannot mount a tmpfs for the full-disk tests ({done.returncode}):"
            f" {done.stderr.strip() or done.stdout.strip()}",
            pytrace=False,
        )
    try:
        yield mount_point
    finally:
        # Lazy: a child process that still had a file open (killed by a timeout) must not
        # leave the mount behind for the rest of the run.
        subprocess.run(
            ["umount", "-l", str(mount_point)], capture_output=True, timeout=30, check=False
        )


def free_bytes(folder: Path) -> int:
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize


def fill(disk: Path, leave: int = 0) -> Path:
    """Take the disk's free space with a filler file, leaving about ``leave`` bytes.

    ``leave=0`` writes until the filesystem refuses even one byte: after it, every write
    that needs a new block fails with ENOSPC, whoever makes it.
    """
    filler = disk / FILLER
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in _CHUNKS:
            block = b"\0" * chunk
            while leave == 0 or free_bytes(disk) - chunk >= leave:
                try:
                    written = os.write(fd, block)
                except OSError:
                    break  # ENOSPC: go on with a smaller chunk
                if written < chunk:
                    break
    finally:
        os.close(fd)
    return filler


def unfill(disk: Path) -> None:
    """Give the space back: remove the filler file."""
    (disk / FILLER).unlink(missing_ok=True)
