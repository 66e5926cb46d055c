"""Import and export of the registry as a CSV folder or an XLSX workbook (docs/registry-format.md).

The file edge reads raw tables (``registry_files``); the pure exchange format (``chitieu.registry``)
validates them; the registry services store them in the caller's unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.orm import Session

from chitieu.domain import Actor, Permission, Registry
from chitieu.messages import ChitieuError, Report, msg
from chitieu.registry import TABLES, parse_registry, registry_tables
from chitieu.services.registry import load_registry, save_registry
from chitieu.services.registry_files import read_tables, write_csv_folder, write_workbook
from chitieu.services.workspaces import require
from chitieu.store.writer import Changes

ExportFormat = Literal["csv", "xlsx"]


@dataclass(slots=True)
class ImportOutcome:
    """What an import did: the validation report and, when it was valid, the counts written."""

    path: Path
    report: Report
    counts: dict[str, int] = field(default_factory=dict)
    changes: dict[str, dict[str, int]] = field(default_factory=dict)  # per entity: created/updated/deleted

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


def import_registry(session: Session, actor: Actor, path: str | Path) -> ImportOutcome:
    """Validate the registry at ``path`` and store all of it in the caller's unit of work, or nothing.

    Rows already stored are matched by code and updated in place (their ids, and so the links of
    accepted claims, are kept); each change is an event.
    """
    require(actor, Permission.EDIT_REGISTRY)  # before reading anything
    registry, report = read_registry(path)
    outcome = ImportOutcome(Path(path), report)
    if registry is None:
        return outcome
    changes: Changes = save_registry(session, actor, registry, action="registry.import",
                                     context={"source": Path(path).name})
    outcome.counts = registry.counts()
    outcome.changes = changes.counts()
    return outcome


def export_registry(
    session: Session, actor: Actor, path: str | Path, fmt: ExportFormat = "csv", plan_code: str | None = None
) -> list[Path]:
    """Write the registry (or one plan with its related plans) as a CSV folder or an XLSX workbook."""
    if fmt not in ("csv", "xlsx"):
        raise ChitieuError("bad_option", option="--format", reason=msg("choose_one", value=fmt, accepted="csv, xlsx"))
    path = Path(path)
    tables = registry_tables(load_registry(session, actor, plan_code))
    if fmt == "xlsx":
        if path.is_dir():
            raise ChitieuError("export_target_exists", path=path)
        return [write_workbook(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"), tables)]
    if path.exists() and not path.is_dir():
        raise ChitieuError("export_target_exists", path=path)
    return write_csv_folder(path, tables)
