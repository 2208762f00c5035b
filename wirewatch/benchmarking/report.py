"""Benchmark figures: one report per benchmark, printed as a table or as JSON.

Every report carries the machine's core count and its load average when the
figures were taken: on a shared machine the same code gives other figures
under other load, so a figure without its load means little.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Target:
    """A goal for a figure: ``value >= bound`` (``at_least``) or ``value <= bound``."""

    bound: float
    at_least: bool = True

    def met(self, value: float) -> bool:
        """Whether ``value`` reaches the goal."""
        return value >= self.bound if self.at_least else value <= self.bound

    def __str__(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.bound:g}"


@dataclass(frozen=True)
class Figure:
    """One measured figure."""

    name: str
    value: float | int | None
    unit: str = ""
    target: Target | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None without a target or a value."""
        if self.target is None or self.value is None:
            return None
        return self.target.met(self.value)


def machine() -> dict[str, Any]:
    """Core count and 1/5/15-minute load averages of this machine."""
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = []
    return {"cores": os.cpu_count(), "load": load}


@dataclass
class Report:
    """The figures of one benchmark run, with the context that makes them comparable."""

    benchmark: str
    figures: list[Figure] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=machine)

    def add(self, name: str, value: float | int | None, unit: str = "", *, target: Target | None = None,
            note: str = "") -> None:
        """Add a figure (``value`` None: not measured, say why in ``note``)."""
        self.figures.append(Figure(name, value, unit, target, note))

    def to_json(self) -> dict[str, Any]:
        """Plain data: ``benchmark``, ``machine``, ``context`` and one entry per figure."""
        figures = []
        for figure in self.figures:
            entry = asdict(figure)
            entry["target"] = str(figure.target) if figure.target else None
            entry["met"] = figure.met
            figures.append(entry)
        return {"benchmark": self.benchmark, "machine": self.machine, "context": self.context,
                "figures": figures}

    def lines(self) -> list[str]:
        """The report as aligned text lines: a header, then one line per figure."""
        load = "/".join(f"{x:.2f}" for x in self.machine.get("load", [])) or "n/a"
        head = [f"wirewatch bench {self.benchmark}: {self.machine.get('cores')} cores, load {load}"]
        head += [f"  {key}: {value}" for key, value in self.context.items()]
        rows = [("figure", "value", "unit", "target", "met", "note")]
        rows += [(f.name, format_value(f.value), f.unit, str(f.target) if f.target else "",
                  {True: "yes", False: "NO", None: ""}[f.met], f.note) for f in self.figures]
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        body = []
        for row in rows:
            cells = [row[0].ljust(widths[0]), row[1].rjust(widths[1]),
                     *(cell.ljust(width) for cell, width in zip(row[2:5], widths[2:5], strict=True)), row[5]]
            body.append("  ".join(cells).rstrip())
        return head + body


def format_value(value: float | int | None) -> str:
    """Numbers as people read them: ints as is, floats to 3 significant digits (at least 2 decimals below 10)."""
    if value is None:
        return "-"
    if isinstance(value, bool) or isinstance(value, int):
        return str(value)
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def emit(reports: list[Report], *, as_json: bool, echo: Callable[[str], None] = print) -> None:
    """Print reports as tables, or as one JSON document (a list of reports)."""
    if as_json:
        echo(json.dumps([r.to_json() for r in reports], indent=2))
        return
    for index, report in enumerate(reports):
        if index:
            echo("")
        for line in report.lines():
            echo(line)
