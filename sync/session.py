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
from sync.backend import Identity, Tokens
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
    check_profile_is_free(store, server_url, username)
    backend = backend or HttpBackend(server_url)
    return remember_sign_in(store, server_url, authenticate(backend, username, password))


@dataclass(frozen=True)
class Authenticated:
    """A successful password sign-in, not yet remembered in any profile."""

    backend: HttpBackend
    tokens: Tokens
    identity: Identity


def check_profile_is_free(store: Store, server_url: str, username: str) -> None:
    """Refuse to sign a profile in as someone else, or to another server."""
    current = store.profile_value(USERNAME_KEY)
    current_server = store.profile_value(SERVER_URL_KEY)
    if current_server and (current_server != server_url or current != username):
        # One profile holds one person's scope from one server: mixing them would show
        # one rep another's data, and send one rep's queued changes under another's name.
        raise FieldAppError(
            "sync.profile_belongs_on_use_another_profile",
            current=current,
            current_server=current_server,
        )


def authenticate(backend: HttpBackend, username: str, password: str) -> Authenticated:
    """The network half of signing in (no store): the window runs it on its network lane."""
    tokens = backend.authenticate(username, password)
    return Authenticated(backend, tokens, backend.whoami())


def remember_sign_in(store: Store, server_url: str, done: Authenticated) -> SignIn:
    """Remember who works in this profile (and their token, in the keyring)."""
    identity, tokens = done.identity, done.tokens
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
        raise AuthenticationError("sync.profile_not_signed_in_server_run")

    def remember(token: str) -> None:
        # Without a keyring the token is kept in memory for this run only.
        with contextlib.suppress(NoKeyringError):
            credentials.save_refresh_token(server_url, username, token)

    refresh = credentials.load_refresh_token(server_url, username)
    backend = HttpBackend(server_url, refresh_token=refresh, on_refresh_token=remember)
    if refresh is None:
        if password is None:
            # ``reason`` is the English sentence's prefix; the window words ``no_keyring``.
            no_keyring = not credentials.keyring_available()
            reason = credentials.NO_KEYRING + " " if no_keyring else ""
            raise AuthenticationError(
                "sync.sign_in_again_with_fieldapp_login", reason=reason, no_keyring=no_keyring
            )
        backend.authenticate(username, password)
    return backend


def sync_profile(store: Store, password: str | None = None) -> SyncReport:
    return SyncEngine(store, backend_for(store, password)).run()


@dataclass(frozen=True)
class SignedIn:
    """Who a profile is signed in as, and where."""

    server_url: str
    username: str


def signed_in_as(store: Store) -> SignedIn | None:
    server_url = store.profile_value(SERVER_URL_KEY)
    username = store.profile_value(USERNAME_KEY)
    return SignedIn(server_url, username) if server_url and username else None


def end_sign_in(account: SignedIn) -> None:
    """Revoke the sign-in on the server when reachable, and forget its token.

    Network and keyring only, no store: the window runs it on its network lane.
    """
    refresh = credentials.load_refresh_token(account.server_url, account.username)
    if refresh:
        try:
            HttpBackend(account.server_url, refresh_token=refresh).revoke()
        except FieldAppError as exc:
            log.warning("could not revoke the sign-in on the server: %s", exc)
    credentials.forget_refresh_token(account.server_url, account.username)


def sign_out(store: Store) -> None:
    """Forget the token (and revoke it on the server when reachable); keep the data."""
    account = signed_in_as(store)
    if account is not None:
        end_sign_in(account)
