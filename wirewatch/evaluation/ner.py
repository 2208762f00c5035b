"""``wirewatch eval ner``: span-level F1 on CoNLL-2003 for PER, ORG and LOC.

Each CoNLL document becomes one article: its first sentence (the headline)
is the title, the other sentences are body lines; tokens are joined with
single spaces. Gold spans and predictions are compared as exact
``(field, start, end, type)`` tuples. MISC is ignored on both sides.

The wirewatch tagger is scored through the real :class:`Tagger` (people ->
PER, organisations -> ORG, every place mention -> LOC, groups ignored), beside
the bare spaCy model on the same texts (PERSON -> PER, ORG -> ORG,
GPE/LOC/FAC -> LOC).

The tagger reports every toponym, also one inside an organisation's name
("Kentucky" in "Kentucky State Police"), while CoNLL annotates only the whole
organisation. A predicted place strictly inside a predicted ORG or PER span
is therefore not scored as a separate LOC (the ORG span is scored as usual).
A demonym the tagger also reports as a mention of its country ("Kenyan" in
"Kenyan police", places/demonyms.py) is a nationality, MISC in CoNLL, and
stays out of LOC like the GROUP entity it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from schemas import RawArticle, article_id, unnamed
from streams.tagging.shared.text import ArticleText

CONLL_DEV = "conll2003-dev.iob2.txt"
TYPES = ("PER", "ORG", "LOC")
_SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_WIREWATCH_TYPES = {"PERSON": "PER", "ORG": "ORG"}

Span = tuple[str, int, int, str]  # field, start, end, type


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One CoNLL document as an article and its gold PER/ORG/LOC spans."""

    title: str
    body: str
    spans: frozenset[Span]

    def text_of(self, span: Span) -> str:
        return (self.title if span[0] == "title" else self.body)[span[1]:span[2]]

    def article(self, n: int) -> RawArticle:
        return RawArticle(
            id=article_id(f"conll:{n}"), source="eval:conll2003", title=self.title,
            body=self.body, fetched_at=datetime(1996, 8, 30, tzinfo=UTC),
        )


