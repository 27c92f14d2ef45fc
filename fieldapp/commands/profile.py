"""``fieldapp init`` and ``fieldapp status``: create a profile, and say what it holds."""

from __future__ import annotations

import argparse
import logging
import time

from fieldapp.commands.base import (
    EX_OK,
    Command,
    add_profile_argument,
    open_profile,
    print_json,
    print_table,
    profile_dir,
    whole_number,
)
from fieldapp.status import ProfileStatus, profile_status
from fieldapp.store.database import Store, database_path

log = logging.getLogger(__name__)

MAX_DEMO_ACCOUNTS = 200_000
MAX_SEED = 2**31 - 1


def _init_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--demo", action="store_true", help="fill a new profile with demo data")
    parser.add_argument(
        "--accounts",
        type=whole_number(0, MAX_DEMO_ACCOUNTS),
        default=200,
        metavar="N",
        help="number of demo accounts (default: 200)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number(0, MAX_SEED),
        default=1,
        metavar="S",
        help="seed of the demo data generator; same seed, same data (default: 1)",
    )


def run_init(args: argparse.Namespace) -> int:
    folder = profile_dir(args)
    existed = database_path(folder).exists()
    # Opening an existing file only reads or migrates it (after a backup); a damaged or
    # foreign file makes open_store raise, and init never falls back to recreating it.
    with open_profile(args, create=True) as store:
        if existed:
            print(f"Profile {folder} already exists (schema version {store.schema_version}).")
        else:
            log.info("created profile %s", folder)
            print(f"Created profile {folder}.")
        if args.demo:
            _load_demo(store, args.accounts, args.seed)
    return EX_OK


def _load_demo(store: Store, accounts: int, seed: int) -> None:
    present = int(store.scalar("SELECT count(*) FROM accounts"))
    if present:
        print(f"The profile already holds {present} accounts; no demo data was loaded.")
        return
    # Imported here: only this path needs the generator.
    from fieldapp.demo.generator import generate
    from fieldapp.demo.loader import load_demo

    started = time.perf_counter()
    counts = load_demo(store, generate(accounts, seed=seed))
    elapsed = time.perf_counter() - started
    log.info("loaded demo data (%d accounts, seed %d) in %.2f s", accounts, seed, elapsed)
    print(f"Loaded demo data (seed {seed}) in {elapsed:.1f} s:")
    print_table(["collection", "records"], [(name, str(n)) for name, n in counts.items()])


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def run_status(args: argparse.Namespace) -> int:
    with open_profile(args) as store:
        status = profile_status(store)
    if args.json:
        print_json(status.as_dict())
        return EX_OK
    print_table(
        [],
        [
            ("Profile:", str(status.path.parent)),
            *_who(status),
            ("Last sync:", status.last_sync_at or "never"),
            ("Pending changes:", str(status.pending_mutations)),
            ("Open conflicts:", str(status.open_conflicts)),
            ("Open rejections:", str(status.open_rejections)),
            ("Schema version:", str(status.schema_version)),
        ],
    )
    print()
    print_table(["collection", "records"], [(name, str(n)) for name, n in status.counts.items()])
    return EX_OK


def _who(status: ProfileStatus) -> list[tuple[str, str]]:
    """Who works here and where it syncs: a demo profile has a user but no server, and
    "Signed in as" would claim a sign-in that never happened."""
    if status.server_url:
        return [("Signed in as:", f"{status.signed_in_as or '?'} on {status.server_url}")]
    if status.signed_in_as:
        return [
            ("Server:", "none (a local demo profile, not signed in to any server)"),
            ("Works as:", status.signed_in_as),
        ]
    return [("Signed in as:", "nobody yet")]


COMMANDS = [
    Command("init", "create a profile (optionally with demo data)", _init_arguments, run_init),
    Command(
        "status", "show what a profile holds and what waits to sync", _status_arguments, run_status
    ),
]
