"""``fieldapp search``: the app's global search, from the terminal."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from fieldapp.commands.base import (
    EX_OK,
    Command,
    UsageError,
    add_profile_argument,
    clip,
    open_profile,
    print_json,
    print_table,
    whole_number,
)
from fieldapp.search import DEFAULT_LIMIT, MIN_QUERY_CHARS, match_expression, search

MAX_LIMIT = 1000


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument(
        "text",
        nargs="+",
        metavar="TEXT",
        help="words to look for; each matches as a prefix, accents ignored",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument(
        "--limit",
        type=whole_number(1, MAX_LIMIT),
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N results (default: {DEFAULT_LIMIT})",
    )


def run_search(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    # Checked before opening anything: a one-letter query would match half the data.
    if match_expression(text) is None:
        raise UsageError(f"type at least {MIN_QUERY_CHARS} letters or digits to search.")
    with open_profile(args) as store:
        hits = search(store, text, args.limit)
    if args.json:
        print_json({"query": text, "hits": [asdict(hit) for hit in hits]})
    elif not hits:
        print("No results.")
    else:
        # An account hit's title already is its account: the last column stays empty.
        print_table(
            ["collection", "title", "detail", "account"],
            [
                (
                    hit.collection,
                    clip(hit.title, 40),
                    clip(hit.detail, 50),
                    "" if hit.collection == "accounts" else clip(hit.account_name, 40),
                )
                for hit in hits
            ],
        )
    return EX_OK


COMMANDS = [Command("search", "search accounts, contacts and notes", _search_arguments, run_search)]
