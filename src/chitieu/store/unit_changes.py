"""Store and read the successor links between org units of a workspace (inside the caller's transaction).

A write makes the workspace's links exactly the given ones: rows matched by (predecessor, successor, day)
are updated in place, new ones inserted, the rest deleted; each change is collected for the event log.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Provenance, UnitChange, UnitChangeKind
from chitieu.messages import ChitieuError, msg
from chitieu.store.models import DocumentRow, OrgUnitRow
from chitieu.store.models_units import OrgUnitChangeRow
from chitieu.store.upserts import (
    Changes,
    CodeIds,
    business_key,
    delete_row,
    provenance_columns,
    shown,
    upsert,
)


def write_unit_changes(session: Session, workspace_id: int, links: Iterable[UnitChange], changes: Changes) -> None:
    ids = CodeIds(session, workspace_id)
    code_of = {i: c for c, i in ids.org_units.items()}
    stored = {
        (r.predecessor_id, r.successor_id, r.effective_on): r
        for r in session.scalars(select(OrgUnitChangeRow).where(OrgUnitChangeRow.workspace_id == workspace_id))
    }
    kept: set[int] = set()
    for link in links:
        key = business_key(link.predecessor_code, link.successor_code, link.effective_on.isoformat())
        before_id, after_id = ids.org_units.get(link.predecessor_code), ids.org_units.get(link.successor_code)
        if before_id is None or after_id is None:
            missing = link.predecessor_code if before_id is None else link.successor_code
            raise ChitieuError("bundle_unknown_reference", plan="—", what=msg("what_unit_change", key=key), ref=missing)
        values = {"kind": link.kind.value, "weight": link.weight, "note": link.note,
                  **provenance_columns(ids, link.provenance, changes, full=False)}
        make = partial(OrgUnitChangeRow, workspace_id=workspace_id, predecessor_id=before_id, successor_id=after_id,
                       effective_on=link.effective_on)
        row = upsert(stored.get((before_id, after_id, link.effective_on)), make, values, session=session,
                      changes=changes, entity="org_unit_change", key=key, show=lambda v: shown(v, ids))
        session.flush()
        kept.add(row.id)
    for (before_id, after_id, day), row in stored.items():
        if row.id not in kept:
            delete_row(session, row, changes, "org_unit_change",
                    business_key(code_of.get(before_id), code_of.get(after_id), day.isoformat()), {"kind": row.kind, "weight": row.weight})
    session.flush()


def read_unit_changes(session: Session, workspace_id: int) -> list[UnitChange]:
    """The workspace's successor links, by day then predecessor."""
    codes = dict(session.execute(select(OrgUnitRow.id, OrgUnitRow.code).where(OrgUnitRow.workspace_id == workspace_id)).all())
    documents = dict(session.execute(select(DocumentRow.id, DocumentRow.code).where(DocumentRow.workspace_id == workspace_id)).all())
    rows = session.scalars(
        select(OrgUnitChangeRow).where(OrgUnitChangeRow.workspace_id == workspace_id)
        .order_by(OrgUnitChangeRow.effective_on, OrgUnitChangeRow.id)
    )
    out: list[UnitChange] = []
    for r in rows:
        source = None
        if r.source_document_id is not None:
            source = Provenance(documents.get(r.source_document_id, str(r.source_document_id)), r.source_location, r.source_quote)
        out.append(UnitChange(codes[r.predecessor_id], codes[r.successor_id], r.effective_on, UnitChangeKind(r.kind),
                              r.weight, r.note, source))
    return out
