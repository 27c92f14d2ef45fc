"""Logging for the command line and the app: a rotating log file plus short lines on stderr.

Everything goes through the standard ``logging`` module so that the core, the sync engine
and the UI all log the same way (``logging.getLogger(__name__)``) and only the entry point
decides where the lines end up. The log file is what a support person asks for, so it is
kept at INFO (DEBUG with ``--verbose``) while stderr only shows what the user must see.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

import platformdirs

LOG_DIR_ENV = "FIELDAPP_LOG_DIR"
LOG_FILENAME = "fieldapp.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

# ``extra=FILE_ONLY`` keeps a record (a traceback, say) out of the terminal: the command
# line prints its own one-line message for it.
FILE_ONLY = {"console": False}

_FILE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d] %(message)s"

# Values that must never reach a log file even if a careless call passes them in:
# "password=...", "token: ...", "Authorization: Bearer ...". A safety net, not a licence
# to log secrets: code should still never hand them to a logger.
_SECRET = re.compile(
    r"(?i)\b((?:access_|refresh_)?token|password|passwd|secret|api_key|authorization)"
    r"(\s*[=:]\s*)(?:bearer\s+)?(\"[^\"]*\"|'[^']*'|\S+)"
)


def redact(text: str) -> str:
    """Mask the value that follows a secret-looking key in ``text``."""
    return _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _ConsoleFormatter(logging.Formatter):
    """``fieldapp: warning: message`` — the same shape as the command line's own errors.

    Tracebacks stay out of the terminal unless ``--verbose`` asked for them; the log file
    always has them.
    """

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        text = f"fieldapp: {record.levelname.lower()}: {record.getMessage()}"
        if self.verbose and record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return redact(text)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is *now*.

    A plain StreamHandler keeps the stream it was given; when a test harness (or a GUI)
    swaps ``sys.stderr`` later, that old stream may be closed.
    """

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def _to_console(record: logging.LogRecord) -> bool:
    return getattr(record, "console", True)


def log_dir() -> Path:
    """Where the log files go: ``$FIELDAPP_LOG_DIR`` or the platform's user log folder."""
    override = os.environ.get(LOG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir("FieldApp", appauthor=False))


def reset_logging() -> None:
    """Remove (and close) the handlers ``configure_logging`` installed."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_fieldapp", False):
            root.removeHandler(handler)
            handler.close()


def configure_logging(verbose: bool) -> Path | None:
    """Send log records to a rotating file and to stderr; return the log file's path.

    Calling it again replaces the handlers it installed before (never doubles them), so
    the level and the folder follow the latest call. Returns None when the log folder
    cannot be used: logging then goes on to stderr only, after one warning.
    """
    reset_logging()
    root = logging.getLogger()
    level = logging.DEBUG if verbose else logging.INFO
    root.setLevel(level)

    console = _StderrHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(_ConsoleFormatter(verbose))
    console.addFilter(_to_console)
    console._fieldapp = True  # type: ignore[attr-defined]
    root.addHandler(console)

    folder = log_dir()
    path = folder / LOG_FILENAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Opened now rather than lazily, so an unusable folder shows up here, once.
        file_handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).warning(
            "cannot write log files in %s (%s); logging to the terminal only",
            folder,
            exc.strerror or exc,
        )
        return None
    file_handler.setLevel(level)
    file_handler.setFormatter(_RedactingFormatter(_FILE_FORMAT))
    file_handler._fieldapp = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return path
