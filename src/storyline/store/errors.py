"""The store's errors (defined in the core, so that the pipeline can name them without the store)."""

from storyline.errors import StoreBusy, StoreError

__all__ = ["StoreBusy", "StoreError"]
