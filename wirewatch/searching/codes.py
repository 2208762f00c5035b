"""The codes a filter may name: PLOVER categories and subtypes (from ``schemas``).

A typo must not look like "no results": :func:`check_codes` turns an unknown
code into an error that lists the valid ones (``wirewatch codes`` prints them).
"""

from __future__ import annotations

from schemas import PLOVER_CATEGORIES, SUBTYPES

CODE_KINDS: dict[str, tuple[str, ...]] = {"category": PLOVER_CATEGORIES, "subtype": SUBTYPES}


class UnknownCode(ValueError):
    """A ``--category`` or ``--subtype`` that the taxonomy does not have."""


def check_codes(kind: str, values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """``values`` upper-cased, once each, in order; unknown ones raise with the valid list.

    Raises:
        UnknownCode: a value is not a code of ``kind``; the message lists the valid codes
            and the closest one when there is a close one.
    """
    import difflib

    valid = CODE_KINDS[kind]
    checked: list[str] = []
    for value in values:
        code = value.strip().upper().replace("-", "_").replace(" ", "_")
        if code not in valid:
            close = difflib.get_close_matches(code, valid, n=1, cutoff=0.75)
            hint = f" Did you mean {close[0]}?" if close else ""
            raise UnknownCode(f"unknown {kind} {value!r}.{hint} Valid {kind} codes: {', '.join(valid)} "
                              "(wirewatch codes lists them).")
        if code not in checked:
            checked.append(code)
    return tuple(checked)
