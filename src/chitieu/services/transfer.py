"""Import and export of the registry as a CSV folder or an XLSX workbook (docs/registry-format.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from chitieu.domain import Provenance
from chitieu.messages import ChitieuError, Report
from chitieu.numbers import format_number
from chitieu.services.database import Database
from chitieu.services.registry import load_registry, save_registry
from chitieu.services.registry_files import (
    CellValue,
    TableData,
    exact_number_text,
    read_tables,
    write_csv_folder,
    write_workbook,
)
from chitieu.services.registry_parse import parse_registry
from chitieu.services.registry_schema import TABLE_BY_NAME, TABLES
from chitieu.store.records import Registry

ExportFormat = Literal["csv", "xlsx"]


@dataclass(slots=True)
class ImportOutcome:
    """What an import did: the validation report and, when it was valid, the counts written."""

    path: Path
    report: Report
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def written(self) -> bool:
        return self.report.ok


def read_registry(path: str | Path) -> tuple[Registry | None, Report]:
    """Read and validate a registry folder/workbook: the registry (None if invalid) and the report."""
    path = Path(path)
    report = Report()
    tables = read_tables(path, {t.name for t in TABLES}, report)
    registry = parse_registry(tables, report, str(path))
    return registry, report


def import_registry(database: Database, path: str | Path) -> ImportOutcome:
    """Validate the registry at ``path`` and store all of it in one transaction, or nothing at all."""
    registry, report = read_registry(path)
    outcome = ImportOutcome(Path(path), report)
    if registry is None:
        return outcome
    save_registry(database, registry, replace=True)
    outcome.counts = registry.counts()
    return outcome


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
    columns = {t.name: list(TABLE_BY_NAME[t.name].columns) for t in TABLES}
    return {
        name: (columns[name], table_rows)
        for name, table_rows in rows.items()
        if table_rows or TABLE_BY_NAME[name].required_table
    }


def _written(op: str, value: float | None, low: float | None, high: float | None) -> str:
    """A ``text`` cell for a figure stored without one (e.g. saved by code rather than imported)."""
    if op == "range":
        return f"{_exact_vi(low)}-{_exact_vi(high)}"
    if op == "done":
        return "Hoàn thành" if value != 0 else "Không hoàn thành"
    symbol = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}[op]
    return f"{symbol}{_exact_vi(value)}"


def _exact_vi(value: float | None) -> str:
    """Vietnamese formatting ("2.134,6") with every decimal the value has, so re-reading gives it back."""
    if value is None:
        return ""
    exact = exact_number_text(value)
    decimals = len(exact.split(",")[1]) if "," in exact else 0
    return format_number(value, decimals)


def export_registry(
    database: Database, path: str | Path, fmt: ExportFormat = "csv", plan_code: str | None = None
) -> list[Path]:
    """Write the registry (or one plan with its related plans) as a CSV folder or an XLSX workbook."""
    if fmt not in ("csv", "xlsx"):
        raise ChitieuError("bad_option", option="--format", reason=f"«{fmt}» (dùng csv hoặc xlsx)")
    path = Path(path)
    tables = registry_tables(load_registry(database, plan_code))
    if fmt == "xlsx":
        if path.is_dir():
            raise ChitieuError("export_target_exists", path=path)
        return [write_workbook(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"), tables)]
    if path.exists() and not path.is_dir():
        raise ChitieuError("export_target_exists", path=path)
    return write_csv_folder(path, tables)
