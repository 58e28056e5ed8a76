"""Store: the database schema, writing Results idempotently, merging mentions into events, queries."""

from peristiwa.store.db import StoreError, connect, init_db

__all__ = ["StoreError", "connect", "init_db"]
