"""People, organisations and groups: one entity per real-world referent.

The model's PERSON/ORG/NORP spans are candidates, not answers. In order:

1. candidates: model spans split at line breaks and trimmed ("the", "'s"), plus rule spans the
   model misses (initials + surname, the holder of a copyright line, team names on results
   lines, items of a list of people, bylines, names after role words "coach Mikel Arteta", an
   acting name ending in an organisation word "Islamic State claimed", :mod:`.orgheads`; the
   name of a listed armed group, cartel or gang "Tren de Aragua", :mod:`.known`);
   adjacent person spans join, a name opening with "Without" runs back ("Doctors Without
   Borders"); people's names run on across particles ("Khalil al-Hayya"), nicknames given in
   apposition are people ("known as Hemedti"); a team on a results line, a town written as a
   team in a sports report ("beat Somerset", :mod:`.sports`) and a name with an organisation cue
   ("Cofinec CEO", :mod:`.orgcues`) are organisations everywhere in the article; a span is cut
   after its title word ("Oaxaca Governor Elena Morales", :mod:`.titles`); "Russia's defence
   ministry" is a body tied to Russia (:mod:`.bodies`);
2. type rules (:mod:`.rules`): months, portfolio words of titles, common
   nouns, a body's noun alone ("Parliament"), observances, facilities and places
   (by shape, by the gazetteer, or shelled and struck; a one-word "person" that
   is a place in the article's country joins that place) are dropped,
   person-shaped "organisations" become people; then spans claimed as places,
   facility names ("Valdai palace", "the Zikim crossing"; not a listed armed group
   or an abbreviation, whose facility it is: "a Taliban checkpoint", "an ADF
   camp"), and names found only in headings are dropped;
3. referents: short forms join the full name they abbreviate ("Putin" ->
   "Vladimir Putin", also when the model called "Zelenskiy" an ORG), acronyms
   join the organisation they abbreviate, nationality words join their group;
4. recall: every other occurrence of a confirmed name or surname becomes a
   mention too, headings and all-caps lines included;
5. unnamed actors ("police", "Sudan's army", "11 people") as groups
   (:mod:`streams.tagging.entities.nominals`);
6. salience from title, lead paragraph and mention count.

A place mention that turns out to be part of a person's name ("Nusrat" in
"Nusrat Jahan Mitu") or a team ("Surrey" on a cricket results page) is
withdrawn from the article's places: the entities component reads the
places and corrects them where it has the better evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas import Entity, Place
from streams.tagging.component import Work
from streams.tagging.config import ComponentConfig, PipelineConfigError
from streams.tagging.entities.bodies import country_bodies, key_bodies
from streams.tagging.entities.candidates import (
    PLACE_LABELS,
    Candidate,
    drop_unconfirmed_headings,
    facility_names,
    is_blocked,
    joined_places,
    model_candidates,
    overlaps,
    resolve_overlaps,
)
from streams.tagging.entities.joins import (
    acronym_candidates,
    extend_back_over_openers,
    extend_people,
    join_adjacent_people,
    nicknames,
    prose_teams,
    retype_nicknames,
    role_people,
    team_candidates,
    team_spans,
)
from streams.tagging.entities.known import armed_group_candidates, canonical_of
from streams.tagging.entities.lists import list_people, retype_listed_people, scorecard_people
from streams.tagging.entities.names import given_name_run, group_name
from streams.tagging.entities.nominals import nominal_referents
from streams.tagging.entities.orgcues import cued_organisations
from streams.tagging.entities.orgheads import headed_organisations
from streams.tagging.entities.placefix import (
    add_mentions,
    store_countries,
    store_lookup,
    withdraw,
)
from streams.tagging.entities.referents import find_referents, propagate
from streams.tagging.entities.rules import (
    NOT_NAME_WORDS,
    PlaceCountries,
    PlaceLookup,
    apply_type_rules,
    drop_local_places,
)
from streams.tagging.entities.salience import build_entities
from streams.tagging.entities.sports import club_mentions, in_slug, person_clubs, sports_report
from streams.tagging.entities.titles import cut_titles
from streams.tagging.resources import RESOURCES
from streams.tagging.shared.spans import Lines, multiword_person, results_team_spans, rule_spans
from streams.tagging.shared.text import ArticleText

# A person's title just before a name ("President Clinton", "Mrs Ndlovu").
_TITLE_BEFORE = re.compile(
    r"\b(?:President|Senator|Sen\.|Governor|Gov\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Minister|Premier|"
    r"Chancellor|General|Gen\.|Judge|Mayor|Prince|Princess|King|Queen|Pope|Sheikh)\s+$")


@dataclass
class Extraction:
    """What :func:`extract_entities` found, with the reasons behind it."""

    entities: list[Entity]
    reasons: dict[str, str] = field(default_factory=dict)  # entity id -> how it got its type
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (name, why it is no entity)
    withdrawn: list[tuple[int, int]] = field(default_factory=list)  # place spans that are names
    relocated: list[tuple[int, int]] = field(default_factory=list)  # "people" that are places


class EntityExtractor:
    """The entities component: people, organisations and groups, not the places already found.

    The word lists it reads (``data/entities_groups.txt``,
    ``data/entities_given_names.txt``) are fixed in :mod:`.names`. With the
    option ``gazetteer: store`` it asks the gazetteer store whether a name
    after "in"/"near" is a place ("in Swat"); ``none`` skips that rule.
    """

    requires: tuple[str, ...] = ("places",)
    provides: tuple[str, ...] = ("entities",)

    def __init__(self, is_place: PlaceLookup | None = None,
                 place_countries: PlaceCountries | None = None) -> None:
        self.is_place = is_place
        self.place_countries = place_countries

    @classmethod
    def from_config(cls, config: ComponentConfig) -> EntityExtractor:
        kind = config.options.get("gazetteer", "none")
        if kind == "none":
            return cls()
        if kind == "store":
            return cls(RESOURCES.get("entities place lookup", "store", store_lookup),
                       RESOURCES.get("entities place countries", "store", store_countries))
        raise PipelineConfigError(f"component {config.name!r}: option gazetteer is {kind!r}; "
                                  "use 'store' or 'none'")

    def __call__(self, work: Work) -> None:
        found = self.extract(work)
        work.entities = found.entities
        if found.withdrawn:
            work.places = withdraw(work, found.withdrawn)
        if found.relocated:
            work.places = add_mentions(work, found.relocated)

    def extract(self, work: Work) -> Extraction:
        """The entities of one article, with reasons (for ``--explain``)."""
        # Toponyms the places component took are not people ("Sumy" the model calls PERSON).
        claimed = [(m.field, m.start, m.end) for p in work.places for m in p.mentions]
        countries = {work.text.text[s:e].lower() for p in work.places if p.feature == "country"
                     for s, e in map(work.text.span_of, p.mentions)}
        return extract_explained(work.doc, work.text, claimed=claimed, is_place=self.is_place,
                                 countries=sorted(countries), places=work.places,
                                 place_countries=self.place_countries)


def extract_entities(doc, text: ArticleText, *, claimed: Sequence[tuple[str, int, int]] = (),
                     is_place: PlaceLookup | None = None, countries: Sequence[str] = (),
                     places: Sequence[Place] = ()) -> list[Entity]:
    """The article's people, organisations and groups (see :func:`extract_explained`)."""
    return extract_explained(doc, text, claimed=claimed, is_place=is_place, countries=countries,
                             places=places).entities


