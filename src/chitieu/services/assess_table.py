"""``assess-table``: assess any table of target/result pairs written as officials write them.

The official verdict column, when present, is only reported (``official_status``, agreement); it is
never used to compute. Bad input raises ``ChitieuError`` naming file, row and column; nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from chitieu.assessment import Outcome, Stage, assess, status_for, verdicts_agree
from chitieu.assessment.convention_fit import VerdictCase, make_case
from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile, read_official
from chitieu.assessment.qualitative import compare_words, grade_of
from chitieu.domain import Op, Polarity, Quantity
from chitieu.grammar.text import fold
from chitieu.messages import ChitieuError, Problem, Report, msg
from chitieu.quantities import QuantityError, find_change, is_no_data, parse_change
from chitieu.services.assess_table_read import (
    COLUMN_NUMBER_RE,
    SheetGrid,
    TableLayout,
    TableSource,
    find_layout,
    open_table,
)
from chitieu.vocab.comparators import BOOLEAN_WORDS
from chitieu.vocab.polarity_cues import SECTOR_WORDS, infer_polarity
from chitieu.vocab.table_headers import POLARITY_WORDS, parse_polarity_word
from chitieu.vocab.units import looks_like_count_noun, lookup_unit
from chitieu.vocab.verdicts import Status

COMPONENT_MARKS = ("+", "-", "–", "•", "*", "·")
_GARBAGE_CHARS = set("@#$^&={}[]|\\~`<>?!;")


@dataclass(slots=True)
class TableRow:
    row: int  # 1-based, as in Excel
    indicator: str
    columns: dict[str, str]
    number: str = ""  # the table's own row number (TT/STT), when it has one
    target: str = ""
    result: str = ""
    unit: str = ""
    target_parsed: dict[str, object] | None = None
    value: float | None = None
    ratio: float | None = None
    gap: float | None = None
    gap_unit: str = ""
    status: str | None = None
    status_vi: str | None = None
    polarity: str | None = None
    polarity_inferred: bool | None = None
    polarity_reason: str = ""
    explanation: str = ""
    official_text: str | None = None
    official_status: str | None = None
    agrees: bool | None = None
    warnings: list[str] = field(default_factory=list)  # the messages of ``problems``, as printed
    problems: list[Problem] = field(default_factory=list)  # typed: code, severity, file, row, column, value
    case: VerdictCase | None = field(default=None, repr=False)  # what was compared (for learning conventions)

    def warn(self, problem: Problem) -> None:
        """Keep a typed problem of this row and its message."""
        self.problems.append(problem)
        self.warnings.append(problem.message)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {name: getattr(self, name) for name in self.__slots__ if name != "case"}
        data["problems"] = [p.to_dict() for p in self.problems]
        return data


@dataclass(slots=True)
class TableAssessment:
    path: Path
    stage: Stage
    layout: TableLayout
    table: SheetGrid
    rows: list[TableRow]

    @property
    def agreement(self) -> tuple[int, int]:
        """(rows agreeing with the official verdict, rows with both verdicts)."""
        judged = [r for r in self.rows if r.agrees is not None]
        return sum(1 for r in judged if r.agrees), len(judged)

    @property
    def report(self) -> Report:
        """Every row's problems in one report (``report.flatten()`` gives them as a table)."""
        return Report([p for r in self.rows for p in r.problems])


