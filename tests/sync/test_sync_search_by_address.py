"""The search index after real syncs (issue 12): a first download written in bulk finds
every account by its address, and an address changed on another laptop is found by its
new words after the next pull."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.replicas import ClientFactory
from support.server import running_server

import fieldapp.store.replica as replica
from fieldapp.search import search
from fieldapp.usecases import accounts

# Enough accounts that the first download's pages take the bulk path (200 at once).
ACCOUNTS = 220


def test_a_first_download_and_a_later_pull_keep_addresses_searchable(
    tmp_path: Path, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk_writes: list[str] = []
    in_bulk = replica._upsert_and_index_in_bulk

    def counted(store: Any, collection: str, *args: Any) -> None:
        bulk_writes.append(collection)
        in_bulk(store, collection, *args)

    monkeypatch.setattr(replica, "_upsert_and_index_in_bulk", counted)
    with running_server(tmp_path / "server", accounts=ACCOUNTS, seed=5) as server:
        office = make_client(server.url, "manager", name="office")
        road = make_client(server.url, "manager", name="road")
        office.sync()
        road.sync()
        assert "accounts" in bulk_writes  # the first download indexed accounts in bulk

        held = road.store.query(
            "SELECT id, address, postal_code FROM accounts WHERE country = 'CA'"
            " AND address IS NOT NULL AND postal_code IS NOT NULL"
        )
        assert len(held) > 50
        for row in held[:40]:
            code = row["postal_code"].replace(" ", "")
            found = {h.record_id for h in search(road.store, code, limit=1000)}
            assert row["id"] in found, row
            street = " ".join(row["address"].split(",")[0].split()[:3])
            found = {h.record_id for h in search(road.store, street, limit=1000)}
            assert row["id"] in found, row

        moved = held[0]["id"]
        accounts.edit_account(
            office.store, moved, address="77 chemin du Lac-Xylophone", postal_code="G0A 1B0"
        )
        office.sync()
        road.sync()  # a small pull: the row's update trigger re-indexes it
        assert [h.record_id for h in search(road.store, "lac-xylophone")] == [moved]
        assert moved in {h.record_id for h in search(road.store, "G0A1B0", limit=1000)}
