"""Countries named by their people: "Kenyan police", "Russian forces", "Ukrainians" -> the country.

The contract makes a nationality a GROUP entity, and the entities component keeps
it so. Geocoders in the GDELT tradition, and gold sets such as TR-News and
GeoWebNews, also count a demonym as a reference to its country. This component
adds each demonym as a mention of its country: to the country's place when the
article names it, else to a new place, with lower confidence and salience than a
named place gets. The nationality words and their countries are the third column
of ``data/entities_groups.txt`` (the list the GROUP entities come from).

It runs before the events component, which reads the places without these mentions
(:func:`named_places`), as it did when this component ran after it, so that no event
takes a country named only by its people as the place where it happened (:func:`is_demonym`
lets where.py leave such mentions out too); only a pair of countries ("the two countries")
may stand for a country named only so (events/roles.py).

The words are found by :func:`~streams.tagging.places.peoples.find_demonyms` (which says
what it leaves out); the places component reads them too, as context for the other names.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from schemas import Entity, Mention, Place, TaggedArticle
from streams.tagging.component import Work
from streams.tagging.config import ComponentConfig
from streams.tagging.places.gazetteer import Candidate, NameIndex
from streams.tagging.places.peoples import find_demonyms, is_demonym
from streams.tagging.places.resolver import load_gazetteer, place_salience
from streams.tagging.resources import RESOURCES, ResourceCache
from streams.tagging.shared.text import ArticleText

# A country known only from its demonyms is a weaker reading than a named one
# (named places get 0.05-0.99 from the resolver's margin) and matters less to the
# story: its salience is this share of what the same mentions of a name would give.
DEMONYM_CONFIDENCE = 0.4
DEMONYM_SALIENCE = 0.5
_NAMES = frozenset({"ORG", "PERSON"})


def demonym_only(place: Place) -> bool:
    """Whether the article names this place only by its people ("Kenyan police", no "Kenya")."""
    return place.feature == "country" and bool(place.mentions) \
        and all(is_demonym(m.text) for m in place.mentions)


def named_places(places: Sequence[Place]) -> list[Place]:
    """The places without their demonym mentions: what the components before this one saw
    (``--explain`` reruns them on a tagged article's places)."""
    out = []
    for place in places:
        kept = [m for m in place.mentions if place.feature != "country" or not is_demonym(m.text)]
        if len(kept) == len(place.mentions):
            out.append(place)
        elif kept:
            out.append(place.model_copy(update={"mentions": kept}))
    return out


class DemonymPlaces:
    """The demonyms component: each demonym becomes a mention of its country (see module doc)."""

    requires: tuple[str, ...] = ("places", "entities")
    provides: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: NameIndex, enabled: bool = True) -> None:
        self.gazetteer = gazetteer
        self.enabled = enabled
        self._countries: dict[str, Candidate | None] = {}  # ISO code -> country (a few hundred)

    @classmethod
    def from_config(cls, config: ComponentConfig, resources: ResourceCache = RESOURCES) -> DemonymPlaces:
        """Option ``countries`` (default true): add the countries; false leaves demonyms to the
        GROUP entities alone. The gazetteer is read like the places component's (options
        ``gazetteer`` and ``cache_dir``, default the store in the ``gazetteer_cache_dir`` setting)."""
        return cls(load_gazetteer(config, resources), bool(config.options.get("countries", True)))

    def __call__(self, work: Work) -> None:
        if self.enabled:
            work.places = self.extract(work.doc, work.text, work.places, work.entities)

    def extract(self, doc: Doc, text: ArticleText, places: Sequence[Place],
                entities: Sequence[Entity]) -> list[Place]:
        """``places`` with the article's demonyms added as mentions of their countries."""
        taken = [text.span_of(m) for p in places for m in p.mentions]
        taken += [text.span_of(m) for e in entities if e.type in _NAMES for m in e.mentions]
        added: dict[str, list[Mention]] = {}
        countries: dict[str, Place] = {}
        for start, end, code in find_demonyms(doc, taken, self.gazetteer):
            if code not in self._countries:
                self._countries[code] = self.gazetteer.country(code)
            country = self._countries[code]
            mention = text.mention(start, end)
            if country is not None and mention is not None:
                added.setdefault(country.id, []).append(mention)
                countries.setdefault(country.id, Place(
                    id=country.id, name=country.name, geonames_id=country.geonames_id,
                    feature="country", country_code=country.country_code, lat=country.lat,
                    lon=country.lon, confidence=DEMONYM_CONFIDENCE, salience=0.0))
        if not added:
            return list(places)
        out = [p.model_copy(update={"mentions": _in_order([*p.mentions, *added.pop(p.id)])})
               if p.id in added else p for p in places]
        most = max((len(p.mentions) for p in places), default=1)
        for place_id, mentions in added.items():
            salience = DEMONYM_SALIENCE * place_salience(_in_order(mentions), max(most, len(mentions)), text)
            out.append(countries[place_id].model_copy(
                update={"mentions": _in_order(mentions), "salience": round(salience, 3)}))
        return out


def _in_order(mentions: list[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (m.field != "title", m.start))


def explain_demonyms(article: TaggedArticle) -> list[str]:
    """``--explain`` lines: each demonym mention and the country it was added to."""
    lines: list[str] = []
    for place in article.places:
        only = demonym_only(place)
        for m in place.mentions:
            if is_demonym(m.text) and place.feature == "country":
                how = "known only from demonyms" if only else "also named in the article"
                lines.append(f"place: {m.text!r} from demonym -> {place.name} ({place.id}) "
                             f"confidence={place.confidence} salience={place.salience} ({how})")
    return lines

