"""The spaCy model multiplies on numpy's OpenBLAS, one thread, and parses as with blis."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import spacy
from thinc.api import NumpyOps, get_current_ops, use_ops

from core.settings import get_settings
from streams.tagging.matmul import model_ops
from streams.tagging.shared.text import ArticleText
from streams.tagging.spacy_model import load_pipeline
from wirewatch.demo import demo_articles

REPO_ROOT = Path(__file__).resolve().parents[2]


# In a fresh interpreter: the call must work before anything else has used OpenBLAS.
# Whether a pool thread still burns CPU afterwards is a figure (`wirewatch bench parts`).
_ONE_THREAD_PROBE = """
from streams.tagging.matmul import one_blas_thread
print(one_blas_thread())
"""


def test_openblas_is_cut_to_one_thread_in_a_fresh_process() -> None:
    probe = subprocess.run([sys.executable, "-c", _ONE_THREAD_PROBE], capture_output=True, text=True,
                           cwd=REPO_ROOT, check=True, timeout=120)
    assert probe.stdout.split() == ["True"]  # OpenBLAS's own getter read back 1


def test_the_model_loads_with_numpys_products() -> None:
    before = get_current_ops()
    with model_ops():
        ops = get_current_ops()
    assert isinstance(ops, NumpyOps) and not ops.use_blis
    assert get_current_ops() is before  # only the model's load is affected
    nlp = load_pipeline(get_settings().spacy_model)
    for name in ("tok2vec", "ner", "parser"):
        assert not nlp.get_pipe(name).model.ops.use_blis  # type: ignore[attr-defined]


def test_the_same_parses_and_entities_as_with_blis() -> None:
    texts = [ArticleText.of(a).text for a in demo_articles()]
    with use_ops("numpy", use_blis=True):
        blis = spacy.load(get_settings().spacy_model)
    with model_ops():
        openblas = spacy.load(get_settings().spacy_model)
    assert blis.get_pipe("ner").model.ops.use_blis  # type: ignore[attr-defined]

    def parses(nlp: spacy.language.Language) -> list[object]:
        return [([(t.tag_, t.dep_, t.head.i) for t in doc], [(e.start, e.end, e.label_) for e in doc.ents])
                for doc in nlp.pipe(texts)]

    assert parses(openblas) == parses(blis)