def extract_explained(doc, text: ArticleText, *, claimed: Sequence[tuple[str, int, int]] = (),
                      is_place: PlaceLookup | None = None, countries: Sequence[str] = (),
                      places: Sequence[Place] = (),
                      place_countries: PlaceCountries | None = None) -> Extraction:
    """The article's people, organisations and groups, places excluded, with reasons.

    A place strictly inside a longer person or organisation name ("Kentucky"
    in "Kentucky State Police") does not block that name: the place is a
    place and the organisation keeps its whole name. A "name" that is only
    places joined by "and" or commas ("Kharkiv and Odesa") is no name. On sports results lines
    the model's town names are teams, not places ("BOSTON 69 66").

    Args:
        doc: the spaCy doc of ``text.text``.
        text: the article's combined text.
        claimed: ``(field, start, end)`` place mentions; no entity mention may overlap
            one, unless it strictly contains it or the article shows it is a team.
        is_place: whether the gazetteer knows a name as a place.
        countries: lower-cased names of the countries among the places: a national side
            on a results line ("England 326") stays the country.
        places: the article's places; countries among them tie unnamed groups
            ("Russian forces") to a country (:mod:`.nominals`).
        place_countries: the countries where the gazetteer knows a name as a place; a
            one-word "person" that is a place in the article's country is dropped.
    """
    full = text.text
    lines = Lines(full)
    on_results = results_team_spans(full)
    place_spans = [text.combined(f, s, e) for f, s, e in claimed]
    headed = headed_organisations(doc)  # acting names outweigh the model's place label ("M23" GPE)
    headed += armed_group_candidates(full)  # and so do the names of armed groups ("Lakurawa")
    model_places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS and group_name(e.text) is None
                    and not given_name_run(e.text) and not overlaps(e.start_char, e.end_char, [*on_results, *((c.start, c.end) for c in headed)])]
    found = rule_spans(doc, full, lines, [*place_spans, *model_places])
    # a surname on a scorecard ("Gough 3-45") is a player: names people bear are no teams
    surnames = {e.text.split()[-1].lower() for e in doc.ents if multiword_person(e)}
    surnames |= {full[s:e].split()[-1].lower() for s, e, label in found if label == "PERSON"}
    names = {full[s:e].lower() for s, e, label in found if label == "ORG" and (s, e) in on_results}
    sports = sports_report(text.title, full, on_results)
    if sports:
        names |= prose_teams(full) | person_clubs(doc, full, surnames, is_place)
    norps = {e.text.lower() for e in doc.ents if e.label_ == "NORP"}
    cued = cued_organisations(full, surnames, is_place, [*countries, *norps])  # "Cofinec CEO"
    names |= cued
    teams = team_spans(full, names - set(countries) - surnames)
    if sports:  # towns and counties written as teams ("Leicestershire beat Somerset")
        features = {text.span_of(m): p.feature for p in places for m in p.mentions}
        teams += [s for s in club_mentions(full, [(*p, features.get(p, "other")) for p in place_spans])
                  if s not in teams and full[s[0]:s[1]].lower() not in surnames]
    blocked = [p for p in [*place_spans, *model_places] if p not in teams]
    rules = [Candidate(s, e, label, rule=True, why="rule: initials, copyright holder, team or results list")
             for s, e, label in found if not (label == "PERSON" and overlaps(s, e, teams))]
    cands = [*model_candidates(doc, full), *rules]
    cands += [c for c in acronym_candidates(full, lines) if not overlaps(c.start, c.end, blocked)
              and group_name(full[c.start:c.end]) is None and not overlaps(c.start, c.end, on_results)]
    retype_listed_people(cands, full, lines, [*blocked, *teams])
    cands += list_people(full, lines, cands, blocked)  # "Stuart Law , Ricky Ponting", bylines
    cands += [c for c in scorecard_people(full) if not overlaps(c.start, c.end, blocked)]
    cands += [c for c in role_people(full, NOT_NAME_WORDS) if not overlaps(c.start, c.end, blocked)]
    cands += [c for c in headed if not is_blocked(c.start, c.end, place_spans, True)]
    bodies = country_bodies(full, [p.name for p in places if p.feature == "country"])
    cands += [c for c, _ in bodies]
    cut_titles(cands, full)  # "Oaxaca Governor Elena Morales" -> PERSON "Elena Morales"
    cands = join_adjacent_people(cands, full)
    extend_back_over_openers(cands, full)
    extend_people(cands, full)
    aliases = nicknames(cands, full)
    cands = resolve_overlaps(retype_nicknames(cands, full, aliases))
    cands = team_candidates(cands, teams, full, {n: "an organisation cue in the article (CEO, shares of, news agency ...)"
                                  for n in cued}, sports)
    extraction = Extraction([])
    cands = apply_type_rules(cands, doc, full, is_place, extraction.dropped)
    if not sports:  # in a sports report a one-word place-named "person" is a club, not a place
        codes = frozenset(p.country_code for p in places if p.country_code)
        full_names = {w.lower() for c in cands if c.label == "PERSON" and " " in (n := full[c.start:c.end])
                 for w in n.split()}
        kept = drop_local_places(cands, full, codes, place_countries, full_names, extraction.dropped)
        extraction.relocated = [(c.start, c.end) for c in cands if c not in kept]
        cands = kept
    blocked = _unblock(blocked, cands, full, sports=bool(on_results), countries=set(countries))
    surnames = {w[-1] for c in cands if c.label == "PERSON" and len(w := full[c.start:c.end].split()) > 1}
    labels = {full[c.start:c.end]: c.label for c in cands}
    facilities = facility_names({n for n, label in labels.items() if (label == "ORG" or label == "PERSON"
                                 and " " not in n and n not in surnames) and not owns_facilities(n)},
                                full)  # "the Zikim crossing"; not "a Taliban checkpoint"
    extraction.dropped += [(full[c.start:c.end], f"{c.why}; dropped: named as a facility in the article "
                            "('X crossing', 'X airport' ...)") for c in cands if full[c.start:c.end] in facilities]
    blocked += [(c.start, c.end) for c in cands if full[c.start:c.end] in facilities]
    cands = [c for c in cands if not is_blocked(c.start, c.end, blocked, c.label != "GROUP")
             and not joined_places(c.start, c.end, blocked, full)]
    cands = [c for c in drop_unconfirmed_headings(cands, full, lines, text) if not in_slug(full, c.start)]
    referents = find_referents(cands, full, aliases)
    key_bodies(referents, bodies)  # "Russia's defence ministry" -> group:russia-defence-ministry
    propagate(referents, doc, full, lines, blocked)
    named = [span for ref in referents for span in ref.spans]
    referents += nominal_referents(doc, named, places, place_spans)
    extraction.entities = build_entities(referents, text)
    why = {(c.start, c.end): c.why for c in cands}
    for ref, entity in zip(referents, _by_referent(referents, extraction.entities), strict=True):
        if entity is not None and entity.id not in extraction.reasons:
            extraction.reasons[entity.id] = next((why[s] for s in ref.spans if s in why),
                                                 "an unnamed actor or a recalled name")
    people = [s for r in referents if r.label == "PERSON" for s in r.spans]
    named = [s for r in referents if r.label == "ORG" for s in r.spans if s in teams]
    extraction.withdrawn = [p for p in place_spans if p in named or in_slug(full, p[0]) or any(
        s <= p[0] and p[1] <= e for s, e in people)]
    return extraction


