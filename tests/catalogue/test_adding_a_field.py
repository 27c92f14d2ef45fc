"""Adding a field is one edit in the catalogue plus a migration on each side
(docs/architecture.md, "Adding a field"), proved by doing it.

The test copies ``fieldapp/`` and ``sync/`` to a scratch tree and makes there exactly the
three changes the documentation lists: a ``website`` line on ``Account`` in the catalogue,
a local migration adding its column, a server revision giving it to the stored accounts.
Then it runs that tree, as a separate process, on a server database and a profile that
the code of this branch made: the server migrates and serves the field (rules, feed,
OpenAPI), the client's wire checks its type, the profile migrates (with its backup) to a
table the catalogue declares, and a rep edits the field through the use case.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from support.server_world import FAST_HASH, T0

from fieldapp.store import open_store
from fieldapp.store.replica import set_profile_value
from fieldapp.store.schema import LATEST_VERSION
from fieldapp.usecases.accounts import create_account
from fieldapp.usecases.people import CURRENT_USER_KEY
from sync.server.auth import password_hasher
from sync.server.migrations import head_revision
from sync.server.seed import DEMO_PASSWORD, seed_demo
from sync.server.tables import open_database, records

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"

# The one edit in the catalogue: a line in Account, after the country.
CATALOGUE_ANCHOR = '    country: Annotated[str | None, Line(label="Country", max_length=60)]\n'
CATALOGUE_EDIT = CATALOGUE_ANCHOR + '    website: Annotated[str | None, Line(label="Website")]\n'
# The local migration: the statement fieldapp.catalogue.sqlite.add_column gives, as the
# next entry at the end of MIGRATIONS.
NEXT_VERSION = LATEST_VERSION + 1
MIGRATIONS_ANCHOR = "\n)\n\nLATEST_VERSION = MIGRATIONS[-1].version\n"
MIGRATIONS_EDIT = (
    f'\n    Migration({NEXT_VERSION}, "accounts: website",'
    ' ("ALTER TABLE accounts ADD COLUMN website TEXT",)),' + MIGRATIONS_ANCHOR
)
# The server revision, after the current head.
HEAD = head_revision()
NEXT_REVISION = f"{int(HEAD) + 1:04d}"
REVISION = f'''"""Accounts have a website.

Revision ID: {NEXT_REVISION}
Revises: {HEAD}
"""

from sync.server.migrations.fields import add_field

revision = "{NEXT_REVISION}"
down_revision = "{HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_field("accounts", "website")
'''

# What runs in the scratch tree: argv = server database URL, profile folder.
SCRIPT = r"""
import json, sys
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient

import fieldapp
from fieldapp.catalogue import CATALOGUE
from fieldapp.catalogue.sqlite import table_items
from fieldapp.errors import ValidationError
from fieldapp.records import Account
from fieldapp.store import open_store
from fieldapp.store.changes import get_record
from fieldapp.store.syncbook import apply_pulled, pending_mutations
from fieldapp.usecases.accounts import edit_account
from support.schema_text import definition_items
from sync import wire
from sync.errors import ProtocolError
from sync.server.app import create_app
from sync.server.config import PasswordCost, ServerConfig
from sync.server.migrations import current_revision
from sync.server.tables import open_database

url, profile = sys.argv[1], Path(sys.argv[2])
out = {"code": fieldapp.__file__}

engine = open_database(url)
with engine.connect() as conn:
    out["server_revision"] = current_revision(conn)
    stored = [json.loads(r.data) for r in conn.execute(
        sa.text("SELECT data FROM records WHERE collection = 'accounts'"))]
out["stored_accounts"] = len(stored)
out["stored_with_website"] = sum(d.get("website", "missing") is None for d in stored)

config = ServerConfig(database_url=url,
                      password_cost=PasswordCost(time_cost=1, memory_cost=8, parallelism=1))
with TestClient(create_app(config, engine)) as client:
    token = client.post("/v1/auth/token", json={
        "grant_type": "password", "username": "field", "password": "demo"}).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    first = client.get("/v1/changes", params={"limit": 5000}, headers=headers).json()
    account = next(c for c in first["changes"] if c["collection"] == "accounts")
    out["feed_has_website"] = "website" in account["record"]

    def push(value):
        body = {"device_id": "laptop", "mutations": [{
            "mutation_id": f"m-{len(str(value))}-{abs(hash(value))}",
            "collection": "accounts", "record_id": account["id"], "op": "update",
            "fields": {"website": value}, "base_version": account["version"]}]}
        return client.post("/v1/mutations", headers=headers, json=body).json()["results"][0]

    out["push_good"] = push("https://boulangerie.example")["status"]
    bad = push("two\nlines")
    out["push_bad"] = [bad["status"], bad.get("code"), bad.get("reason")]
    later = client.get("/v1/changes", params={"cursor": first["cursor"]},
                       headers=headers).json()
    changed = next(c for c in later["changes"] if c["id"] == account["id"])
    out["feed_website"] = changed["record"]["website"]
    schemas = client.get("/v1/openapi.json").json()["components"]["schemas"]
    out["openapi_website"] = schemas["Account"]["properties"]["website"]