def _cell(row: list[str], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return (row[col] or "").strip()


def _is_column_numbering(name: str, target: str) -> bool:
    """The row under the header that numbers the columns: "(1) (2) (3)…" or "A B 1 2…"."""
    return bool(COLUMN_NUMBER_RE.match(name)) and (not target or bool(COLUMN_NUMBER_RE.match(target)))


def _is_component(name: str) -> bool:
    """A row listed under a header: starts with a bullet, or with a sector word ("Dịch vụ")."""
    s = name.strip()
    return s.startswith(COMPONENT_MARKS) or s.lower().startswith(SECTOR_WORDS)


def _quantity_dict(q: Quantity, direction: int) -> dict[str, object]:
    return {"op": q.op.value, "value": q.value, "low": q.low, "high": q.high, "unit": q.unit,
            "boolean": q.boolean, "per_year": q.per_year, "hedge": q.hedge, "direction": direction}


def _parse_target(text: str, path: Path, row: int, column: str) -> tuple[Quantity, int] | None:
    try:
        return parse_change(text)
    except (QuantityError, ValueError):
        pass
    found = find_change(text) or _boolean_prefix(text)
    if found is not None:
        return found
    if _is_prose(re.sub(r"(?<!\d)(?:19|20)\d{2}(?!\d)", " ", text)):  # words and years: "Hoàn thành năm 2025"
        return None
    raise ChitieuError("bad_target", path=path, row=row, column=column, value=text)


def _is_prose(text: str) -> bool:
    """Vietnamese words without a figure ("Từng bước nâng cao chất lượng"): not a target, but not garbage."""
    return (not any(ch.isdigit() or ch in _GARBAGE_CHARS for ch in text)
            and (any(ch.isalpha() and not ch.isascii() for ch in text) or grade_of(text) is not None))


def _boolean_prefix(text: str) -> tuple[Quantity, int] | None:
    """"Hoàn thành xây dựng trụ sở" → done; only for text without digits."""
    if any(ch.isdigit() for ch in text):
        return None
    folded = " ".join(text.lower().split())
    for word, value in sorted(BOOLEAN_WORDS.items(), key=lambda kv: -len(kv[0])):
        if len(word) > 3 and (folded == word or folded.startswith(word + " ")):
            return Quantity(op=Op.DONE, boolean=value, text=text), 0
    return None


def _parse_result(text: str) -> tuple[Quantity, int] | None:
    if is_no_data(text):
        return None
    try:
        return parse_change(text)
    except (QuantityError, ValueError):
        pass
    return find_change(text) or _boolean_prefix(text)


def _check_unit(text: str, path: Path, row: int, column: str, out: TableRow) -> str:
    """Catalogue unit → canonical; other words → accepted with a warning; garbage → error."""
    text = text.strip().strip("()[] ")  # "(%)"
    if not text or is_no_data(text):  # "-", "x" in the unit column of yes/no rows
        return ""
    text = re.sub(r"^1[.,]?000\s+", "nghìn ", text)
    known = lookup_unit(text)
    if known is not None:
        return known.canonical
    garbage = not any(ch.isalpha() for ch in text) or any(ch in _GARBAGE_CHARS for ch in text)
    if not garbage and (looks_like_count_noun(text) or sum(ch.isalpha() for ch in text) >= 2):
        out.warn(Problem.make("table_unit_warning", severity="warning", path=path, row=row, column=column, value=text))
        return text.strip()
    raise ChitieuError("unknown_unit", path=path, row=row, column=column, value=text)


def official_status(text: str | None, profile: ConventionProfile = DEFAULT_PROFILE,
                    stage: Stage = Stage.FINAL) -> Status | None:
    """The official verdict cell as a status (``chitieu.assessment.conventions.read_official``)."""
    return read_official(text, profile, stage)


def _assess_words(out: TableRow, target_text: str, result_text: str, official_text: str, stage: Stage,
                  target_col: str, profile: ConventionProfile = DEFAULT_PROFILE) -> None:
    """A target written in words only ("Nhóm khá", "Giảm so với giai đoạn trước")."""
    out.target, out.result = target_text, result_text
    outcome = compare_words(target_text, result_text) if not is_no_data(result_text) else None
    official = official_status(official_text or None, profile, stage)
    out.official_text, out.official_status = official_text or None, official.value if official else None
    if outcome is None:
        out.warn(Problem.make("table_target_words", severity="warning", row=out.row, column=target_col,
                              value=target_text))
        out.explanation = msg("explain_words_unknown", target=target_text, value=result_text)
        return
    status = status_for(outcome, stage)
    out.case = VerdictCase(out.row, out.indicator, target_text, result_text, official_text, Quantity(text=target_text),
                           None, Polarity.HIGHER_BETTER, "", stage, fixed_outcome=outcome)
    out.status, out.status_vi = status.value, status.label_vi
    out.polarity, out.polarity_inferred = Polarity.HIGHER_BETTER.value, True
    out.polarity_reason = msg("polarity_words")
    deadline_phrase = status.label_vi.lower() if outcome is Outcome.MISSED else msg(f"verdict_{status.value}")
    out.explanation = msg("explain_words", value=result_text, target=target_text, verdict=deadline_phrase)
    out.agrees = verdicts_agree(status, official)


class TableRun:
    """One pass over a table: rows are read and assessed one at a time (any size, bounded memory).

    Iterating yields ``(index, cells, row)`` for every input row in order — ``index`` 0-based, ``cells``
    the row as text, ``row`` its ``TableRow`` (``None`` above the header and for blank rows). The
    agreement counts grow as rows go by; at the end a table without one judged row raises
    ``empty_table``. A run can be iterated once.
    """

    def __init__(self, path: Path | str, stage: Stage = Stage.FINAL,
                 on_row: Callable[[TableRow], None] | None = None,
                 profile: ConventionProfile = DEFAULT_PROFILE) -> None:
        self.profile = profile
        self.on_row = on_row  # called with each judged or explained row as it is made (warnings, progress)
        self.source: TableSource = open_table(Path(path))
        self.path = self.source.path
        self.stage = stage
        self.layout = find_layout(self.source.head_grid)
        self.width = max((len(r) for r in self.source.head), default=0)
        self.rows_read = 0
        self.judged = 0
        self.agree = 0
        self.compared = 0

    @property
    def agreement(self) -> tuple[int, int]:
        """(rows agreeing with the official verdict, rows with both verdicts) so far."""
        return self.agree, self.compared

    def __iter__(self) -> Iterator[tuple[int, list[str], TableRow | None]]:
        layout = self.layout
        header = layout.headers
        names = [h or msg("column_number", number=i + 1) for i, h in enumerate(header)]
        number_col = next((i for i, r in layout.roles.items() if r == "number"), None)
        state = _RowState()
        for index, cells in enumerate(self.source.rows()):
            self.rows_read = index + 1
            if index <= layout.header_row or not any(c.strip() for c in cells):
                yield index, cells, None
                continue
            out = _assess_row(self, cells, index + 1, names, number_col, state)
            if out is not None:
                if self.on_row is not None:
                    self.on_row(out)
                if out.status is not None:
                    self.judged += 1
                if out.agrees is not None:
                    self.compared += 1
                    self.agree += out.agrees
            yield index, cells, out
        if not self.judged:
            raise ChitieuError("empty_table", path=self.path)


@dataclass(slots=True)
class _RowState:
    current_header: str = ""


def assess_table(path: Path | str, stage: Stage = Stage.FINAL,
                 profile: ConventionProfile = DEFAULT_PROFILE) -> TableAssessment:
    """Read and assess a table whole under ``profile``; rows come back in input order (blank rows left out).

    For large tables use ``TableRun`` and the ``write_assessed_*`` writers, which stream.
    """
    run = TableRun(path, stage, profile=profile)
    grid: list[list[str]] = []
    rows: list[TableRow] = []
    for _index, cells, row in run:
        grid.append(cells)
        if row is not None:
            rows.append(row)
    return TableAssessment(run.path, stage, run.layout, SheetGrid(run.path, grid), rows)


def _assess_row(run: TableRun, cells: list[str], excel_row: int, names: list[str], number_col: int | None,
                state: _RowState) -> TableRow | None:
    """One data row judged; ``None`` for rows that are not data (a repeated header, column numbers)."""
    layout, stage, path = run.layout, run.stage, run.path
    header = layout.headers
    target_from_name = layout.target is None
    name = _cell(cells, layout.indicator)
    columns = {names[i]: (cells[i] if i < len(cells) else "") for i in range(len(names))}
    out = TableRow(row=excel_row, indicator=name, columns=columns, number=_cell(cells, number_col))
    if fold(name) == fold(header[layout.indicator]) or _is_column_numbering(name, _cell(cells, layout.target)):
        return None  # header repeated after a page break, or the "(1) (2) (3)" column-number row
    target_text = name if target_from_name else _cell(cells, layout.target)
    target_col = header[layout.indicator] if target_from_name else header[layout.target]  # type: ignore[index]
    if target_from_name and find_change(name, last=True) is None:
        target_text = ""
    if not target_text:
        if not target_from_name:
            state.current_header = name or state.current_header
        out.explanation = msg("table_row_header") if name else msg("table_row_note")
        return out
    if is_no_data(target_text):  # "x", "-": the row has no target of its own
        out.target = target_text
        out.explanation = msg("table_target_missing", row=excel_row, column=target_col, value=target_text)
        return out
    if not _is_component(name):
        state.current_header = ""  # a header's scope ends at the first row that is not one of its parts
    parsed_target = (find_change(name, last=True) if target_from_name
                     else _parse_target(target_text, path, excel_row, target_col))
    if parsed_target is None:  # words only: a grade or a bare direction, else shown and not assessed
        _assess_words(out, target_text, _cell(cells, layout.result), _cell(cells, layout.verdict), stage,
                      target_col, run.profile)
        return out
    target, target_dir = parsed_target
    if target_from_name:
        target_text = target.text  # the part of the name that states the target
    result_text = _cell(cells, layout.result)
    unit_col = header[layout.unit] if layout.unit is not None else "unit"
    unit = _check_unit(_cell(cells, layout.unit), path, excel_row, unit_col, out)
    try:
        parsed = _parse_result(result_text)
        if parsed is None and result_text and not is_no_data(result_text):
            out.warn(Problem.make("table_result_unreadable", severity="warning", path=path, row=excel_row,
                                  column=header[layout.result], value=result_text))
        polarity, inferred, reason = _polarity(cells, layout, path, excel_row, name,
                                               replace(target, text=target_text),  # cues read the whole cell
                                               state.current_header if _is_component(name) else None)
        use_unit = target.unit or unit or (parsed[0].unit if parsed else "")
        a = assess(target, parsed[0] if parsed else None, polarity=polarity, stage=stage, unit=use_unit,
                   indicator_code=str(excel_row), target_direction=target_dir,
                   lead="lead_forecast" if stage is Stage.FORECAST else "lead_actual",
                   result_direction=parsed[1] if parsed else 0, profile=run.profile)
        official_text = _cell(cells, layout.verdict) or None
        official = official_status(official_text, run.profile, stage)
        out.target, out.result, out.unit = target_text, result_text, unit or target.unit or use_unit
        out.target_parsed = _quantity_dict(target, target_dir)
        out.value, out.gap, out.gap_unit = a.value, None if a.gap is None else round(a.gap, 4), a.gap_unit
        out.ratio = None if a.ratio is None else round(a.ratio, 1)
        out.status, out.status_vi, out.explanation = a.status.value, a.status_vi, a.explanation
        out.polarity, out.polarity_inferred, out.polarity_reason = polarity.value, inferred, reason
        out.official_text, out.official_status = official_text, official.value if official else None
        out.agrees = verdicts_agree(a.status, official)
        out.case = make_case(excel_row, name, target_text, result_text, official_text or "", target,
                             parsed[0] if parsed else None, polarity=polarity, unit=use_unit, stage=stage,
                             target_direction=target_dir, result_direction=parsed[1] if parsed else 0)
    except ChitieuError:
        raise
    except (ArithmeticError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        # one odd row must not sink the table: it comes back unjudged, with the reason
        out.target, out.result = target_text, result_text
        failed = Problem.make("table_row_failed", severity="warning", path=path, row=excel_row,
                              reason=f"{type(exc).__name__}: {exc}")
        out.explanation = failed.message
        out.warn(failed)
    return out


def _polarity(
    cells: list[str], layout: TableLayout, path: Path, row: int, name: str, target: Quantity, parent: str | None
) -> tuple[Polarity, bool, str]:
    given = _cell(cells, layout.polarity)
    if given and parse_polarity_word(given) is None and is_no_data(given):
        given = ""  # "x", "…": nothing said, infer it
    if given:
        polarity = parse_polarity_word(given)
        if polarity is None:
            raise ChitieuError("bad_polarity", path=path, row=row, column=layout.headers[layout.polarity or 0],
                               value=given, accepted=", ".join(sorted({p.value for p in POLARITY_WORDS.values()})))
        return polarity, False, msg("polarity_given")
    polarity, reason = infer_polarity(name, target, parent)
    return polarity, True, reason
