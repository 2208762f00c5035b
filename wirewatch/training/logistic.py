"""A logistic model over feature words (and at most one numeric feature), fitted the same way each
time: full batch, Adam, a fixed number of steps, no shuffling. The learned targets and the arbiter
of the rules' events are fitted with it, so that ``make train`` writes the same bytes again."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy


@dataclass(frozen=True, slots=True)
class Fitted:
    """The weights of the feature words, the bias, and the numeric feature's weight (None without one)."""

    weights: dict[str, float]
    bias: float
    value_weight: float | None = None


def fit_logistic(rows: Sequence[Sequence[str]], labels: Sequence[int], *, min_count: int, l2: float,
                 steps: int, learning_rate: float, values: Sequence[float] | None = None) -> Fitted | None:
    """Fit P(label 1) over the feature words of each row (and ``values``, one number per row).
    A word seen in fewer than ``min_count`` rows has no weight. None when no row or no word is left."""
    counts: dict[str, int] = defaultdict(int)
    for words in rows:
        for word in words:
            counts[word] += 1
    vocab = {w: n for n, w in enumerate(sorted(w for w, c in counts.items() if c >= min_count))}
    if not rows or not vocab:
        return None
    row_of, col = [], []
    for r, words in enumerate(rows):
        for word in words:
            if (j := vocab.get(word)) is not None:
                row_of.append(r)
                col.append(j)
    rows_a, cols_a = numpy.array(row_of), numpy.array(col)
    y = numpy.array(labels, dtype="f8")
    x = None if values is None else numpy.array(values, dtype="f8")
    w, b, v = numpy.zeros(len(vocab)), 0.0, 0.0
    m_w, v_w, m_b, v_b, m_v, v_v = numpy.zeros(len(vocab)), numpy.zeros(len(vocab)), 0.0, 0.0, 0.0, 0.0
    for step in range(1, steps + 1):
        if x is None:
            score = b + numpy.bincount(rows_a, weights=w[cols_a], minlength=len(y))
        else:
            score = b + v * x + numpy.bincount(rows_a, weights=w[cols_a], minlength=len(y))
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(score, -30, 30)))
        error = (p - y) / len(y)
        g_w = numpy.bincount(cols_a, weights=error[rows_a], minlength=len(vocab)) + l2 * w
        g_b = float(error.sum())
        m_w = 0.9 * m_w + 0.1 * g_w
        v_w = 0.999 * v_w + 0.001 * g_w * g_w
        m_b = 0.9 * m_b + 0.1 * g_b
        v_b = 0.999 * v_b + 0.001 * g_b * g_b
        scale = learning_rate * (1 - 0.999 ** step) ** 0.5 / (1 - 0.9 ** step)
        w -= scale * m_w / (numpy.sqrt(v_w) + 1e-8)
        b -= scale * m_b / (v_b ** 0.5 + 1e-8)
        if x is not None:
            g_v = float((error * x).sum())
            m_v = 0.9 * m_v + 0.1 * g_v
            v_v = 0.999 * v_v + 0.001 * g_v * g_v
            v -= scale * m_v / (v_v ** 0.5 + 1e-8)
    names = sorted(vocab, key=vocab.__getitem__)
    return Fitted(dict(zip(names, w.tolist(), strict=True)), b, None if x is None else v)
