"""Errors with one-line messages that name the store and the reason."""


class StoreError(RuntimeError):
    """The store cannot be used."""


class StoreBusy(StoreError):
    """Another process or thread is writing to the store."""
