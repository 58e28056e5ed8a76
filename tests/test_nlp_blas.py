"""The matrix-multiply choice: the model runs on the chosen library and annotates the same either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from peristiwa.nlp import load_model
from peristiwa.nlp.blas import choose_cpu_ops

# Our own sentences (not from the data sets).
TEXT = ("Menteri Luar Negeri Retno Marsudi menerima Duta Besar Jepang di Jakarta pada Selasa. "
        "Polisi menangkap tiga tersangka perampokan di Medan, Sumatera Utara.")

ANNOTATE = r"""
import json, sys
from peristiwa.nlp import load_model
from peristiwa.nlp.blas import choose_cpu_ops
nlp = load_model("id")
doc = nlp(sys.argv[1])
t2v = nlp.get_pipe("tok2vec").model
print(json.dumps({"choice": choose_cpu_ops(), "use_blis": t2v.ops.use_blis,
                  "heads": [t.head.i for t in doc], "deps": [t.dep_ for t in doc],
                  "pos": [t.pos_ for t in doc], "ents": [(e.start, e.end, e.label_) for e in doc.ents]}))
"""


def _annotate(choice: str) -> dict:
    env = dict(os.environ, PERISTIWA_GEMM=choice)
    out = subprocess.run([sys.executable, "-c", ANNOTATE, TEXT], capture_output=True, text=True, env=env,
                         timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_models_are_built_on_the_chosen_library():
    nlp = load_model("id")
    choice = choose_cpu_ops()
    assert choice in ("blis", "numpy")
    assert nlp.get_pipe("tok2vec").model.ops.use_blis == (choice == "blis")


def test_both_libraries_give_the_same_annotation():
    blis, numpy = _annotate("blis"), _annotate("numpy")
    assert (blis["choice"], blis["use_blis"]) == ("blis", True)
    assert (numpy["choice"], numpy["use_blis"]) == ("numpy", False)
    for key in ("heads", "deps", "pos", "ents"):
        assert blis[key] == numpy[key], key
    assert numpy["ents"], "the sentences name people and places"


def test_blas_runs_on_the_configured_number_of_threads():
    from threadpoolctl import threadpool_info

    from peristiwa.nlp.blas import blas_threads

    choose_cpu_ops()
    # numpy's OpenBLAS was loaded before choose_cpu_ops ran, so the limit must be applied at run time
    pools = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert pools, "numpy ships a BLAS"
    assert all(p["num_threads"] == blas_threads() for p in pools)
