"""``fieldapp demo``: a demo central server with seeded data, and a profile signed in to it.

Everything lives in one demo folder (``$FIELDAPP_DEMO_DIR``, else ``demo`` in the platform's
data folder): ``server/`` holds the server's database, seeded once and reused, and
``profile-<user>/`` the laptop profile of each demo user. The server runs as a child
process on a loopback port, remembered between runs; when that port is taken a free one
is used and the demo profile is pointed at it (it is the same server's data, so the
profile's cursors stay valid).

One server per demo folder: a second demo (another demo user's window) joins the running
one, and the server stops when the last demo window using it closes, however it closes
(``sync.server.launcher.shared_server``; docs/decisions.md, "One demo server per data
folder").
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from fieldapp.store.database import open_store
from fieldapp.store.replica import set_profile_value
from sync.http_backend import HttpBackend
from sync.server.launcher import (
    BackgroundServer,
    ServerStartError,
    SharedServer,
    seed_server,
    shared_server,
    start_server,
)
from sync.session import SERVER_URL_KEY, USERNAME_KEY, sign_in

log = logging.getLogger(__name__)

DEMO_DIR_ENV = "FIELDAPP_DEMO_DIR"
DEMO_USERS = ("field", "inside", "manager")
DEMO_PASSWORD = "demo"  # the seeded demo users' password, printed by ``server seed`` too
DEFAULT_ACCOUNTS = 2000


def demo_dir() -> Path:
    override = os.environ.get(DEMO_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("FieldApp", appauthor=False)) / "demo"


@dataclass
class DemoSetup:
    server: SharedServer  # ``release()`` when the window has closed
    profile_dir: Path
    backend: HttpBackend  # signed in; kept in memory when no keyring can hold the token
    warning: str | None


def demo_profile_dir(root: Path, username: str) -> Path:
    return root / f"profile-{username}"


def prepare_demo(root: Path, username: str, accounts: int = DEFAULT_ACCOUNTS) -> DemoSetup:
    """Seed (first time only), start or join the server, sign the user's demo profile in."""
    server_dir = root / "server"
    marker = server_dir / "seeded.json"

    def seed_once() -> None:
        if not marker.exists():
            log.info("seeding the demo server with %s accounts", accounts)
            seed_server(server_dir, accounts)
            marker.write_text(json.dumps({"accounts": accounts}))

    server = shared_server(
        server_dir, lambda: _start_on_remembered_port(server_dir), before_start=seed_once
    )
    try:
        profile_dir = demo_profile_dir(root, username)
        backend = HttpBackend(server.url)
        with open_store(profile_dir, create=True) as store:
            if store.profile_value(SERVER_URL_KEY) not in (None, server.url):
                # Same demo server, new port: the profile follows it.
                with store.transaction():
                    set_profile_value(store, SERVER_URL_KEY, server.url)
            if store.profile_value(USERNAME_KEY) not in (None, username):
                raise ServerStartError(
                    "demo.profile_belongs_another_demo_user", profile_dir=profile_dir
                )
            signed = sign_in(store, server.url, username, DEMO_PASSWORD, backend=backend)
        return DemoSetup(server, profile_dir, backend, signed.warning)
    except BaseException:
        server.release()
        raise


def _start_on_remembered_port(server_dir: Path) -> BackgroundServer:
    port_file = server_dir / "port"
    remembered = int(port_file.read_text()) if port_file.exists() else 0
    try:
        server = start_server(server_dir, remembered, while_used=True)
    except ServerStartError:
        if not remembered:
            raise
        log.info("port %s is taken; the demo server moves to a free port", remembered)
        server = start_server(server_dir, 0, while_used=True)
    port_file.write_text(server.url.rsplit(":", 1)[1])
    return server
