"""FieldApp's desktop front end (PySide6): windows, views and the workers behind them.

Only this package imports Qt; it reaches the data through ``fieldapp`` use cases and the
sync engine in ``sync``, run on worker threads (see ``ui.tasks`` and ``ui.sync_worker``).
"""
