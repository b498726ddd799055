"""Storage behind one small class with named queries (SQLite by default)."""

from storyline.store.sqlite import SCHEMA_VERSION, Store, StoreError

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
