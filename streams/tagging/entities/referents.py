"""Referents: the candidates that name one real-world person, organisation or group.

Short forms join the full name they abbreviate ("Putin" -> "Vladimir
Putin"), acronyms join the organisation they abbreviate, nationality words
join their group; then every other occurrence of a confirmed name or
surname becomes a mention too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from streams.tagging.entities.candidates import Candidate, is_blocked, overlaps
from streams.tagging.entities.names import acronym, group_name, name_words, surname
from streams.tagging.shared.spans import Lines

# An abbreviation defined in brackets right after the name it stands for.
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&-]{1,9})\)")


@dataclass
class Referent:
    """One real-world referent: its label, the names it goes by and its mention spans."""

    label: str
    names: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    key: str | None = None  # what the id is made from, when not the name ("Russia forces")

    @property
    def name(self) -> str:
        """The canonical name: a group's own name, else the longest full name."""
        if self.label == "GROUP":
            return self.names[0]
        return max(self.names, key=lambda n: (len(name_words(n)), len(n)))


def find_referents(cands: list[Candidate], full: str,
                   aliases: dict[str, str] | None = None) -> list[Referent]:
    """Group candidates by referent: full names absorb their surnames, nicknames and acronyms.

    ``aliases`` maps a nickname to the full name it was given for ("Hemedti" ->
    "Mohamed Hamdan Dagalo").
    """
    aliases = aliases or {}
    people: dict[tuple[str, ...], Referent] = {}
    by_surname: dict[str, list[Referent]] = {}
    for c in cands:  # full names first: they define the people
        name = full[c.start:c.end]
        if c.label == "PERSON" and surname(name) and name not in aliases:
            key = tuple(name_words(name))
            ref = people.setdefault(key, Referent("PERSON"))
            ref.names.append(name)
            ref.spans.append((c.start, c.end))
            for family in _family_names(key):
                if ref not in by_surname.setdefault(family, []):
                    by_surname[family].append(ref)
    _join_tails(people, by_surname)
    others: dict[tuple[str, str], Referent] = {}
    acronyms: dict[str, Referent] = {}
    for c in cands:
        name = full[c.start:c.end]
        if c.label == "PERSON" and surname(name) and name not in aliases:
            continue
        words = name_words(name) if c.label != "GROUP" else [name]
        if c.label == "ORG" and len(words) < len(name.split()) and " ".join(words).lower() not in by_surname:
            words = name.split()  # "General Staff" is a body, not a general called Staff
        family = " ".join(words).lower()
        matches = by_surname.get(family, []) if c.label != "GROUP" and (
            len(words) == 1 or family in by_surname) else []
        if name in aliases and (owner := people.get(tuple(name_words(aliases[name])))) is not None:
            matches = [owner]
        if c.label == "GROUP":
            key = ("GROUP", group_name(name) or name)
        elif matches:  # "Putin", or "Zelenskiy" mislabelled ORG: the person named in full
            ref = _nearest(matches, c.start)
            ref.names.append(name)
            ref.spans.append((c.start, c.end))
            continue
        else:
            key = ("NAME", " ".join(words).lower())
        ref = others.setdefault(key, Referent(c.label))
        if key[0] == "GROUP" and not ref.names:
            ref.names.append(key[1])
        elif key[0] != "GROUP":
            ref.names.append(" ".join(words))
            if c.label == "PERSON":
                ref.label = "PERSON"  # a bare surname the model also called ORG stays a person
        ref.spans.append((c.start, c.end))
        if c.label == "ORG" and (abbr := acronym(name)):
            acronyms.setdefault(abbr, ref)
        if c.label == "ORG" and (defined := _DEFINED_ACRONYM.match(full, c.end)):
            # "the West Papua National Liberation Army (TPNPB)": the writer says what the letters
            # stand for, whatever language they come from
            acronyms.setdefault(defined.group(1), ref)
    for key, ref in list(others.items()):
        target = acronyms.get(ref.names[0]) if ref.label == "ORG" else None
        if target is not None and target is not ref:
            target.spans.extend(ref.spans)
            del others[key]
    return [*people.values(), *others.values()]


def _join_tails(people: dict[tuple[str, ...], Referent], by_surname: dict[str, list[Referent]]) -> None:
    """A name that is the last words of one longer full name is that person (in place).

    "Zin Oo" after "Thant Zin Oo", "Hamdan Dagalo" after "Mohamed Hamdan Dagalo": the model
    often drops the first word at a sentence start. With two longer names that end alike
    ("Ali Khan", "Imran Ali Khan" and "Asad Ali Khan") it stays apart.
    """
    for key in sorted(people, key=len):
        longer = [k for k in people if len(k) > len(key) and k[-len(key):] == key]
        if len(longer) != 1:
            continue
        short, owner = people.pop(key), people[longer[0]]
        owner.names.extend(short.names)
        owner.spans.extend(short.spans)
        for family, refs in by_surname.items():
            by_surname[family] = list({id(r): r for r in (owner if r is short else r for r in refs)}.values())


def _family_names(words: tuple[str, ...]) -> set[str]:
    """Lower-cased short forms of a full name: the surname, and the name from its first
    particle on ("Ursula von der Leyen" -> "leyen", "von der leyen"; "al-Hayya" also as "Al-Hayya")."""
    names = {words[-1].lower()}
    for i, word in enumerate(words[1:], 1):
        if word[:1].islower():
            names.add(" ".join(words[i:]).lower())
            break
    return names


def _nearest(refs: list[Referent], start: int) -> Referent:
    """Of several people sharing a surname, the one last named in full before ``start``."""
    def last_before(ref: Referent) -> int:
        return max((s for s, _ in ref.spans if s < start), default=-1)
    return max(refs, key=last_before)


def propagate(referents: list[Referent], doc, full: str, lines: Lines,
               blocked: list[tuple[int, int]]) -> None:
    """Add every other occurrence of a referent's names (and a person's surname).

    A place strictly inside an occurrence does not stop it ("Kentucky State Police");
    in all-caps lines the names are also matched upper-cased. A form two referents
    share goes to the first. One pattern serves all referents: compiling one per
    referent cost more than the rest of the component.
    """
    taken = [s for ref in referents for s in ref.spans]
    shouting = [(line.start, line.end) for line in lines.lines if line.shouting]
    owner: dict[str, Referent] = {}  # form as written -> referent
    upper: dict[str, Referent] = {}  # upper-cased form, for all-caps lines only
    for ref in referents:
        if ref.label == "GROUP":
            continue
        forms = {full[s:e] for s, e in ref.spans}
        if ref.label == "PERSON":
            forms |= {s for n in ref.names if (s := surname(n))}
        for form in forms:
            if len(form) >= 2:
                owner.setdefault(form, ref)
                upper.setdefault(form.upper(), ref)
    if not owner:
        return
    ordered = sorted({*owner, *upper} if shouting else owner, key=len, reverse=True)
    pattern = re.compile(rf"(?<![\w'’-])(?:{'|'.join(re.escape(f) for f in ordered)})(?![\w-])")
    for m in pattern.finditer(full):
        start, end = m.span()
        found = owner.get(m.group())
        if found is None and any(s <= start < e for s, e in shouting):
            found = upper.get(m.group())
        if found is not None and not overlaps(start, end, taken) \
                and not is_blocked(start, end, blocked, True) and doc.char_span(start, end) is not None:
            found.spans.append((start, end))
            taken.append((start, end))
