"""One app window per profile: a lock file in the profile, and a local socket to wake it.

Two windows on one profile are two sets of connections that each believe they own the
profile's state (drafts, window settings, sync cycles), and were the setting of the
corruption in issue 9. So the app takes ``fieldapp.app.lock`` in the profile folder
(Qt's ``QLockFile``) **before it opens the database**, and keeps it until it quits. A
second start on the same profile does not get the lock: it connects to the running app's
``QLocalServer`` (a name derived from the resolved profile path), asks it to bring its
window to the front, and exits 0.

- A lock left by a crash or a SIGKILL is stale: ``QLockFile`` checks whether the process
  named in the file still runs (and the boot it was taken in) and takes the lock over
  when it does not. The stale *time* is switched off (0): an app left open for a day is
  not stale.
- Qt compares only the executable's name, which is "python" for FieldApp and for any
  other Python program: a crashed app's PID taken by another Python process looked alive,
  and the next start waited, then said FieldApp "does not answer". Where ``/proc`` tells
  a process's command line (Linux), a lock whose process is not FieldApp, and that nobody
  answers for, is stale too.
- Only the lock's owner listens on the socket, so a socket file left by a crash is
  removed by the next owner before it listens.
- Two starts at the same moment: one wins the lock; the other retries for a few seconds
  (the winner listens right after taking the lock), then asks it to come forward.
- The lock file's name never starts with ``fieldapp.db``: nothing may mistake it for one
  of SQLite's files (docs/decisions.md, "Only SQLite touches the live database files").
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from fieldapp.errors import FieldAppError

log = logging.getLogger(__name__)

LOCK_NAME = "fieldapp.app.lock"
RAISE_REQUEST = b"raise\n"
RAISED_ANSWER = b"raised\n"
# How long a second start waits for the lock's owner to listen (it starts listening right
# after taking the lock, so this is only ever needed when both start at the same moment).
CLAIM_WAIT_SECONDS = 15.0
CONNECT_MS = 1000
ANSWER_MS = 5000


class ProfileInUseError(FieldAppError):
    """Another FieldApp holds the profile but does not answer; the message says what to do."""


def server_name(profile_dir: Path) -> str:
    """The local socket's name for a profile: the same for every spelling of its path.

    A hash keeps the name short (a Unix socket path is limited to about 100 bytes) and
    free of the path's characters; the user id keeps two accounts on one computer apart.
    """
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{profile_dir.resolve()}".encode()).hexdigest()
    return f"fieldapp-{digest[:32]}"


class ProfileGuard:
    """This process's claim on a profile: ``claim`` before opening it, ``release`` at exit."""

    def __init__(self, profile_dir: Path) -> None:
        self.profile_dir = profile_dir
        self.lock_path = profile_dir / LOCK_NAME
        self.name = server_name(profile_dir)
        self._lock = QLockFile(str(self.lock_path))
        # Stale only when its process is gone (QLockFile checks the PID), never by age.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []
        self._bring_forward: Callable[[], None] | None = None
        self._asked_early = False

    @property
    def owned(self) -> bool:
        return self._lock.isLocked()

    def claim(self, wait: float = CLAIM_WAIT_SECONDS) -> bool:
        """True: this process now owns the profile. False: the app that owns it was asked
        to bring its window to the front (this process should exit).

        Raises ``ProfileInUseError`` when the owner neither lets go nor answers in time.
        """
        deadline = time.monotonic() + wait
        while True:
            if self._lock.tryLock(0):
                self._listen()
                return True
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                raise ProfileInUseError(
                    "profiles.cannot_create_lock_file", lock_path=self.lock_path
                )
            if ask_to_bring_forward(self.name):
                return False
            pid = self._lock.getLockInfo()[0]
            if not_fieldapp(pid):
                log.warning("the profile's lock names process %s, which is not FieldApp", pid)
                self._lock.removeStaleLockFile()
                continue
            if time.monotonic() > deadline:
                pid = self._lock.getLockInfo()[0]
                raise ProfileInUseError(
                    "profiles.already_open_but_does_not_answer",
                    profile_dir=self.profile_dir,
                    pid=str(pid),
                )
            time.sleep(0.1)

    def bring_forward_with(self, bring_forward: Callable[[], None]) -> None:
        """What to do when a second start asks; a request that came before is run now."""
        self._bring_forward = bring_forward
        if self._asked_early:
            self._asked_early = False
            bring_forward()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()  # also removes the socket file
            self._server = None
        for socket in self._sockets:
            socket.abort()
        self._sockets.clear()
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket of that name is a leftover of a crashed owner.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            # The app still works; a second start then waits and says the app does not answer.
            log.warning("cannot listen on %s: %s", self.name, server.errorString())
            return
        server.newConnection.connect(self._accept)
        self._server = server
        log.info("FieldApp is open on %s (pid %s)", self.profile_dir, os.getpid())

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            self._read(socket)  # the request may have arrived with the connection

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        request = bytes(socket.readLine().data())
        if request == RAISE_REQUEST:
            log.info("another start on this profile: bringing the window to the front")
            if self._bring_forward is None:
                self._asked_early = True  # the window is not built yet: raise it when it is
            else:
                self._bring_forward()
            socket.write(RAISED_ANSWER)
            socket.flush()
        socket.disconnectFromServer()

    def _forget(self, socket: QLocalSocket) -> None:
        if socket in self._sockets:
            self._sockets.remove(socket)
        socket.deleteLater()


def not_fieldapp(pid: int) -> bool:
    """Whether ``pid`` is a running process that is certainly not FieldApp (Linux only).

    False when it cannot be told (no ``/proc``: macOS, Windows; the process just ended),
    and for this process itself, so that only a proven stranger loses the lock.
    """
    if pid <= 0 or pid == os.getpid():
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    try:
        command = cmdline.read_bytes()
    except OSError:
        return False
    return bool(command) and b"fieldapp" not in command.lower()


def ask_to_bring_forward(name: str) -> bool:
    """Ask the app listening on ``name`` to raise its window; False if nobody listens."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(RAISE_REQUEST)
    socket.waitForBytesWritten(CONNECT_MS)
    # The owner may still be opening its profile and read the request a moment later; it
    # is queued in the socket either way, so not hearing back in time is not a failure.
    if not socket.waitForReadyRead(ANSWER_MS):
        log.info("the open FieldApp has not answered yet; the request stays queued")
    socket.disconnectFromServer()
    return True
