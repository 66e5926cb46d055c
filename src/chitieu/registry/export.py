"""The registry as rows of the exchange format, ready for any writer (pure; the inverse of ``parse``)."""

from __future__ import annotations

from chitieu.domain import Provenance, Registry
from chitieu.messages import msg
from chitieu.numbers import format_number
from chitieu.registry.schema import TABLE_BY_NAME, TABLES
from chitieu.registry.tables import CellValue, TableData, exact_number_text


def _number(value: float | None) -> CellValue:
    return value


def _source(p: Provenance | None) -> list[CellValue]:
    return [p.document, p.location, p.quote] if p else [None, None, None]


def _text(value: object) -> CellValue:
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    return value if isinstance(value, int | float) else str(value)


def registry_tables(registry: Registry) -> TableData:
    """The registry as rows of the exchange format (only tables that have rows, plus the required ones)."""
    rows: dict[str, list[list[CellValue]]] = {t.name: [] for t in TABLES}
    for d in registry.documents:
        rows["documents"].append([d.code, d.title, _text(d.kind), _text(d.issued_on), _text(d.issuer), _text(d.note)])
    for p in registry.plans:
        rows["plans"].append(
            [p.code, p.title, p.kind.value, _text(p.number), _text(p.issued_on), _text(p.issuer), p.term_start,
             p.term_end, p.parent_code, _number(p.budget), _text(p.budget_note), *_source(registry.plan_sources.get(p.code))]
        )
    for u in registry.org_units:
        rows["org_units"].append([u.code, u.name, _text(u.kind), u.parent_code, _text(u.valid_from), _text(u.valid_to)])
    for ch in registry.unit_changes:
        rows["unit_changes"].append([ch.predecessor_code, ch.successor_code, ch.effective_on.isoformat(), ch.kind.value,
                                     _number(ch.weight), _text(ch.note), *_source(ch.provenance)])
    for code, content in registry.contents.items():
        for g in content.groups:
            rows["groups"].append([code, g.code, g.name, g.parent_code, g.order])
        for i in content.indicators:
            rows["indicators"].append(
                [code, i.code, i.name, _text(i.unit), i.polarity.value, i.group_code, i.parent_code, _text(i.number),
                 i.order, _text(i.description)]
            )
        for t in content.targets:
            rows["targets"].append(
                [code, t.indicator_code, t.version.value, t.text or _written(t.op.value, t.value, t.low, t.high),
                 t.op.value, _number(t.value), _number(t.low), _number(t.high), t.kind.value, t.start_year, t.deadline,
                 _text(t.unit), t.baseline_year, _number(t.baseline_value), *_source(t.provenance)]
            )
        for o in content.observations:
            rows["observations"].append(
                [code, o.indicator_code, o.period.label(), o.text or _written(o.op.value, o.value, None, None),
                 _number(o.value), o.op.value, o.org_unit_code, o.flag.value, _number(o.stated_ratio),
                 o.stated_verdict, *_source(o.provenance)]
            )
        for s in content.stated_counts:
            rows["stated_counts"].append([code, s.year, s.category, s.count, *_source(s.provenance)])
    for rule in registry.round_rules:
        rows["round_rules"].append([rule.plan_code, rule.rule.value, rule.indicator_code,
                                    rule.severity.value if rule.severity else None, _number(rule.limit), _text(rule.note)])
    _budget_rows(registry, rows)
    _task_rows(registry, rows)
    columns = {t.name: list(TABLE_BY_NAME[t.name].columns) for t in TABLES}
    return {
        name: (columns[name], table_rows)
        for name, table_rows in rows.items()
        if table_rows or TABLE_BY_NAME[name].required_table
    }


def _enum(value: object) -> CellValue:
    return None if value is None else str(getattr(value, "value", value))


def _budget_rows(registry: Registry, rows: dict[str, list[list[CellValue]]]) -> None:
    for c in registry.capital_plans:
        rows["capital_plans"].append(
            [c.plan_code, c.period.label(), _number(c.amount), _enum(c.source), _enum(c.kind), c.org_unit_code,
             _text(c.text), _text(c.note), *_source(c.provenance)]
        )
    for d in registry.disbursements:
        rows["disbursements"].append(
            [d.plan_code, d.period.label(), d.as_of.isoformat(), _number(d.amount), _number(d.stated_rate),
             _enum(d.source), _enum(d.kind), d.org_unit_code, d.flag.value, _text(d.text), _text(d.note),
             *_source(d.provenance)]
        )
    for t in registry.disbursement_targets:
        rows["disbursement_targets"].append(
            [t.plan_code, t.text or _written(t.op.value, t.value, t.low, t.high), t.op.value, _number(t.value),
             _number(t.low), _number(t.high), t.period.label() if t.period else None, _enum(t.source),
             _text(t.deadline), *_source(t.provenance)]
        )


def _task_rows(registry: Registry, rows: dict[str, list[list[CellValue]]]) -> None:
    for t in registry.tasks:
        rows["tasks"].append(
            [t.plan_code, t.code, t.title, _text(t.number), t.order, t.owner_unit_code, _text(t.owner),
             _text(t.deadline), t.progress.value, _text(t.completed_on), _text(t.note), *_source(t.evidence)]
        )


def _written(op: str, value: float | None, low: float | None, high: float | None) -> str:
    """A ``text`` cell for a figure stored without one (e.g. saved by code rather than imported)."""
    if op == "range":
        return f"{_exact_vi(low)}-{_exact_vi(high)}"
    if op == "done":
        return msg("value_done" if value != 0 else "value_not_done")
    symbol = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}[op]
    return f"{symbol}{_exact_vi(value)}"


def _exact_vi(value: float | None) -> str:
    """Vietnamese formatting ("2.134,6") with every decimal the value has, so re-reading gives it back."""
    if value is None:
        return ""
    exact = exact_number_text(value)
    decimals = len(exact.split(",")[1]) if "," in exact else 0
    return format_number(value, decimals)
