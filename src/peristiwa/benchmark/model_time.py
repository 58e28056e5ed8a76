"""The statistical model's share of an extract, timed inside the same run: the time spent waiting for each
parsed doc from `nlp.pipe` (timing nlp.pipe again afterwards would read the texts with warm caches)."""

from __future__ import annotations

import time


class ModelClock:
    """Wraps `nlp.pipe` so that `seconds` accumulates the time spent producing parsed docs."""

    def __init__(self, nlp) -> None:
        self.seconds = 0.0
        self._pipe = nlp.pipe
        nlp.pipe = self._timed

    def _timed(self, *args, **kwargs):
        docs = self._pipe(*args, **kwargs)
        while True:
            t = time.perf_counter()
            doc = next(docs, None)
            self.seconds += time.perf_counter() - t
            if doc is None:
                return
            yield doc
