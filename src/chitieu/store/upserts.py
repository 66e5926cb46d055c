"""The upsert machinery of the store's writers: what a write changed (``Change``, ``Changes``, for the event
log), code ↔ id look-ups of a workspace, an upsert that keeps row ids and moves ``version`` only on a real
change, bulk inserts that give each change its row's id, and the pairing of stored rows with wanted items."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from chitieu.domain import Provenance
from chitieu.store.models import DocumentRow, OrgUnitRow, PlanRow

Row = Any  # one of the mapped row classes
R = TypeVar("R")


@dataclass(slots=True)
class Change:
    """One row created, updated or deleted; ``row`` gives the id once the session has flushed."""

    entity: str  # "plan", "indicator", "target", ...
    kind: str  # created | updated | deleted
    key: str
    row: Row
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def entity_id(self) -> int | None:
        return getattr(self.row, "id", None)


@dataclass(slots=True)
class Changes:
    """What a write did, in order; ``counts()`` says how many rows of each entity were created/updated/deleted."""

    items: list[Change] = field(default_factory=list)

    def add(self, change: Change) -> None:
        self.items.append(change)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for c in self.items:
            out.setdefault(c.entity, {"created": 0, "updated": 0, "deleted": 0})[c.kind] += 1
        return out

    def __len__(self) -> int:
        return len(self.items)


class CodeIds:
    """Code ↔ id look-ups of the workspace's documents, org units and plans."""

    def __init__(self, session: Session, workspace_id: int) -> None:
        self.session = session
        self.workspace_id = workspace_id
        self.documents = self._codes(DocumentRow)
        self.org_units = self._codes(OrgUnitRow)
        self.plans = self._codes(PlanRow)

    def _codes(self, model: Any) -> dict[str, int]:
        query = select(model.code, model.id).where(model.workspace_id == self.workspace_id)
        return dict(self.session.execute(query).all())

    def document(self, provenance: Provenance | None, changes: Changes) -> int | None:
        """Id of the cited document; an unknown code gets a placeholder document titled by its code."""
        if provenance is None or not provenance.document:
            return None
        code = provenance.document
        if code not in self.documents:
            row = DocumentRow(workspace_id=self.workspace_id, code=code, title=code, kind="", issuer="", note="")
            self.session.add(row)
            self.session.flush()
            self.documents[code] = row.id
            changes.add(Change("document", "created", code, row, None, {"code": code, "title": code}))
        return self.documents[code]

    def document_code(self, document_id: int | None) -> str | None:
        if document_id is None:
            return None
        return next((c for c, i in self.documents.items() if i == document_id), str(document_id))


def provenance_columns(ids: CodeIds, provenance: Provenance | None, changes: Changes, *, full: bool = True) -> dict[str, Any]:
    p = provenance
    values: dict[str, Any] = {
        "source_document_id": ids.document(p, changes),
        "source_location": p.location if p else "",
        "source_quote": p.quote if p else "",
    }
    if full:
        values |= {"source_page": p.page if p else None, "source_start": p.start if p else None,
                   "source_end": p.end if p else None}
    return values


def shown(values: dict[str, Any], ids: CodeIds, codes: dict[str, Callable[[Any], Any]] | None = None) -> dict[str, Any]:
    """Values as the event log shows them: the cited document by its code, other references by code too."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name == "source_document_id":
            out["source_document"] = ids.document_code(value)
        elif codes and name in codes:
            out[name.removesuffix("_id") + "_code"] = codes[name](value)
        elif name in ("workspace_id", "plan_id", "indicator_id"):
            continue
        else:
            out[name] = value
    return out


def upsert(
    row: Row | None,
    make: Callable[[], Row],
    values: dict[str, Any],
    *,
    session: Session,
    changes: Changes,
    entity: str,
    key: str,
    show: Callable[[dict[str, Any]], dict[str, Any]],
) -> Row:
    """Insert ``make()`` with ``values``, or update ``row`` in place where a value differs."""
    if row is None:
        row = make()
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
        changes.add(Change(entity, "created", key, row, None, show(values)))
        return row
    diff = {name: value for name, value in values.items() if getattr(row, name) != value}
    if diff:
        before = show({name: getattr(row, name) for name in diff})
        for name, value in diff.items():
            setattr(row, name, value)
        changes.add(Change(entity, "updated", key, row, before, show(diff)))
    return row


class Inserted:
    """Stands for a row inserted in bulk: ``id`` is set once the insert has returned it."""

    __slots__ = ("id",)

    def __init__(self) -> None:
        self.id: int | None = None


INSERT_BATCH = 2000


def insert_many(session: Session, model: Any, items: list[tuple[dict[str, Any], Change]]) -> None:
    """Insert new rows as plain multi-row INSERTs (no ORM object per row), in order, and give each change its
    row's id: on SQLite, where one transaction writes at a time and a new row's id is the largest plus one,
    the ids follow the largest id before the insert (checked); elsewhere INSERT … RETURNING in order."""
    if not items:
        return
    table = model.__table__
    defaults = {c.name: c.default.arg for c in table.columns
                if c.default is not None and c.default.is_scalar and c.name != "id"}
    sqlite = session.get_bind().dialect.name == "sqlite"
    for start in range(0, len(items), INSERT_BATCH):
        chunk = items[start:start + INSERT_BATCH]
        params = [{**defaults, **values} for values, _ in chunk]
        if sqlite:
            before = session.execute(select(func.max(table.c.id))).scalar() or 0
            session.execute(insert(table), params)
            new_ids: list[int] = list(session.execute(select(table.c.id).where(table.c.id > before).order_by(table.c.id)).scalars())
            if len(new_ids) != len(chunk) or new_ids[-1] - new_ids[0] != len(chunk) - 1:
                raise RuntimeError("rows inserted by another writer during an import")  # cannot happen on SQLite
        else:
            result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), params)
            new_ids = [row[0] for row in result.all()]
        for new_id, (_, change) in zip(new_ids, chunk, strict=True):
            change.row.id = new_id


def delete_row(session: Session, row: Row, changes: Changes, entity: str, key: str, snapshot: dict[str, Any]) -> None:
    session.delete(row)
    changes.add(Change(entity, "deleted", key, row, snapshot, None))


def pair_rows(
    existing: Sequence[R], wanted: Sequence[Any], primary: Callable[[Any], Hashable],
    secondary: Callable[[Any], Hashable], row_primary: Callable[[R], Hashable], row_secondary: Callable[[R], Hashable],
) -> tuple[list[tuple[R | None, Any]], list[R]]:
    """Match wanted items to existing rows: same primary key, then same secondary key, then in order.

    Returns (row or None, item) for every wanted item, and the rows left unmatched (to delete).
    """
    pools: dict[Hashable, list[R]] = {}
    for row in existing:
        pools.setdefault(row_primary(row), []).append(row)
    matched: dict[int, R] = {}
    for index, item in enumerate(wanted):  # first pass: exact secondary match
        pool = pools.get(primary(item), [])
        found = next((r for r in pool if row_secondary(r) == secondary(item)), None)
        if found is not None:
            pool.remove(found)
            matched[index] = found
    for index, item in enumerate(wanted):  # second pass: the rest in order
        if index not in matched:
            pool = pools.get(primary(item), [])
            if pool:
                matched[index] = pool.pop(0)
    leftover = [r for pool in pools.values() for r in pool]
    return [(matched.get(i), item) for i, item in enumerate(wanted)], leftover


def business_key(*parts: object) -> str:
    return "/".join("" if p is None else str(p) for p in parts)
