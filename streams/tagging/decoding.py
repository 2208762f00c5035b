"""The parser's and NER's greedy decoding driven from Python, holding the GIL.

spaCy 3.8's compiled ``greedy_parse`` releases the GIL for its decoding loop, but
the state accessors that loop calls for every candidate move of every step
(``StateC.B``/``S``, Cython ``noexcept nogil`` methods) take the GIL and give it
back on each call: the built wheel wraps them in ``PyGILState_Ensure``/``Release``
(``objdump -d`` of ``spacy/pipeline/_parser_internals/ner.*.so``). The NER checks
its 74 moves at each step, each reading the buffer, so a 490-token article costs
tens of thousands of GIL round trips: half of the NER's CPU time (py-spy, session 7,
``pthread_mutex_lock`` under ``Begin_is_valid``/``Unit_is_valid``), and in the stream
worker each round trip also contends with the event loop's thread.

:class:`HeldGilDecoder` runs the same decoding from Python: the component's step
model scores the live states, the component's ``transition_states`` applies each
state's best valid move, and the GIL stays held throughout, so those calls cost a
thread-local look-up. Same model, same arithmetic, same moves: identical parses and
entities (``tests/unit/test_decoding.py`` compares both on real text). Measured on
bench articles (4 per batch, load ~9): NER 42 -> 21 ms CPU per article, parser 15 -> 12;
each step skipping what only training needs (:func:`_scores`): NER -> 16.4, parser -> 8.7
(with numpy's products, :mod:`streams.tagging.matmul`; load 16-17).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from spacy.util import minibatch

NAME = "wirewatch_held_gil_decoder"
# Docs decoded together when the caller gives no batch size (spaCy's own default for
# the parser; the tagger passes its minibatch). Each decoding step costs a few Python
# calls whatever the number of docs, so larger batches spread that overhead thinner.
DEFAULT_BATCH = 256


class HeldGilDecoder:
    """Wraps a transition-based component (parser, NER): its model, moves and
    annotations, decoded greedily by :meth:`predict` without releasing the GIL."""

    def __init__(self, wrapped: Parser) -> None:
        self.wrapped = wrapped

    def __getattr__(self, name: str) -> Any:
        # labels, moves, model, cfg ...: the wrapped component's (only called for
        # attributes this class does not define)
        return getattr(self.wrapped, name)

    def __call__(self, doc: Doc) -> Doc:
        self.wrapped.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = DEFAULT_BATCH) -> Iterator[Doc]:
        for batch in minibatch(docs, size=max(batch_size, 1)):
            self.wrapped.set_annotations(batch, self.predict(batch))
            yield from batch

    def predict(self, docs: list[Doc]) -> list[Any]:
        """The final parse states of ``docs`` (what the component's ``predict`` returns)."""
        parser = self.wrapped
        if parser.cfg["beam_width"] != 1 or not any(len(doc) for doc in docs):
            return list(parser.predict(docs))  # beam search, or nothing to parse: spaCy's own
        parser._ensure_labels_are_added(docs)
        batch = parser.moves.init_batch(docs)
        steps = parser.model.predict(docs)  # the docs' features, precomputed once
        # fixed for the decoding (the classes seen in training): checked once, not at every step
        lean = steps.vec2scores is not None and bool(steps._class_mask.all())
        try:
            states = [state for state in batch if not state.is_final()]
            while states:
                states = parser.transition_states(states, _scores(steps, states, lean))
        finally:
            steps.clear_memory()
        return list(batch)


def _scores(steps: Any, states: list[Any], lean: bool) -> Any:
    """The step model's scores of ``states``: spaCy's ``step_forward`` without what only training
    needs (the backprop closures) and, when ``lean`` (every class was seen in training, and the
    model has an output layer), without its per-step minimum over the scores for the unseen ones."""
    if not lean:
        return steps.predict(states)
    return steps.vec2scores.predict(steps.state2vec.predict(steps.get_token_ids(states)))


@Language.factory(NAME, default_config={"source": "ner"})
def make_held_gil_decoder(nlp: Language, name: str, source: str) -> HeldGilDecoder:
    """:class:`HeldGilDecoder` around the pipeline's component ``source``."""
    component = nlp.get_pipe(source)
    if not isinstance(component, Parser):
        raise TypeError(f"{source!r} is not a transition-based component (parser, NER)")
    return HeldGilDecoder(component)


def hold_gil_in_decoding(nlp: Language, names: tuple[str, ...] = ("parser", "ner")) -> list[str]:
    """Put a :class:`HeldGilDecoder` in place of each named component, under its name
    (``nlp.get_pipe("ner")`` then returns the decoder); the names replaced."""
    replaced = []
    for name in names:
        if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), Parser):
            continue
        temporary = f"{NAME}_{name}"
        nlp.add_pipe(NAME, name=temporary, before=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(temporary, name)
        replaced.append(name)
    return replaced