def read_conll(path: Path) -> list[GoldDoc]:
    """Documents of a CoNLL-2003 IOB2 file (``token POS chunk NER`` per line)."""
    docs: list[GoldDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    for raw in [*path.read_text(encoding="utf-8").splitlines(), "-DOCSTART-"]:
        parts = raw.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sentence:
                sentences.append(sentence)
                sentence = []
            if parts and sentences:
                docs.append(_document(sentences))
                sentences = []
            continue
        sentence.append((parts[0], parts[-1]))
    return docs


def _document(sentences: list[list[tuple[str, str]]]) -> GoldDoc:
    spans: set[Span] = set()
    lines: list[str] = []
    for i, sentence in enumerate(sentences):
        field = "title" if i == 0 else "body"
        base = 0 if i == 0 else sum(len(line) + 1 for line in lines[1:])
        pos, open_span = base, None
        for token, tag in sentence:
            if open_span and not tag.startswith("I-"):
                spans.add(open_span)
                open_span = None
            if tag.startswith("B-") and tag[2:] in TYPES:
                open_span = (field, pos, pos + len(token), tag[2:])
            elif tag.startswith("I-") and open_span:
                open_span = (field, open_span[1], pos + len(token), open_span[3])
            pos += len(token) + 1
        if open_span:
            spans.add(open_span)
        lines.append(" ".join(token for token, _ in sentence))
    return GoldDoc(title=lines[0], body="\n".join(lines[1:]), spans=frozenset(spans))


def wirewatch_spans(tagged) -> set[Span]:
    """PER/ORG/LOC spans of a TaggedArticle; places nested in a name are left out, and so
    are the unnamed facilities and objects events act on (all lower case): CoNLL marks names."""
    spans = {(m.field, m.start, m.end, _WIREWATCH_TYPES[e.type])
             for e in tagged.entities if e.type in _WIREWATCH_TYPES for m in e.mentions}
    names = list(spans)
    from streams.tagging.places.demonyms import is_demonym

    spans |= {(m.field, m.start, m.end, "LOC") for p in tagged.places for m in p.mentions
              if not unnamed(p.name)  # an event's "police station" is no named location
              and not (p.feature == "country" and is_demonym(m.text))  # a nationality: MISC
              and not any(_strictly_inside((m.field, m.start, m.end), n) for n in names)}
    return spans


def _strictly_inside(inner: tuple[str, int, int], outer: Span) -> bool:
    field, start, end = inner
    return (field == outer[0] and outer[1] <= start and end <= outer[2]
            and end - start < outer[2] - outer[1])


def spacy_spans(doc, text: ArticleText) -> set[Span]:
    """PER/ORG/LOC spans of a bare spaCy doc, as they are (no trimming or repair)."""
    spans = set()
    for ent in doc.ents:
        etype = _SPACY_TYPES.get(ent.label_)
        field = "title" if text.in_title(ent.start_char) else "body"
        offset = 0 if field == "title" else text.body_offset
        if etype and ent.start_char >= offset:
            spans.add((field, ent.start_char - offset, ent.end_char - offset, etype))
    return spans


@dataclass
class Score:
    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]
    types: tuple[str, ...] = TYPES
    # "kind type: text" -> count; kinds: FP, FN, and TYPE (gold span, other type: "TYPE ORG>PER")
    errors: Counter[str] = dataclass_field(default_factory=Counter)

    @classmethod
    def of(cls, items: Iterable[tuple[set[Span], GoldDoc]], types: tuple[str, ...] = TYPES) -> Score:
        """Score predicted spans against each document's gold spans."""
        score = cls(Counter(), Counter(), Counter(), types)
        for predicted, doc in items:
            gold = doc.spans
            for span in predicted & gold:
                score.tp[span[3]] += 1
            typed = {s[:3]: s[3] for s in gold}
            for span in predicted - gold:
                score.fp[span[3]] += 1
                other = typed.get(span[:3])
                kind = f"TYPE {other}>{span[3]}" if other else f"FP {span[3]}"
                score.errors[f"{kind}: {doc.text_of(span)}"] += 1
            predicted_at = {s[:3] for s in predicted}
            for span in gold - predicted:
                score.fn[span[3]] += 1
                if span[:3] not in predicted_at:
                    score.errors[f"FN {span[3]}: {doc.text_of(span)}"] += 1
        return score

    def prf(self, etype: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 for one type, or micro-averaged over all."""
        def total(c: Counter[str]) -> int:
            return c[etype] if etype else sum(c[t] for t in self.types)
        tp, fp, fn = total(self.tp), total(self.fp), total(self.fn)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[GoldDoc], model_name: str) -> tuple[Score, Score]:
    """Score the wirewatch tagger and the bare spaCy model; returns (wirewatch, spacy)."""
    from streams.tagging.tagger import Tagger

    tagger = Tagger(model_name)
    articles = [d.article(i) for i, d in enumerate(docs)]
    tagged = tagger.tag_stream(articles, chunk=32)
    ours = Score.of((wirewatch_spans(t), d) for t, d in zip(tagged, docs, strict=True))
    texts = [ArticleText.of(a) for a in articles]
    bare_docs = tagger.nlp.pipe((t.text for t in texts), batch_size=32)
    bare = Score.of((spacy_spans(doc, t), d)
                    for doc, t, d in zip(bare_docs, texts, docs, strict=True))
    return ours, bare


def render(ours: Score, bare: Score, model_name: str, console: Console,
           title: str = "CoNLL-2003 dev") -> None:
    """Print the side-by-side table."""
    table = Table(title=f"{title}, span-level ({model_name})")
    table.add_column("type")
    for who in ("wirewatch", "bare spaCy"):
        for m in ("P", "R", "F1"):
            table.add_column(f"{who} {m}", justify="right")
    for etype in (*ours.types, None):
        row = [etype or "micro"]
        for score in (ours, bare):
            row += [f"{v:.3f}" for v in score.prf(etype)]
        table.add_row(*row, style="bold" if etype is None else None)
    console.print(table)


def render_errors(score: Score, top: int, console: Console) -> None:
    """Print the ``top`` most frequent errors (false positives, misses, wrong types)."""
    for error, count in score.errors.most_common(top):
        console.print(f"{count:4d}  {error}", markup=False, highlight=False)


@click.command(name="ner")
@click.option("--set", "which", type=click.Choice(["dev", "team"]), default="dev", show_default=True,
              help="dev: CoNLL-2003 dev (PER/ORG/LOC); team: the frozen team set's entities "
                   "(PERSON/ORG/GROUP, data/places/frozen).")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--model", "model_name", default=None, help="spaCy model (default: settings).")
@click.option("--errors", "top_errors", type=int, default=0,
              help="Also list the N most frequent errors of wirewatch.")
def ner(which: str, limit: int | None, model_name: str | None, top_errors: int) -> None:
    """Span F1 on CoNLL-2003 (PER/ORG/LOC) or the team set (PERSON/ORG/GROUP): wirewatch vs bare spaCy."""
    from core.settings import get_settings
    from wirewatch.evaluation.data import EvalDataMissing, eval_file

    if which == "team":
        from wirewatch.evaluation import ner_team

        model_name = model_name or get_settings().spacy_model
        team_docs = ner_team.read_team()
        ours, bare = ner_team.evaluate(team_docs[:limit] if limit else team_docs, model_name)
        render(ours, bare, model_name, Console(), title=f"Team set {ner_team.TEAM_SET.name}")
        render_errors(ours, top_errors, Console())
        return
    try:
        docs = read_conll(eval_file(CONLL_DEV))
    except EvalDataMissing as exc:
        raise click.ClickException(str(exc)) from exc
    model_name = model_name or get_settings().spacy_model
    ours, bare = evaluate(docs[:limit] if limit else docs, model_name)
    render(ours, bare, model_name, Console())
    render_errors(ours, top_errors, Console())
