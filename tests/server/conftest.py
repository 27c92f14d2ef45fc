"""Fixtures of the server's tests (SQLite, and PostgreSQL when FIELDAPP_TEST_POSTGRES_URL
is set); they live in support.server_world so test modules import its helpers by a name
of its own."""

from support.server_world import database_url, world  # noqa: F401
