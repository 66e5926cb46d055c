"""The record of one claim: a target or result stated in a document, with its figures, its place in the
text and how it ties to the other figures of its statement (``chitieu.extraction.claims`` finds them)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from chitieu.extraction.statement_figures import LEVEL


@dataclass(slots=True)
class Claim:
    """A target or result stated in a document; ``start``/``end`` index the original text."""

    kind: str
    indicator: str
    op: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    start: int
    end: int
    quote: str
    period: str = ""
    deadline: int | None = None
    baseline: str = ""
    change: str = ""
    hedge: str = ""
    plan: str = ""
    denominator: float | None = None
    per_year: bool = False
    confidence: float = 0.5
    section: str = ""
    page: int | None = None
    box: list[float] | None = None  # [x0, top, x1, bottom] in PDF points on ``page`` (readers' spans)
    ocr_confidence: float | None = None  # lowest OCR confidence of the words read, when from a scan
    statement: int = 0  # the figures of one statement share this number (document order, from 1)
    role: str = LEVEL  # level, plan_ratio, change, plan, share, baseline, count, equivalent
    plan_kind: str = ""  # a plan value: dự toán, kế hoạch, kế hoạch vốn, chỉ tiêu giao, mục tiêu
    basis: str = ""  # what a ratio or change is measured against ("kế hoạch", "cùng kỳ", "năm 2020")
    sign: int = 0  # the direction of a change: 1 up, -1 down (its value is written as a magnitude)
    stated_ratio: float | None = None  # on a level: the ratio to its plan stated in the same statement
    places: list[dict[str, object]] | None = None  # every place a target restated in the document is written

    def to_dict(self) -> dict[str, object]:
        return asdict(self)
