"""Who is working in this profile, and what their role allows."""

from __future__ import annotations

from fieldapp.errors import NoCurrentUserError, NotFoundError, PermissionDeniedError
from fieldapp.records import User
from fieldapp.store.database import Store

CURRENT_USER_KEY = "current_user_id"


def current_user(store: Store) -> User:
    user_id = store.profile_value(CURRENT_USER_KEY)
    if user_id is None:
        raise NoCurrentUserError()
    row = store.query_one("SELECT * FROM users WHERE id = ?", (user_id,))
    if row is None:
        raise NoCurrentUserError()
    return User.from_row(row)


def get_user(store: Store, user_id: str) -> User:
    row = store.query_one("SELECT * FROM users WHERE id = ?", (user_id,))
    if row is None:
        raise NotFoundError("users", user_id)
    return User.from_row(row)


def require_role(user: User, *roles: str, action: str) -> None:
    if user.role not in roles:
        raise PermissionDeniedError(
            f"Only {' or '.join(roles)} reps can {action}; you are signed in as a {user.role} rep."
        )


def list_users(store: Store, role: str | None = None) -> list[User]:
    """The organisation's people this laptop knows, by name (e.g. the field reps, for a filter)."""
    if role is None:
        rows = store.query("SELECT * FROM users ORDER BY display_name")
    else:
        rows = store.query("SELECT * FROM users WHERE role = ? ORDER BY display_name", (role,))
    return [User.from_row(row) for row in rows]
