"""Which matrix-multiply library the spaCy models run on.

thinc multiplies with BLIS by default. On CPUs BLIS does not recognise (virtualised AMD EPYC is one:
it reports no model, so BLIS falls back to generic kernels) the same product takes 2.7 times as long
as with the OpenBLAS that numpy ships, and matrix products are 80% of the tok2vec's time. So before
a model is built we time one tok2vec-sized product with each and keep the faster, once per process.

Both libraries are then limited to one thread: peristiwa parallelises with worker processes, and a
BLAS pool per worker would only fight over the same cores. An explicit OMP/OPENBLAS_NUM_THREADS in
the environment sets another number. The limit is applied at run time (threadpoolctl) because numpy,
and with it OpenBLAS's thread pool, is usually loaded before anything here can set the environment.
"""

from __future__ import annotations

import os
import time
from functools import lru_cache

ENV_CHOICE = "PERISTIWA_GEMM"  # "blis" or "numpy" skips the timing (reproducible runs, debugging)
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def blas_threads() -> int:
    """Threads for BLAS: the first positive OMP/OPENBLAS/MKL_NUM_THREADS, else 1."""
    for var in THREAD_VARS:
        value = os.environ.get(var, "").strip()
        if value.isdigit() and int(value) > 0:
            return int(value)
    return 1


def _time_gemm(gemm, a, b, repeats: int = 3) -> float:
    gemm(a, b)  # warm-up: first call pays for thread pools and page faults
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        gemm(a, b)
        best = min(best, time.perf_counter() - t0)
    return best


@lru_cache(maxsize=1)
def choose_cpu_ops() -> str:
    """Set thinc's current CPU ops to the faster matrix multiply; returns "blis" or "numpy"."""
    import numpy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    if type(get_current_ops()) is not NumpyOps:
        return "other"  # a GPU or a platform backend chosen by the caller: leave it alone
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=blas_threads(), user_api="blas")
    choice = os.environ.get(ENV_CHOICE, "").strip().lower()
    if choice not in ("blis", "numpy"):
        rng = numpy.random.default_rng(0)
        a = rng.random((2048, 384), dtype=numpy.float32)
        b = rng.random((384, 384), dtype=numpy.float32)
        blis = NumpyOps(use_blis=True)
        t_blis = _time_gemm(blis.gemm, a, b)
        t_numpy = _time_gemm(numpy.matmul, a, b)
        choice = "numpy" if t_numpy < t_blis else "blis"
    set_current_ops(NumpyOps(use_blis=(choice == "blis")))
    return choice
