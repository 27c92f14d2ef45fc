"""The local schema, as forward-only migrations, and what the rest of the core knows of it.

Each migration is a list of statements run in one transaction (``executescript`` would
commit half-way, so statements are kept apart). A migration is never edited once shipped:
a change to the schema is a new migration at the end of the list, whose statements come
from the catalogue (``fieldapp.catalogue.sqlite``). The records' tables of schema 1 are
the text they shipped as; tests/catalogue/test_local_schema.py proves that they are what
the catalogue derives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fieldapp import catalogue
from fieldapp.catalogue import CATALOGUE, Collection
from fieldapp.catalogue.kinds import Agreement, Flag, Kind, Links


def _of_kind(collection: Collection, kind: type[Kind]) -> frozenset[str]:
    return frozenset(f.name for f in collection.fields if isinstance(f.kind, kind))


# What the rest of the core knows of the records' tables, derived from the catalogue
# (fieldapp/catalogue): collections parents first, the fields mutations carry, and the
# fields stored differently in SQLite than on the wire (JSON text, 0/1).
COLLECTIONS: tuple[str, ...] = catalogue.COLLECTIONS
BOOKKEEPING = catalogue.BOOKKEEPING
FIELDS: dict[str, tuple[str, ...]] = catalogue.FIELDS
JSON_FIELDS: dict[str, frozenset[str]] = {
    c.name: names
    for c in CATALOGUE.values()
    if (names := _of_kind(c, Links) | _of_kind(c, Agreement))
}
BOOL_FIELDS: dict[str, frozenset[str]] = {
    c.name: names for c in CATALOGUE.values() if (names := _of_kind(c, Flag))
}


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def _record_table(name: str, columns: str, constraints: str = "") -> str:
    return f"""CREATE TABLE {name} (
        id TEXT PRIMARY KEY NOT NULL,
        {columns},
        version INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL{constraints}
    )"""


# Parent links are deferred so that a page of pulled changes is checked at commit, in
# whatever order the server sent it. Links to users are not foreign keys: the author of
# a note or the owner of an account may be someone this laptop's scope does not include.
_CORE = (
    _record_table(
        "users",
        """username TEXT NOT NULL,
        display_name TEXT NOT NULL,
        email TEXT,
        role TEXT NOT NULL CHECK (role IN ('field', 'inside', 'manager')),
        team TEXT,
        territory TEXT""",
    ),
    _record_table(
        "accounts",
        """name TEXT NOT NULL,
        tier TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C')),
        address TEXT,
        city TEXT,
        postal_code TEXT,
        country TEXT,
        latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
        longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
        phone TEXT,
        owner_id TEXT,
        visit_frequency_days INTEGER CHECK (visit_frequency_days IS NULL
                                            OR visit_frequency_days > 0)""",
    ),
    _record_table(
        "contacts",
        """account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
        first_name TEXT,
        last_name TEXT NOT NULL,
        job_title TEXT,
        email TEXT,
        phone TEXT""",
    ),
    _record_table(
        "opportunities",
        """account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('prospecting', 'qualification', 'proposal',
                                             'negotiation', 'closed_won', 'closed_lost')),
        amount REAL,
        currency TEXT,
        close_date TEXT,
        owner_id TEXT""",
    ),
    _record_table(
        "visits",
        """account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
        rep_id TEXT NOT NULL,
        planned_start TEXT NOT NULL,
        planned_end TEXT NOT NULL,
        route_position INTEGER,
        status TEXT NOT NULL CHECK (status IN ('planned', 'checked_in', 'completed',
                                               'cancelled', 'no_show')),
        checked_in_at TEXT,
        checked_out_at TEXT,
        contacts_met TEXT NOT NULL DEFAULT '[]',
        outcome TEXT,
        summary TEXT,
        next_steps TEXT""",
    ),
    _record_table(
        "notes",
        """account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
        visit_id TEXT REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
        author_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('visit_report', 'for_field', 'feedback')),
        body TEXT NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        reply_to_id TEXT REFERENCES notes(id) DEFERRABLE INITIALLY DEFERRED""",
    ),
    _record_table(
        "follow_ups",
        """account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
        title TEXT NOT NULL,
        details TEXT,
        assignee_user_id TEXT,
        assignee_team TEXT CHECK (assignee_team IS NULL OR assignee_team IN ('inside', 'field')),
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
        origin_visit_id TEXT REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
        origin_note_id TEXT REFERENCES notes(id) DEFERRABLE INITIALLY DEFERRED,
        created_by TEXT,
        completed_at TEXT""",
        ",\n        CHECK ((assignee_user_id IS NULL) <> (assignee_team IS NULL))",
    ),
    _record_table(
        "reviews",
        """note_id TEXT NOT NULL REFERENCES notes(id) DEFERRABLE INITIALLY DEFERRED,
        reviewer_id TEXT NOT NULL,
        reviewed_at TEXT NOT NULL""",
    ),
    "CREATE INDEX accounts_city ON accounts(city)",
    "CREATE INDEX accounts_tier ON accounts(tier)",
    "CREATE INDEX accounts_owner ON accounts(owner_id)",
    "CREATE INDEX contacts_account ON contacts(account_id)",
    "CREATE INDEX opportunities_account ON opportunities(account_id)",
    "CREATE INDEX visits_account ON visits(account_id, status, planned_start)",
    "CREATE INDEX visits_rep_start ON visits(rep_id, planned_start)",
    "CREATE INDEX notes_account ON notes(account_id, kind, created_at)",
    "CREATE INDEX notes_visit ON notes(visit_id)",
    "CREATE INDEX notes_kind_created ON notes(kind, created_at)",
    "CREATE INDEX notes_reply_to ON notes(reply_to_id)",
    "CREATE INDEX follow_ups_account ON follow_ups(account_id, status)",
    "CREATE INDEX follow_ups_status_due ON follow_ups(status, due_date)",
    "CREATE INDEX reviews_note ON reviews(note_id)",
    # Who works in this profile, which server it syncs with: never a secret.
    "CREATE TABLE profile (key TEXT PRIMARY KEY NOT NULL, value TEXT)",
    # The outbox: local changes the central CRM has not acknowledged yet, in order.
    """CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE,
        collection TEXT NOT NULL,
        record_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        fields TEXT NOT NULL,
        previous TEXT NOT NULL,
        base_version INTEGER,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT
    )""",
    "CREATE INDEX outbox_record ON outbox(collection, record_id)",
    # Sync bookkeeping, filled by the sync engine: one cursor per feed ('*' or a collection).
    """CREATE TABLE sync_state (
        feed TEXT PRIMARY KEY NOT NULL,
        cursor TEXT,
        last_pull_at TEXT,
        last_success_at TEXT
    )""",
    """CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        pushed INTEGER NOT NULL DEFAULT 0,
        pulled INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        error TEXT
    )""",
    """CREATE TABLE conflicts (
        id TEXT PRIMARY KEY NOT NULL,
        collection TEXT NOT NULL,
        record_id TEXT NOT NULL,
        field TEXT NOT NULL,
        local_value TEXT,
        remote_value TEXT,
        base_value TEXT,
        remote_version INTEGER,
        mutation_id TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolution TEXT,
        created_at TEXT NOT NULL,
        resolved_at TEXT
    )""",
    "CREATE INDEX conflicts_status ON conflicts(status, collection, record_id)",
    """CREATE TABLE rejected_mutations (
        id TEXT PRIMARY KEY NOT NULL,
        mutation_id TEXT NOT NULL UNIQUE,
        collection TEXT NOT NULL,
        record_id TEXT NOT NULL,
        op TEXT NOT NULL,
        fields TEXT NOT NULL,
        previous TEXT NOT NULL DEFAULT '{}',
        base_version INTEGER,
        reason TEXT NOT NULL,
        code TEXT,
        rejected_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retried', 'discarded')),
        resolved_at TEXT
    )""",
    "CREATE INDEX rejected_status ON rejected_mutations(status)",
    # CRM-assigned ids, for backends whose records are not keyed by our UUIDs.
    """CREATE TABLE id_map (
        collection TEXT NOT NULL,
        local_id TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        PRIMARY KEY (collection, local_id),
        UNIQUE (collection, remote_id)
    )""",
)


# What each searchable collection puts in the index: (title, body, columns watched).
# These texts and the trigger template below are part of shipped migrations (2, and 5 for
# the accounts): never edit one; a new index text is a new migration that recreates the
# triggers and rebuilds the rows it changes. tests/core/test_search_by_address.py proves that
# a new profile's triggers are the ones search_triggers() derives now (the first-download
# bulk path recreates them from it).
_SEARCH_TEXT_2: dict[str, tuple[str, str, str]] = {
    "accounts": ("{row}.name", "coalesce({row}.city, '')", "name, city"),
    "contacts": (
        "trim(coalesce({row}.first_name, '') || ' ' || {row}.last_name)",
        "coalesce({row}.email, '')",
        "first_name, last_name, email",
    ),
    "notes": ("''", "{row}.body", "body"),
}

# Schema 5 (issue 12): an account's body is its whole address: city, street, postal code
# (as written and without its space, so "H3J8K4" finds "H3J 8K4") and, for Canada, its
# province, which the store keeps no column for: Canada Post's first letter of the postal
# code names it (as ui/addresses.py shows it), looked up in search_provinces. The words are
# a table, not a CASE written into both triggers: the triggers stay short, and a province's
# words can change with an UPDATE in a migration (and a re-index), not new triggers.
_ACCOUNT_BODY_5 = """trim(coalesce({row}.city, '') || ' ' || coalesce({row}.address, '')
                || ' ' || coalesce({row}.postal_code, '')
                || ' ' || replace(coalesce({row}.postal_code, ''), ' ', '')
                || ' ' || coalesce((SELECT words FROM search_provinces WHERE prefix =
                    upper(trim({row}.country)) || upper(substr(trim({row}.postal_code), 1, 1))),
                    ''))"""
_ACCOUNT_SEARCH_TEXT_5 = (
    "{row}.name",
    _ACCOUNT_BODY_5,
    "name, city, address, postal_code, country",
)

# What the index holds now; the bulk path of a first download writes exactly this.
SEARCH_TEXT: dict[str, tuple[str, str, str]] = {
    **_SEARCH_TEXT_2,
    "accounts": _ACCOUNT_SEARCH_TEXT_5,
}


def search_triggers(
    collection: str, texts: Mapping[str, tuple[str, str, str]] = SEARCH_TEXT
) -> tuple[str, str, str]:
    """The insert, update and delete triggers that keep ``collection`` searchable."""
    title, body, watched = texts[collection]
    doc = "(SELECT docid FROM search_docs WHERE record_id = {row}.id)"
    return (
        f"""CREATE TRIGGER {collection}_search_insert AFTER INSERT ON {collection} BEGIN
            INSERT INTO search_docs (collection, record_id) VALUES ('{collection}', new.id);
            INSERT INTO search_fts (rowid, title, body)
                VALUES ({doc.format(row="new")}, {title.format(row="new")},
                        {body.format(row="new")});
        END""",
        f"""CREATE TRIGGER {collection}_search_update AFTER UPDATE OF {watched}
            ON {collection} BEGIN
            UPDATE search_fts SET title = {title.format(row="new")},
                                  body = {body.format(row="new")}
                WHERE rowid = {doc.format(row="new")};
        END""",
        f"""CREATE TRIGGER {collection}_search_delete AFTER DELETE ON {collection} BEGIN
            DELETE FROM search_fts WHERE rowid = {doc.format(row="old")};
            DELETE FROM search_docs WHERE record_id = old.id;
        END""",
    )


# Search: one FTS5 index over accounts, contacts and notes. FTS rows are keyed by a small
# integer docid kept in search_docs, because the domain tables' own rowids are not stable
# (no INTEGER PRIMARY KEY, so a VACUUM may renumber them). unicode61 with
# remove_diacritics folds accents on both sides, and the prefix indexes keep "bo*" fast.
_SEARCH = (
    """CREATE TABLE search_docs (
        docid INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        record_id TEXT NOT NULL UNIQUE
    )""",
    """CREATE VIRTUAL TABLE search_fts USING fts5 (
        title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )""",
    *search_triggers("accounts", _SEARCH_TEXT_2),
    *search_triggers("contacts", _SEARCH_TEXT_2),
    *search_triggers("notes", _SEARCH_TEXT_2),
    # Back-fill what a version-1 database already holds.
    """INSERT INTO search_docs (collection, record_id)
        SELECT 'accounts', id FROM accounts
        UNION ALL SELECT 'contacts', id FROM contacts
        UNION ALL SELECT 'notes', id FROM notes""",
    """INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, a.name, coalesce(a.city, '') FROM search_docs d
            JOIN accounts a ON a.id = d.record_id
        UNION ALL
        SELECT d.docid, trim(coalesce(c.first_name, '') || ' ' || c.last_name),
               coalesce(c.email, '') FROM search_docs d JOIN contacts c ON c.id = d.record_id
        UNION ALL
        SELECT d.docid, '', n.body FROM search_docs d JOIN notes n ON n.id = d.record_id""",
)

# Drafts: what a person has typed into a form and not saved yet (a visit report written in
# the car park). Local only, on purpose: a draft is not a change for the central CRM, it
# becomes one when the form is saved. Keyed by what the form edits, e.g.
# "visit-report:<visit id>", so reopening the form finds it. Written only by store/drafts.py.
_DRAFTS = (
    """CREATE TABLE drafts (
        key TEXT PRIMARY KEY NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        saved_at TEXT NOT NULL
    )""",
)

# Hand-offs, inbox and priorities (issue 11): the server's own times on notes, reviews
# and follow-ups (when each SLA clock starts and stops), who claimed a follow-up and what
# came of it; the teams' agreements, leads handed to the field, the history of every
# hand-off, the day's priorities and each person's read marks. Statements written out as
# fieldapp.catalogue.sqlite derives them (tests/catalogue/test_local_schema.py).
_HANDOFFS = (
    "ALTER TABLE notes ADD COLUMN arrived_at TEXT",
    "ALTER TABLE notes ADD COLUMN pinned_at TEXT",
    "ALTER TABLE follow_ups ADD COLUMN claimed_by TEXT",
    "ALTER TABLE follow_ups ADD COLUMN outcome TEXT",
    "ALTER TABLE follow_ups ADD COLUMN handed_at TEXT",
    "ALTER TABLE follow_ups ADD COLUMN claimed_at TEXT",
    "ALTER TABLE reviews ADD COLUMN arrived_at TEXT",
    """CREATE TABLE sla_policies (
    id TEXT PRIMARY KEY NOT NULL,
    team TEXT NOT NULL,
    region TEXT NOT NULL,
    policies TEXT NOT NULL CHECK (json_valid(policies)),
    changed_by TEXT,
    version INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)""",
    """CREATE TABLE leads (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
    handed_by TEXT NOT NULL,
    assignee_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('handed', 'accepted', 'returned', 'withdrawn')),
    why TEXT NOT NULL,
    who_to_see TEXT,
    promised TEXT,
    reason TEXT,
    visit_id TEXT REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
    handed_at TEXT,
    accepted_at TEXT,
    returned_at TEXT,
    version INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)""",
    """CREATE TABLE priorities (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
    rep_id TEXT NOT NULL,
    day TEXT NOT NULL,
    why TEXT NOT NULL,
    flagged_by TEXT NOT NULL,
    version INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)""",
    """CREATE TABLE handoff_events (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
    lead_id TEXT REFERENCES leads(id) DEFERRABLE INITIALLY DEFERRED,
    follow_up_id TEXT REFERENCES follow_ups(id) DEFERRABLE INITIALLY DEFERRED,
    action TEXT NOT NULL CHECK (action IN ('handed', 'reassigned', 'accepted', 'returned',"""
    """ 'withdrawn', 'claimed', 'released', 'commented', 'completed', 'cancelled', 'reopened')),
    actor_id TEXT NOT NULL,
    to_user_id TEXT,
    to_team TEXT CHECK (to_team IS NULL OR to_team IN ('inside', 'field')),
    note TEXT,
    at TEXT,
    version INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((lead_id IS NULL) <> (follow_up_id IS NULL))
)""",
    """CREATE TABLE inbox_reads (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,
    item_collection TEXT NOT NULL CHECK (item_collection IN ('notes', 'handoff_events')),
    item_id TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    version INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)""",
    # The inbox and the work queue: what was handed to me, the history of one hand-off,
    # my read marks; follow-ups and leads by who owes them.
    "CREATE INDEX leads_account ON leads(account_id)",
    "CREATE INDEX leads_assignee ON leads(assignee_id, status)",
    "CREATE INDEX leads_handed_by ON leads(handed_by, status)",
    "CREATE INDEX priorities_rep_day ON priorities(rep_id, day)",
    "CREATE INDEX priorities_account ON priorities(account_id)",
    "CREATE INDEX handoff_events_lead ON handoff_events(lead_id, at)",
    "CREATE INDEX handoff_events_follow_up ON handoff_events(follow_up_id, at)",
    "CREATE INDEX handoff_events_to_user ON handoff_events(to_user_id, at)",
    "CREATE INDEX handoff_events_account ON handoff_events(account_id)",
    "CREATE INDEX handoff_events_at ON handoff_events(at)",
    "CREATE INDEX inbox_reads_item ON inbox_reads(user_id, item_id)",
    "CREATE INDEX follow_ups_claimed ON follow_ups(claimed_by, status)",
    "CREATE INDEX follow_ups_assignee ON follow_ups(assignee_user_id, status)",
    "CREATE INDEX follow_ups_created_by ON follow_ups(created_by, status)",
    "CREATE INDEX notes_pinned ON notes(pinned, account_id)",
    "CREATE INDEX notes_author ON notes(author_id, kind)",
)

# Search by address (issue 12): the accounts' triggers index the whole address, and the
# accounts already held are indexed again, in the migration's one transaction (a profile
# opened after the update finds its accounts by street, postal code and province at once).
# The FTS table keeps its two columns: an account's body was its city, and is now its
# address; contacts and notes are untouched.
_ACCOUNT_INSERT_5, _ACCOUNT_UPDATE_5, _ = search_triggers(
    "accounts", {"accounts": _ACCOUNT_SEARCH_TEXT_5}
)
_PROVINCE_WORDS_5 = (
    ("CA", "A", "NL Terre-Neuve-et-Labrador Newfoundland and Labrador"),
    ("CA", "B", "NS Nouvelle-Écosse Nova Scotia"),
    ("CA", "C", "PE Île-du-Prince-Édouard Prince Edward Island"),
    ("CA", "E", "NB Nouveau-Brunswick New Brunswick"),
    ("CA", "G", "QC Québec"),
    ("CA", "H", "QC Québec"),
    ("CA", "J", "QC Québec"),
    ("CA", "K", "ON Ontario"),
    ("CA", "L", "ON Ontario"),
    ("CA", "M", "ON Ontario"),
    ("CA", "N", "ON Ontario"),
    ("CA", "P", "ON Ontario"),
    ("CA", "R", "MB Manitoba"),
    ("CA", "S", "SK Saskatchewan"),
    ("CA", "T", "AB Alberta"),
    ("CA", "V", "BC Colombie-Britannique British Columbia"),
    ("CA", "X", "NT Territoires du Nord-Ouest Northwest Territories NU Nunavut"),
    ("CA", "Y", "YT Yukon"),
)
_SEARCH_BY_ADDRESS = (
    """CREATE TABLE search_provinces (
        prefix TEXT PRIMARY KEY NOT NULL,
        words TEXT NOT NULL
    ) WITHOUT ROWID""",
    "INSERT INTO search_provinces (prefix, words) VALUES "
    + ", ".join(
        f"('{country}{letter}', '{words}')" for country, letter, words in _PROVINCE_WORDS_5
    ),
    "DROP TRIGGER accounts_search_insert",
    "DROP TRIGGER accounts_search_update",
    _ACCOUNT_INSERT_5,
    _ACCOUNT_UPDATE_5,
    """DELETE FROM search_fts WHERE rowid IN
        (SELECT docid FROM search_docs WHERE collection = 'accounts')""",
    f"""INSERT INTO search_fts (rowid, title, body)
        SELECT d.docid, a.name, {_ACCOUNT_BODY_5.format(row="a")}
        FROM search_docs d JOIN accounts a ON a.id = d.record_id""",
)

# A rejection's reason as the server's catalogue code and its plain parameters (issue 12),
# for the window to word in its user's language; ``reason`` keeps the English sentence.
# Rows stored before this have no code and empty parameters: they read as they did, by
# their sentence.
_REJECTION_CODES = (
    "ALTER TABLE rejected_mutations ADD COLUMN reason_code TEXT",
    "ALTER TABLE rejected_mutations ADD COLUMN reason_params TEXT NOT NULL DEFAULT '{}'"
    " CHECK (json_valid(reason_params))",
)

# The records' data stamp: a token in the profile that changes whenever a record changes.
# What is computed from the records and kept (the dashboard's snapshots, fieldapp/kpi/
# snapshot.py) is stamped with it and trusted only while it is the same.
# ``Store.transaction`` writes a new one in every committed transaction whose change set
# touches a record collection or the outbox, and names the row in that change set: the
# change set is what the store's writers wrote, never what a caller declares, so no writer
# can forget it, and it costs one statement per transaction (a first download writes
# 870,000 rows in 175). Read marks are left out: marking the inbox read changes no figure
# and would throw the snapshots away. Random rather than a counter: a backup restored over
# the profile brings back an older stamp, and the edits made after it must never arrive at
# a stamp a snapshot of other records already carries. Kept in the ``profile`` table: no
# schema change.
RECORDS_STAMP_KEY = "records_stamp"
STAMPED: frozenset[str] = frozenset(
    {*(c for c in catalogue.COLLECTIONS if c != "inbox_reads"), "outbox"}
)
HELD_STAMP = "SELECT 1 FROM profile WHERE key = ?"
NEW_STAMP = (
    "INSERT INTO profile (key, value) VALUES (?, lower(hex(randomblob(8))))"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "records, outbox and sync bookkeeping", _CORE),
    Migration(2, "full-text search over accounts, contacts and notes", _SEARCH),
    Migration(3, "local drafts of unsaved forms", _DRAFTS),
    Migration(4, "hand-offs, inbox read marks, priorities and SLA agreements", _HANDOFFS),
    Migration(5, "search by address: street, city, postal code and province", _SEARCH_BY_ADDRESS),
    Migration(6, "rejections keep the server's reason code and parameters", _REJECTION_CODES),
)

LATEST_VERSION = MIGRATIONS[-1].version
