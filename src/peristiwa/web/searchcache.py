"""The events a text search (or "one article") selects, kept per worker as positions in the column index.

Why: the column index holds no words, so `q` is asked of the database's full-text index, and a common
word is expensive there: "Indonesia" matches 320,000 of a million generated events, and reading their
ids out of FTS5, parsing them and finding their positions took 60-110 ms, most of a request. Yet the
same search comes again at once: every change of the dashboard's filters asks the network, the timeline
and the table together, and "load more" asks the table again. Unlike the response cache (whole answers,
keyed by every parameter), this keeps the one expensive part, so the same words with other dates or
actors are fast too.

Entries belong to one column index: positions mean nothing in another, so a new index (after an ingest)
starts an empty cache. Bounded in bytes, least recently used out first.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np

DEFAULT_MAX_BYTES = 32 * 2**20  # per worker process: the positions of about 8 million events


class SearchCache:
    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._owner: weakref.ref | None = None  # the index the entries belong to (weak: never kept alive)
        self._entries: OrderedDict[Hashable, np.ndarray] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # request threads share it; the computing is done outside the lock

    def positions(self, index: object, key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """compute() for `key` in `index`, or the answer kept from an earlier call. The array is shared
        between callers: read-only."""
        with self._lock:
            if self._owner is None or self._owner() is not index:
                self._entries.clear()
                self._bytes = 0
                self._owner = weakref.ref(index)
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        found = compute()
        found.flags.writeable = False
        if found.nbytes > self.max_bytes:
            return found
        with self._lock:
            if self._owner() is index and key not in self._entries:
                self._entries[key] = found
                self._bytes += found.nbytes
                while self._bytes > self.max_bytes:
                    _, old = self._entries.popitem(last=False)
                    self._bytes -= old.nbytes
        return found
