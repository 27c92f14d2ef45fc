"""Who is working in this profile, and what their role allows."""

from __future__ import annotations

from fieldapp.errors import NoCurrentUserError, NotFoundError, PermissionDeniedError
from fieldapp.records import Role, User
from fieldapp.store.database import Store

CURRENT_USER_KEY = "current_user_id"


IDENTITY_KEYS = ("username", "display_name", "role", "team", "territory")


def identity_profile_values(identity: object) -> dict[str, str | None]:
    """Profile keys that remember who signed in (``current_role``…), from a sign-in's identity."""
    return {f"current_{key}": getattr(identity, key) for key in IDENTITY_KEYS}


def current_user(store: Store) -> User:
    user_id = store.profile_value(CURRENT_USER_KEY)
    if user_id is None:
        raise NoCurrentUserError()
    row = store.query_one("SELECT * FROM users WHERE id = ?", (user_id,))
    if row is not None:
        return User.from_row(row)
    # Signed in, but the first sync has not brought the user's record yet.
    remembered = {key: store.profile_value(f"current_{key}") for key in IDENTITY_KEYS}
    if remembered["role"] is None or remembered["username"] is None:
        raise NoCurrentUserError()
    return User(
        id=user_id,
        username=remembered["username"],
        display_name=remembered["display_name"] or remembered["username"],
        email=None,
        role=Role(remembered["role"]),
        team=remembered["team"],
        territory=remembered["territory"],
        # Not received yet: no version, and no times of its own.
        version=None,
        created_at="",
        updated_at="",
    )


def get_user(store: Store, user_id: str) -> User:
    row = store.query_one("SELECT * FROM users WHERE id = ?", (user_id,))
    if row is None:
        raise NotFoundError("users", user_id)
    return User.from_row(row)


def require_role(user: User, *roles: str, action: str) -> None:
    if user.role not in roles:
        raise PermissionDeniedError(
            "people.only_reps_can_signed_in_as",
            value=" or ".join(roles),
            action=action,
            role=user.role,
        )


def list_users(store: Store, role: str | None = None) -> list[User]:
    """The organisation's people this laptop knows, by name (e.g. the field reps, for a filter)."""
    if role is None:
        rows = store.query("SELECT * FROM users ORDER BY display_name")
    else:
        rows = store.query("SELECT * FROM users WHERE role = ? ORDER BY display_name", (role,))
    return [User.from_row(row) for row in rows]


class StaffNames:
    """Each person's name and sales team, read once: a queue or a brief names the people of
    hundreds of items (None for someone this laptop's directory does not know)."""

    def __init__(self, store: Store) -> None:
        self._people = {
            row["id"]: (row["display_name"], row["team"])
            for row in store.query("SELECT id, display_name, team FROM users")
        }

    def name_of(self, user_id: str | None) -> str | None:
        person = self._people.get(user_id) if user_id is not None else None
        return person[0] if person is not None else None

    def team_of(self, user_id: str | None) -> str | None:
        person = self._people.get(user_id) if user_id is not None else None
        return person[1] if person is not None else None
