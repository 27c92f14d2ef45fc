"""Sync: the client engine and its CRM backends, and the reference central server.

Imports the core (``fieldapp``); never Qt.
"""
