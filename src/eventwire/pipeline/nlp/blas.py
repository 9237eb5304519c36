"""Matrix products of the spaCy model on numpy's OpenBLAS, one thread, instead of BLIS.

thinc's CPU ops multiply matrices with the BLIS library it ships (``NumpyOps(use_blis=True)``,
spaCy's default). On the x86 machines measured (``bench/RESULTS.md``, issue 22, helper h22j)
the OpenBLAS that numpy wheels bundle multiplies the tok2vec and NER layers' matrices about
2.8 times faster on one thread, and the model's CPU time per parsed sentence drops by about
40%, with the same tags, lemmas, dependencies and entities on every sentence compared.

OpenBLAS starts one thread per core unless told otherwise, which costs more CPU than it
saves on these small products and oversubscribes the cores that workers share; so the
switch happens only where numpy's BLAS is OpenBLAS and its thread count could be set to
one (through its own ``*_set_num_threads`` entry point, found with ``ctypes``). Anywhere
else (Accelerate, MKL, a numpy built without the entry point) the model keeps BLIS.
"""

from __future__ import annotations

import ctypes
import glob
import os
from typing import Any

# numpy >= 2 wheels bundle "scipy-openblas" with suffixed symbols; older ones plain OpenBLAS
_SET_THREADS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def numpy_blas_name() -> str:
    """The name of the BLAS numpy was built with ("" when numpy does not say)."""
    import numpy as np

    config = getattr(getattr(np, "__config__", None), "CONFIG", None)
    if not isinstance(config, dict):
        return ""
    blas = config.get("Build Dependencies", {}).get("blas", {})
    return str(blas.get("name", "")) if isinstance(blas, dict) else ""


def _openblas_libraries() -> list[str]:
    """Paths of the OpenBLAS libraries shipped beside numpy (its wheel's ``numpy.libs``)."""
    import numpy as np

    site = os.path.dirname(os.path.dirname(os.path.abspath(np.__file__)))
    return sorted(glob.glob(os.path.join(site, "numpy.libs", "*openblas*")))


def pin_openblas_one_thread() -> bool:
    """Set numpy's OpenBLAS to one thread; False when it is not OpenBLAS or has no setter."""
    if "openblas" not in numpy_blas_name().lower():
        return False
    for path in _openblas_libraries():
        try:
            lib = ctypes.CDLL(path)  # already loaded by numpy: the same handle
        except OSError:
            continue
        for symbol in _SET_THREADS:
            setter = getattr(lib, symbol, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                setter(1)
                return True
    return False


def use_numpy_gemm(nlp: Any) -> bool:
    """Give every layer of the model's components thinc's ``NumpyOps(use_blis=False)``
    (matrix products through ``numpy.dot``) when OpenBLAS could be pinned to one thread.
    Returns whether the model was switched."""
    if not pin_openblas_one_thread():
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            layer.ops = ops
    return True