page = wire.pull_page(first)
wrong = json.loads(json.dumps(later))
next(c for c in wrong["changes"] if c["id"] == account["id"])["record"]["website"] = 5
try:
    wire.pull_page(wrong)
    out["wire_refuses_a_number"] = False
except ProtocolError as exc:
    out["wire_refuses_a_number"] = str(exc)

with open_store(profile) as store:
    out["schema_version"] = store.schema_version
    out["backups"] = len(list(profile.glob(f"fieldapp.v{store.schema_version - 1}-*.backup.db")))
    out["kept"] = store.scalar("SELECT name FROM accounts WHERE name = 'Café du Plateau'")
    built = definition_items(store.scalar(
        "SELECT sql FROM sqlite_master WHERE name = 'accounts'"))
    declared = [" ".join(i.split()) for i in table_items(CATALOGUE["accounts"])]
    out["local_table_is_the_catalogues"] = sorted(built) == sorted(declared)
    with store.transaction():
        apply_pulled(store, page.changes)
        apply_pulled(store, wire.pull_page(later).changes)
    pulled = Account.from_row(get_record(store, "accounts", account["id"]))
    out["record_website"] = pulled.website
    edit_account(store, account["id"], website="  https://www.boulangerie.example ")
    queued = pending_mutations(store, 100)[-1]
    out["outbox_fields"] = queued.fields
    try:
        edit_account(store, account["id"], website="x" * 201)
        out["use_case_refuses"] = False
    except ValidationError as exc:
        out["use_case_refuses"] = exc.message
print(json.dumps(out))
"""


def scratch_tree(root: Path) -> Path:
    """This branch's code with the three changes for the new field."""
    tree = root / "scratch"
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("fieldapp", "sync"):
        shutil.copytree(REPO / package, tree / package, ignore=ignore)
    edit(tree / "fieldapp/catalogue/collections.py", CATALOGUE_ANCHOR, CATALOGUE_EDIT)
    edit(tree / "fieldapp/store/schema.py", MIGRATIONS_ANCHOR, MIGRATIONS_EDIT)
    (tree / f"sync/server/migrations/versions/{NEXT_REVISION}_account_website.py").write_text(
        REVISION
    )
    return tree


def edit(path: Path, anchor: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(anchor) == 1, f"{path}: the documented anchor moved"
    path.write_text(text.replace(anchor, replacement), encoding="utf-8")


def test_a_field_added_in_the_catalogue_reaches_every_layer(
    database_url: str, tmp_path: Path
) -> None:
    # A server and a profile as this branch makes them, with data.
    engine = open_database(database_url)
    seed_demo(engine, password_hasher(FAST_HASH).hash(DEMO_PASSWORD), 12, 5, int(T0))
    with engine.connect() as conn:
        field_rep = conn.execute(
            sa.select(records.c.id).where(
                records.c.collection == "users", records.c.data.contains('"username": "field"')
            )
        ).scalar_one()
    engine.dispose()
    profile = tmp_path / "profile"
    with open_store(profile, create=True) as store:
        set_profile_value(store, CURRENT_USER_KEY, field_rep)
        # Signed in; the first sync (in the scratch tree) brings the user's record.
        set_profile_value(store, "current_username", "field")
        set_profile_value(store, "current_role", "field")
        create_account(store, name="Café du Plateau", tier="B")

    tree = scratch_tree(tmp_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), str(TESTS)])}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, database_url, str(profile)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen["code"].startswith(str(tree))  # the scratch tree ran, not this one
    # Server: migrated, every stored account has the field, the rules check it.
    assert seen["server_revision"] == NEXT_REVISION
    assert seen["stored_accounts"] > 0
    assert seen["stored_with_website"] == seen["stored_accounts"]
    assert seen["feed_has_website"] is True
    assert seen["push_good"] == "applied"
    assert seen["push_bad"] == ["rejected", "invalid_field", "Website must fit on one line."]
    assert seen["feed_website"] == "https://boulangerie.example"
    assert seen["openapi_website"]["anyOf"][0] == {"type": "string", "maxLength": 200}
    # Client: the wire checks the type, the profile migrated with a backup and kept its
    # data, its table is the catalogue's, the record type has the field.
    assert "wrongly typed 'website'" in seen["wire_refuses_a_number"]
    assert seen["schema_version"] == NEXT_VERSION and seen["backups"] == 1
    assert seen["kept"] == "Café du Plateau"
    assert seen["local_table_is_the_catalogues"] is True
    assert seen["record_website"] == "https://boulangerie.example"
    assert seen["outbox_fields"] == {"website": "https://www.boulangerie.example"}
    assert seen["use_case_refuses"] == "Website is too long (201 characters; at most 200)."
