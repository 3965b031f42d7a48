"""The kiosk's SQLite store: roster, journal and settings in one file."""

from kiosk.store.db import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
