"""Claims from a document's appendix tables: each indicator row's targets, results and ratio cells, as proposed
claims with the row's place in the text (the tables are read by ``chitieu.extraction.tables``)."""

from __future__ import annotations

import re
from typing import Any

from chitieu.domain import Quantity
from chitieu.extraction.table_columns import caption_before, caption_unit
from chitieu.extraction.table_header import find_header
from chitieu.extraction.table_layouts import compared_part
from chitieu.extraction.tables import IndicatorRow as TableIndicatorRow
from chitieu.extraction.tables import TargetCell, parse_cell_quantity, parse_indicator_table
from chitieu.readers import Document, TableBlock
from chitieu.services.proposed_claim import QUOTE_LIMIT, ProposedClaim


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
            claims.append(_from_quantity("target", row, target.quantity, start, end, page, quote, payload, target.unit, table_unit))
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