def _unblock(blocked: list[tuple[int, int]], cands: list[Candidate], full: str, *, sports: bool,
             countries: set[str]) -> list[tuple[int, int]]:
    """Place claims the names themselves overrule.

    - the surname of someone the article names in full is that person
      ("Bill Clinton ... Clinton said"), not the namesake town; a name that
      opens with a given name is a person's ("Nusrat Jahan Mitu"), and so is
      a name the model reads as a person after a title ("President Clinton");
    - in an article with results lines (sport), a name the model reads as an
      organisation is the club ("Surrey captain"), unless it is a country.
    """
    surnames = {words[-1] for c in cands if c.label == "PERSON"
                and len(words := full[c.start:c.end].split()) > 1}
    titled = {b for b in blocked if _TITLE_BEFORE.search(full, max(0, b[0] - 20), b[0])
              and any((c.start, c.end) == b and c.label == "PERSON" for c in cands)}
    orgs = {(c.start, c.end) for c in cands if c.label == "ORG" and sports
            and full[c.start:c.end].lower() not in countries}
    return [b for b in blocked if full[b[0]:b[1]] not in surnames and b not in orgs and b not in titled
            and not given_name_run(full[b[0]:b[1]])]


def _by_referent(referents, entities: list[Entity]) -> list[Entity | None]:
    from streams.tagging.entities.salience import entity_id

    by_id = {e.id: e for e in entities}
    return [by_id.get(entity_id(r)) for r in referents]


# An abbreviation names a body ("ADF", "SSPDF", "VDP"), seldom a facility of its own.
_ABBREVIATION = re.compile(r"[A-Z]{2,6}")


def owns_facilities(name: str) -> bool:
    """Whether ``name`` written before a facility noun is whose the facility is, not its name:
    a listed armed group, cartel or gang, or an abbreviation ("a Taliban checkpoint", "an ADF
    camp", "an SSPDF barracks"). Dropping such a name as a facility's ("the Zikim crossing")
    took the group out of the whole article, also where it acted."""
    return canonical_of(name) is not None or _ABBREVIATION.fullmatch(name) is not None

