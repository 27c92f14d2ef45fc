"""The catalogue's tests run the server too, on SQLite and (when FIELDAPP_TEST_POSTGRES_URL
is set) PostgreSQL."""

from support.server_world import database_url  # noqa: F401
