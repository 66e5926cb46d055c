"""The appendix table as plain data (pure: no I/O, no writer libraries).

``build_appendix`` turns a plan bundle and two assessment runs (as of a year, and the forecast to
the end of the term) into the rows of the official table: group rows (I, II, …), numbered
indicators, header rows such as "Cơ cấu kinh tế" and their component rows, each with the target
as written and two result blocks (result, % of target, verdict). The XLSX and DOCX writers only
lay these rows out; every number shown is already formatted the Vietnamese way here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from chitieu.assessment.as_of import first_year
from chitieu.assessment.tolerance import is_rate
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.indicators import Indicator, IndicatorGroup, Polarity
from chitieu.domain.observations import Period
from chitieu.domain.quantity import Op
from chitieu.domain.targets import Target
from chitieu.numbers import format_number
from chitieu.reports import labels
from chitieu.reports.filing import Filing, FilingDetails, filing_for
from chitieu.reports.summary import count_statuses, summary_paragraph
from chitieu.vocab.verdicts import Status


class AssessedRow(Protocol):
    """What the table needs from one assessment row (``chitieu.assessment.AssessmentRow``); read-only."""

    @property
    def code(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def value_text(self) -> str: ...
    @property
    def ratio(self) -> float | None: ...
    @property
    def status(self) -> str: ...  # a Status code ("exceeded", …); a Status works too (StrEnum)
    @property
    def period(self) -> str: ...  # the period of the figure judged ("2021-2023", "2024"), "" when none


class RowKind(StrEnum):
    GROUP = "group"  # "I  Các chỉ tiêu về kinh tế"
    INDICATOR = "indicator"  # a row with a target
    HEADER = "header"  # a parent row listing components ("Cơ cấu kinh tế")
    COMPONENT = "component"  # a row under a header


@dataclass(frozen=True, slots=True)
class ResultCell:
    """One result block of one row: the value, % of target and verdict, raw and as shown."""

    value: float | None = None
    value_text: str = ""
    ratio: float | None = None  # percent of target (73.1), None when the table shows none
    ratio_text: str = ""  # "73,1%"
    status: Status | None = None
    status_vi: str = ""


@dataclass(frozen=True, slots=True)
class AppendixRow:
    kind: RowKind
    number: str
    name: str
    code: str = ""
    unit: str = ""
    target_text: str = ""
    target_value: float | None = None
    polarity: Polarity = Polarity.HIGHER_BETTER
    level: int = 0  # 0 group, 1 indicator/header, 2 component
    midterm: ResultCell = field(default_factory=ResultCell)
    final: ResultCell = field(default_factory=ResultCell)
    chart_midterm: float | None = None  # % of target used by the charts (all units)
    chart_final: float | None = None

    @property
    def is_assessed(self) -> bool:
        return self.kind in (RowKind.INDICATOR, RowKind.COMPONENT) and bool(self.target_text)


@dataclass(frozen=True, slots=True)
class ResultBlock:
    title: str  # "Ước thực hiện giai đoạn 2021 - 2023"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GroupChart:
    """% of target by indicator for one group: the data behind one chart."""

    number: str
    name: str
    labels: tuple[str, ...]
    midterm: tuple[float | None, ...]
    final: tuple[float | None, ...]


@dataclass(slots=True)
class AppendixTable:
    plan_code: str
    title: str
    subtitle: str
    target_column: str
    verdict_column: str
    midterm_block: ResultBlock
    final_block: ResultBlock
    rows: list[AppendixRow]
    summary: str
    charts: list[GroupChart]
    filing: Filing | None = None  # header block, "Phụ lục số …", "(Kèm theo …)", signature
    @property
    def assessed_rows(self) -> list[AppendixRow]:
        return [r for r in self.rows if r.is_assessed]


CHART_LABEL_MAX = 42


def build_appendix(
    bundle: PlanBundle,
    midterm: Sequence[AssessedRow],
    final: Sequence[AssessedRow],
    *,
    as_of: int,
    filing: FilingDetails | None = None,
) -> AppendixTable:
    """The official appendix rows for ``bundle`` from the as-of run and the forecast run.

    The lines around the table (header block, appendix number, attachment line, signature) follow the
    plan's issuer (state or Party layout) and ``filing``; placeholders "…" where it says nothing.
    """
    plan = bundle.plan
    mid_by_code = {r.code: r for r in midterm}
    end_by_code = {r.code: r for r in final}
    shown = _with_targets(bundle)
    rows: list[AppendixRow] = []
    for number, group, depth in _walk_groups([g for g in bundle.groups if _has_rows(bundle, g, shown)]):
        rows.append(AppendixRow(RowKind.GROUP, number, group.name, code=group.code, level=depth))
        members = [i for i in bundle.indicators if i.group_code == group.code and i.code in shown]
        rows.extend(_indicator_rows(bundle, members, mid_by_code, end_by_code))
    group_codes = {g.code for g in bundle.groups}
    ungrouped = [i for i in bundle.indicators if i.group_code not in group_codes and i.code in shown]
    rows.extend(_indicator_rows(bundle, ungrouped, mid_by_code, end_by_code))

    mid_block, end_block = _blocks(bundle, as_of, midterm, final)
    assessed = [r for r in rows if r.is_assessed]
    summary = summary_paragraph(
        count_statuses(r.midterm.status for r in assessed),
        count_statuses(r.final.status for r in assessed),
        year=as_of,
        end_year=end_block.end,
        total=len(assessed),
    )
    return AppendixTable(
        plan_code=plan.code,
        title=f"{labels.TITLE_PREFIX} {plan.title.upper()}".strip(),
        subtitle=plan.number,
        target_column=labels.TARGET_COLUMN[plan.kind],
        verdict_column=labels.VERDICT_COLUMN[plan.kind],
        midterm_block=mid_block,
        final_block=end_block,
        rows=rows,
        summary=summary,
        charts=_charts(rows),
        filing=filing_for(plan, filing),
    )


def _with_targets(bundle: PlanBundle) -> set[str]:
    """Codes of indicators that belong in the table: those with a target and their ancestors."""
    parent_of = {i.code: i.parent_code for i in bundle.indicators}
    shown: set[str] = set()
    for target in bundle.targets:
        code: str | None = target.indicator_code
        while code is not None and code in parent_of and code not in shown:
            shown.add(code)
            code = parent_of[code]
    return shown


def _has_rows(bundle: PlanBundle, group: IndicatorGroup, shown: set[str]) -> bool:
    """A group is printed when it (or a group nested in it) holds a shown indicator."""
    codes = {group.code}
    grew = True
    while grew:
        inner = {g.code for g in bundle.groups if g.parent_code in codes} - codes
        grew = bool(inner)
        codes |= inner
    return any(i.group_code in codes and i.code in shown for i in bundle.indicators)


def _walk_groups(groups: Sequence[IndicatorGroup]) -> Iterable[tuple[str, IndicatorGroup, int]]:
    """Groups depth-first; top-level groups numbered I, II, …, nested ones 1., 2., …"""
    known = {g.code for g in groups}
    children: dict[str | None, list[IndicatorGroup]] = {}
    for g in groups:
        parent = g.parent_code if g.parent_code in known else None
        children.setdefault(parent, []).append(g)

    def visit(parent: str | None, depth: int) -> Iterable[tuple[str, IndicatorGroup, int]]:
        for index, g in enumerate(sorted(children.get(parent, []), key=lambda g: (g.order, g.code)), 1):
            yield (labels.roman(index) if depth == 0 else f"{index}."), g, depth
            yield from visit(g.code, depth + 1)

    return visit(None, 0)


def _ordered(indicators: Sequence[Indicator]) -> list[tuple[Indicator, bool, bool]]:
    """(indicator, is_header, is_component) in table order: each parent followed by its components."""
    codes = {i.code for i in indicators}
    parents = {i.parent_code for i in indicators if i.parent_code in codes}
    by_parent: dict[str | None, list[Indicator]] = {}
    for ind in indicators:
        by_parent.setdefault(ind.parent_code if ind.parent_code in codes else None, []).append(ind)
    out: list[tuple[Indicator, bool, bool]] = []

    def visit(parent: str | None) -> None:
        for ind in sorted(by_parent.get(parent, []), key=lambda i: (i.order, i.code)):
            out.append((ind, ind.code in parents, parent is not None))
            visit(ind.code)

    visit(None)
    return out


def _indicator_rows(
    bundle: PlanBundle,
    indicators: Sequence[Indicator],
    mid_by_code: dict[str, AssessedRow],
    end_by_code: dict[str, AssessedRow],
) -> list[AppendixRow]:
    rows: list[AppendixRow] = []
    seen_numbers: set[str] = set()
    for ind, is_header, is_component in _ordered(indicators):
        number = ind.number if ind.number and ind.number not in seen_numbers else ""
        if ind.number:
            seen_numbers.add(ind.number)
        target = bundle.current_target(ind.code)
        target_text = target_text_of(target) if target is not None else ""
        if is_header and not target_text:
            kind = RowKind.HEADER
        else:
            kind = RowKind.COMPONENT if is_component else RowKind.INDICATOR
        mid, end = mid_by_code.get(ind.code), end_by_code.get(ind.code)
        unit = ind.unit or (target.unit if target is not None else "")
        rows.append(
            AppendixRow(
                kind=kind,
                number=number,
                name=ind.name,
                code=ind.code,
                unit=unit,
                target_text=target_text,
                target_value=target.value if target is not None else None,
                polarity=ind.polarity,
                level=2 if is_component else 1,
                midterm=result_cell(mid, unit) if kind is not RowKind.HEADER else ResultCell(),
                final=result_cell(end, unit) if kind is not RowKind.HEADER else ResultCell(),
                chart_midterm=mid.ratio if mid is not None else None,
                chart_final=end.ratio if end is not None else None,
            )
        )
    return rows


def target_text_of(target: Target) -> str:
    """The target as written; rebuilt from op and numbers when the source text is missing."""
    if target.text:
        return target.text
    if target.op is Op.RANGE and target.low is not None and target.high is not None:
        return f"{format_number(target.low)}-{format_number(target.high)}"
    if target.op is Op.DONE:
        return "Hoàn thành"
    return f"{target.op.symbol}{format_number(target.value)}"


def ratio_text(ratio: float | None) -> str:
    """% of target the way the official table prints it: "73,1%", "100%"."""
    if ratio is None:
        return ""
    return format_number(round(ratio, 1)) + "%"


def result_cell(row: AssessedRow | None, unit: str) -> ResultCell:
    """The cells of one block; % of target only for absolute quantities (not for rates), as officials do."""
    if row is None:
        return ResultCell()
    text = row.value_text or format_number(row.value)
    ratio = row.ratio if row.ratio is not None and not is_rate(unit, row.value) else None
    status = Status(row.status) if row.status else Status.NO_DATA
    shown = status if status is not Status.NO_DATA else None
    return ResultCell(
        value=row.value,
        value_text=text,
        ratio=ratio,
        ratio_text=ratio_text(ratio),
        status=status,
        status_vi=shown.label_vi if shown is not None else "",
    )


def _blocks(bundle: PlanBundle, as_of: int, midterm: Sequence[AssessedRow],
            final: Sequence[AssessedRow]) -> tuple[ResultBlock, ResultBlock]:
    """The two result blocks, named after the periods the judged figures actually cover (the most common
    among the rows with data: "2021-2023", "2024"); without any, after the term up to ``as_of`` and the term."""
    plan = bundle.plan
    term_end = plan.term_end if plan.term_end is not None else as_of
    first = first_year(plan.term_start, plan.term_end)
    mid_default = (first, as_of) if first is not None and first <= as_of else (as_of, as_of)
    end_default = (plan.term_start if plan.term_start is not None else term_end, term_end)
    mid = _common_period(midterm) or mid_default
    end = _common_period(final) or end_default
    return _block(*mid), _block(*end)


def _block(start: int, end: int) -> ResultBlock:
    title = labels.BLOCK_TITLE_YEAR.format(year=end) if start == end else labels.BLOCK_TITLE.format(start=start, end=end)
    return ResultBlock(title, start, end)


def _common_period(rows: Sequence[AssessedRow]) -> tuple[int, int] | None:
    """The period most rows with data were judged on (ties: the latest, then the longest)."""
    spans: Counter[tuple[int, int]] = Counter()
    for row in rows:
        text = str(getattr(row, "period", "") or "")
        if not text or row.status in (Status.NO_DATA, Status.NO_DATA.value):
            continue
        if getattr(row, "forecast_method", None) not in (None, "given_estimate"):
            continue  # projected by chitieu to the deadline: not a period the documents report
        try:
            period = Period.parse(text)
        except ValueError:
            continue
        spans[(period.start, period.end)] += 1
    if not spans:
        return None
    return max(spans.items(), key=lambda item: (item[1], item[0][1], -item[0][0]))[0]


def short_label(name: str, limit: int = CHART_LABEL_MAX) -> str:
    """An indicator name cut at a word boundary for chart axes."""
    clean = name.lstrip("+-– ").strip().rstrip(":")
    if len(clean) <= limit:
        return clean
    cut = clean[: limit - 1].rsplit(" ", 1)[0].rstrip(",;")
    return cut + "…"


def _charts(rows: Sequence[AppendixRow]) -> list[GroupChart]:
    """One chart per top-level group: % of target of its higher-is-better indicators.

    Lower-is-better and structure indicators are left out: their "% of target" reads the wrong way.
    """
    charts: list[GroupChart] = []
    current: AppendixRow | None = None
    members: list[AppendixRow] = []

    def flush() -> None:
        if current is not None and members:
            charts.append(
                GroupChart(
                    number=current.number,
                    name=current.name,
                    labels=tuple(short_label(r.name) for r in members),
                    midterm=tuple(r.chart_midterm for r in members),
                    final=tuple(r.chart_final for r in members),
                )
            )

    for row in rows:
        if row.kind is RowKind.GROUP and row.level == 0:
            flush()
            current, members = row, []
        elif (
            row.is_assessed
            and row.polarity is Polarity.HIGHER_BETTER
            and (row.chart_midterm is not None or row.chart_final is not None)
        ):
            members.append(row)
    flush()
    return charts
