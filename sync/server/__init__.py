"""The reference central server: the sync protocol of ``docs/sync-protocol.md`` over HTTP.

FastAPI on uvicorn, storage through SQLAlchemy Core (SQLite by default, PostgreSQL for a
team that outgrows one file). ``create_app`` builds the service; ``fieldapp server ...``
runs, seeds and administers it (see ``docs/server.md``).
"""

from __future__ import annotations
