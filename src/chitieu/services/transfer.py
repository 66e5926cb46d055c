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
    removals: list[str] = field(default_factory=list)  # with --replace: the rows that go (or would go)
    needs_confirmation: bool = False  # --replace would delete rows and --yes was not given: nothing written
    reopened_claims: list[int] = field(default_factory=list)  # accepted claims whose row was deleted
    relinked: int = 0  # pending claims linked again to the indicators as imported

    @property
    def written(self) -> bool:
        return self.report.ok and not self.needs_confirmation


def read_registry(path: str | Path) -> tuple[Registry | None, Report]:
    """Read and validate a registry folder/workbook: the registry (None if invalid) and the report."""
    path = Path(path)
    report = Report()
    tables = read_tables(path, {t.name for t in TABLES}, report)
    registry = parse_registry(tables, report, str(path))
    return registry, report


def import_registry(session: Session, actor: Actor, path: str | Path, *, replace: bool = False,
                    confirm: bool = False) -> ImportOutcome:
    """Validate the registry at ``path`` and store all of it in the caller's unit of work, or nothing.

    Rows already stored are matched by code and updated in place (their ids, and so the links of accepted
    claims, are kept); each change is an event. Rows the file does not list are kept (a merge), unless
    ``replace``: then the plans in the file become exactly the file, and when that deletes rows they are
    listed in ``removals`` and nothing is written unless ``confirm``. Claims accepted into a deleted row
    go back to pending; pending claims are linked again to the indicators as imported.
    """
    require(actor, Permission.EDIT_REGISTRY)  # before reading anything
    registry, report = read_registry(path)
    outcome = ImportOutcome(Path(path), report)
    if registry is None:
        return outcome
    context = {"source": Path(path).name, "mode": "replace" if replace else "merge"}
    if replace and not confirm:
        with session.begin_nested() as trial:  # what --replace would delete, then nothing written
            trial_changes = save_registry(session, actor, registry, action="registry.import", context=context)
            outcome.removals = _removals(trial_changes)
            trial.rollback()
        if outcome.removals:
            outcome.needs_confirmation = True
            return outcome
    changes: Changes = save_registry(session, actor, registry, action="registry.import", context=context,
                                     keep_absent=not replace)
    outcome.removals = _removals(changes)
    outcome.counts = registry.counts()
    outcome.changes = changes.counts()
    outcome.reopened_claims = reopen_claims(session, actor, changes)
    from chitieu.services.review_new import relink_pending

    outcome.relinked = sum(relink_pending(session, actor, code) for code in registry.contents)
    return outcome


def _removals(changes: Changes) -> list[str]:
    return [f"{c.entity} {c.key}" for c in changes.items if c.kind == "deleted"]


def reopen_claims(session: Session, actor: Actor, changes: Changes) -> list[int]:
    """Accepted claims whose target or observation was deleted go back to pending (never "accepted" into
    nothing), with an event each."""
    gone = {(c.entity, c.entity_id) for c in changes.items if c.kind == "deleted" and c.entity in ("target", "observation")}
    if not gone:
        return []
    from sqlalchemy import select

    from chitieu.services.events import record_event
    from chitieu.services.workspaces import workspace_id
    from chitieu.store.models import ClaimRow, SourceDocumentRow

    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    query = (select(ClaimRow).join(SourceDocumentRow)
             .where(SourceDocumentRow.workspace_id == ws, ClaimRow.status == "accepted"))
    reopened = []
    for claim in session.scalars(query):
        payload = dict(claim.payload or {})
        accepted = payload.get("accepted") or {}
        if (accepted.get("as"), accepted.get("id")) not in gone:
            continue
        payload.pop("accepted", None)
        payload["reopened"] = {"reason": "registry.import", "was": accepted}
        claim.status, claim.payload = "candidate", payload
        reopened.append(claim.id)
        record_event(session, actor, action="claim.reopen", entity="claim", entity_id=claim.id, key=str(claim.id),
                     before={"status": "accepted"}, after={"status": "candidate"}, reason="registry.import",
                     context={"deleted": accepted})
    return reopened


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
