"""Qt item models over the local store: lazy, refreshed from change notices."""
