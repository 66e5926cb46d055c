"""Typed reading of one registry row: every accessor reports a ``Problem`` instead of raising."""

from __future__ import annotations

import math
import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from chitieu.domain import Provenance
from chitieu.messages import Problem, Report
from chitieu.numbers import NumberFormatError, parse_number
from chitieu.registry.schema import accepted_choices, choice_of
from chitieu.registry.tables import RawRow, RawTable
from chitieu.vocab.units import looks_like_count_noun, looks_like_share_of, lookup_unit

E = TypeVar("E", bound=StrEnum)
_VN_DATE_RE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


class Cells:
    """One raw row with typed accessors; ``failed`` is set when any error was reported for the row."""

    def __init__(self, table: RawTable, row: RawRow, report: Report) -> None:
        self.path = table.label
        self.row = row.number
        self.cells = row.cells
        self.report = report
        self.failed = False

    def problem(self, code: str, column: str | None = None, severity: str = "error", **fields: object) -> None:
        self.report.add(Problem.make(code, severity=severity, path=self.path, row=self.row, column=column, **fields))
        if severity == "error":
            self.failed = True

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.problem("missing_value", column)
        return value

    def optional(self, column: str) -> str | None:
        return self.text(column) or None

    def number(self, column: str) -> float | None:
        raw = self.text(column)
        if not raw:
            return None
        try:
            value = parse_number(raw.rstrip("%").strip())
        except NumberFormatError:
            self.problem("bad_number", column, value=raw)
            return None
        if not math.isfinite(value):
            self.problem("bad_number", column, value=raw)
            return None
        return value

    def integer(self, column: str, default: int | None = None) -> int | None:
        raw = self.text(column)
        value = self.number(column)
        if value is None:
            return default if not raw else None
        if not value.is_integer():
            self.problem("bad_number", column, value=raw)
            return None
        return int(value)

    def year(self, column: str) -> int | None:
        raw = self.text(column)
        if not raw:
            return None
        if not re.fullmatch(r"\d{4}", raw) or not 1900 <= int(raw) <= 2200:
            self.problem("bad_year", column, value=raw)
            return None
        return int(raw)

    def day(self, column: str) -> date | None:
        raw = self.text(column)
        if not raw:
            return None
        try:
            match = _VN_DATE_RE.match(raw)
            if match:  # 15/10/2020 as Vietnamese write it
                return date(int(match[3]), int(match[2]), int(match[1]))
            return date.fromisoformat(raw)
        except ValueError:
            self.problem("bad_date", column, value=raw)
            return None

    def choice(self, column: str, enum: type[E], default: E | None, code: str = "bad_choice") -> E | None:
        raw = self.text(column)
        if not raw:
            return default
        found = choice_of(enum, raw)
        if found is None:
            self.problem(code, column, value=raw, accepted=accepted_choices(enum))
        return found

    def unit(self, column: str) -> str:
        """A unit cell: known to the catalogue, plainly a counted noun or a share of a named base ("% GDP"),
        else an error."""
        raw = self.text(column)
        if raw and lookup_unit(raw) is None and not looks_like_count_noun(raw) and not looks_like_share_of(raw):
            self.problem("unknown_unit", column, value=raw)
        return raw

    def provenance(self) -> Provenance | None:
        """The row's source; the caller checks that source_document names a known document."""
        code = self.text("source_document")
        location, quote = self.text("source_location"), self.text("source_quote")
        if not code:
            if location or quote:
                self.problem("missing_value", "source_document")
            return None
        return Provenance(document=code, location=location, quote=quote)
