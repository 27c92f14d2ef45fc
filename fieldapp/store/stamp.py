"""The records' data stamp: a token in the profile that changes whenever a record changes.

What is computed from the records and kept (the dashboard's snapshots, fieldapp/kpi/
snapshot.py) is stamped with it and trusted only while it is the same. ``Store.transaction``
writes a new one in every committed transaction whose change set touches a record
collection or the outbox: the change set is what the store's writers wrote, never what a
caller declares, so no writer can forget it, and it costs one statement per transaction
(a first download writes 870,000 rows in 175). Read marks are left out: marking the inbox
read changes no figure and would throw the snapshots away.

The token is random rather than a counter: a backup restored over the profile brings back
an older stamp, and the edits made after it must never arrive at a stamp a snapshot of
other records already carries. Kept in the ``profile`` table (no schema change), and
named in the transaction's change set like every row the store writes.
"""

from __future__ import annotations

from fieldapp import catalogue
from fieldapp.store.change_set import OUTBOX

RECORDS_STAMP_KEY = "records_stamp"
STAMPED: frozenset[str] = frozenset(
    {*(c for c in catalogue.COLLECTIONS if c != "inbox_reads"), OUTBOX}
)
HELD_STAMP = "SELECT 1 FROM profile WHERE key = ?"
NEW_STAMP = (
    "INSERT INTO profile (key, value) VALUES (?, lower(hex(randomblob(8))))"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
