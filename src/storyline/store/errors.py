"""The store's errors (defined in the core, so that the pipeline can name them without the store)."""

from storyline.errors import StoreBusy, StoreError

__all__ = ["LINKER_BUSY", "NO_STORE_HINT", "StoreBusy", "StoreError", "StoreOutdated"]

NO_STORE_HINT = "ingest something first, e.g. storyline demo"
LINKER_BUSY = "another process is linking its entities"


class StoreOutdated(StoreError):
    """A store of an older schema, opened where it cannot be upgraded (read-only)."""
