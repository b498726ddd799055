"""Storage behind one small class with named queries (SQLite by default)."""

from storyline.store.errors import StoreBusy, StoreError
from storyline.store.sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store", "StoreBusy", "StoreError"]
