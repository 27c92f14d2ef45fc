"""The main window's pages: Today, Accounts, Review, Sync, and the dialogs they open."""
