"""What a rep can do, as plain typed functions over a Store. No Qt, no network.

Every function validates its input before writing anything, and writes only through
``fieldapp.store.changes`` so that each change is queued in the outbox with it.
"""
