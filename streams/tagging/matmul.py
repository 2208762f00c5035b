"""The spaCy model's matrix products on numpy's OpenBLAS, on one thread.

thinc multiplies matrices with the ``blis`` package by default. On this project's
machines numpy's own OpenBLAS (it picks its kernels for the CPU at run time) does the
shapes of the model's layers in about half the time: 490x288 by 288x288, the
tok2vec's maxout layers, 0.59 ms vs 1.10 (session 7, CPU time, one thread), and
tagging costs ~6 ms less CPU per article (tok2vec 11.2 -> 8.6, NER 20 -> 17.5).

OpenBLAS starts a pool of threads that spin while they wait for work: with its
default pool (one thread per core) the same tagging cost 38 ms *more* CPU per article,
so numpy's products are used only once that pool is cut to one thread, which
:func:`one_blas_thread` does through OpenBLAS's own call (what ``OPENBLAS_NUM_THREADS=1``
does at start-up; numpy has no API for it). Where the library or the call is not
found, thinc keeps blis.
"""

from __future__ import annotations

import ctypes
import logging
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import numpy
from thinc.api import use_ops

log = logging.getLogger(__name__)

# OpenBLAS's "set the number of threads" under the names numpy's wheels export it
# (scipy-openblas, 64-bit ints, then a plain build)
_SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                "openblas_set_num_threads64_", "openblas_set_num_threads")
_GET_THREADS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
                "openblas_get_num_threads64_", "openblas_get_num_threads")


def one_blas_thread() -> bool:
    """Cut numpy's OpenBLAS to one thread in this process; False when it cannot be found."""
    libraries = sorted((Path(numpy.__file__).parent.parent / "numpy.libs").glob("*openblas*.so*"))
    for path in libraries:
        try:
            library = ctypes.CDLL(str(path))  # the copy numpy loaded (same path, same handle)
        except OSError:
            continue
        setter = next((getattr(library, n) for n in _SET_THREADS if hasattr(library, n)), None)
        getter = next((getattr(library, n) for n in _GET_THREADS if hasattr(library, n)), None)
        if setter is None or getter is None:
            continue
        setter(1)
        if getter() == 1:
            return True
    return False


def model_ops() -> AbstractContextManager[object]:
    """The ops to load the spaCy model under: numpy's products when OpenBLAS runs on
    one thread, else thinc's default (blis)."""
    if one_blas_thread():
        return use_ops("numpy", use_blis=False)
    log.info("numpy's OpenBLAS not found: the spaCy model multiplies with blis (slower)")
    return nullcontext()
