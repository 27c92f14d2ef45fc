"""Signing a profile in and out of a sync server, and running a sync cycle for it.

The profile table holds who is signed in and where (never a secret); the refresh token
goes to the OS keyring through ``sync.credentials``.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from fieldapp.errors import FieldAppError
from fieldapp.store.database import Store
from fieldapp.store.replica import set_profile_value
from fieldapp.usecases.people import CURRENT_USER_KEY, identity_profile_values
from sync import credentials
from sync.backend import Identity
from sync.engine import SyncEngine, SyncReport
from sync.errors import AuthenticationError, NoKeyringError
from sync.http_backend import HttpBackend

log = logging.getLogger(__name__)

SERVER_URL_KEY = "server_url"
USERNAME_KEY = "current_username"


@dataclass(frozen=True)
class SignIn:
    identity: Identity
    remembered: bool  # False when no keyring could keep the token
    warning: str | None


def sign_in(
    store: Store, server_url: str, username: str, password: str, backend: HttpBackend | None = None
) -> SignIn:
    """Check the credentials with the server and remember who works in this profile."""
    current = store.profile_value(USERNAME_KEY)
    current_server = store.profile_value(SERVER_URL_KEY)
    if current_server and (current_server != server_url or current != username):
        # One profile holds one person's scope from one server: mixing them would show
        # one rep another's data, and send one rep's queued changes under another's name.
        raise FieldAppError(
            f"This profile belongs to {current} on {current_server}; use another profile"
            " (--profile) to sign in as someone else or to another server."
        )
    backend = backend or HttpBackend(server_url)
    tokens = backend.authenticate(username, password)
    identity = backend.whoami()
    with store.transaction():
        set_profile_value(store, SERVER_URL_KEY, server_url)
        set_profile_value(store, USERNAME_KEY, identity.username)
        set_profile_value(store, CURRENT_USER_KEY, identity.user_id)
        # Who this is, until the first sync brings the user's own record (the window
        # needs the role and name before that sync has finished).
        for key, value in identity_profile_values(identity).items():
            set_profile_value(store, key, value)
    try:
        credentials.save_refresh_token(server_url, identity.username, tokens.refresh_token)
    except NoKeyringError as exc:
        return SignIn(identity, remembered=False, warning=str(exc))
    return SignIn(identity, remembered=True, warning=None)


def backend_for(store: Store, password: str | None = None) -> HttpBackend:
    """A backend signed in as the profile's user, from the keyring or a password."""
    server_url = store.profile_value(SERVER_URL_KEY)
    username = store.profile_value(USERNAME_KEY)
    if not server_url or not username:
        raise AuthenticationError(
            "This profile is not signed in to a server: run 'fieldapp login' first."
        )

    def remember(token: str) -> None:
        # Without a keyring the token is kept in memory for this run only.
        with contextlib.suppress(NoKeyringError):
            credentials.save_refresh_token(server_url, username, token)

    refresh = credentials.load_refresh_token(server_url, username)
    backend = HttpBackend(server_url, refresh_token=refresh, on_refresh_token=remember)
    if refresh is None:
        if password is None:
            reason = "" if credentials.keyring_available() else credentials.NO_KEYRING + " "
            raise AuthenticationError(
                f"{reason}Sign in again with 'fieldapp login', or pass --password-stdin."
            )
        backend.authenticate(username, password)
    return backend


def sync_profile(store: Store, password: str | None = None) -> SyncReport:
    return SyncEngine(store, backend_for(store, password)).run()


def sign_out(store: Store) -> None:
    """Forget the token (and revoke it on the server when reachable); keep the data."""
    server_url = store.profile_value(SERVER_URL_KEY)
    username = store.profile_value(USERNAME_KEY)
    if not server_url or not username:
        return
    refresh = credentials.load_refresh_token(server_url, username)
    if refresh:
        try:
            HttpBackend(server_url, refresh_token=refresh).revoke()
        except FieldAppError as exc:
            log.warning("could not revoke the sign-in on the server: %s", exc)
    credentials.forget_refresh_token(server_url, username)
