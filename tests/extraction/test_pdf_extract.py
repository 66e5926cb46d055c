"""A Congress resolution printed to PDF (hard line breaks, running header, page numbers) reads like its text."""

from __future__ import annotations

import json
from pathlib import Path

from chitieu.services.extract import extract_file

from .pdf_builder import build_pdf, page_lines, paginate

UNSEEN = Path(__file__).with_name("unseen")
DOC = "a_congress_resolution.txt"


def _eq(a: object, b: object) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(b)))  # type: ignore[arg-type]


def test_targets_survive_the_pdf_round_trip(tmp_path: Path) -> None:
    text = (UNSEEN / DOC).read_text(encoding="utf-8")
    pages = paginate(page_lines(text), per_page=30)
    pdf = build_pdf(tmp_path / "nghi-quyet.pdf", pages, "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Bắc Sơn")
    result = extract_file(pdf)
    targets = [c for c in result.claims if c.kind == "target"]
    assert targets and all(c.page is not None and 1 <= c.page <= len(pages) for c in targets)
    gold = [json.loads(line) for line in (UNSEEN / f"gold_{DOC[:-4]}.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [g for g in gold if g["kind"] == "target"]
    used: set[int] = set()
    for g in gold:
        for j, c in enumerate(targets):
            same = _eq(c.low, g.get("low")) and _eq(c.high, g.get("high")) if g["ops"] == ["range"] else _eq(c.value, g["value"])
            if j not in used and same and (c.op in g["ops"]):
                used.add(j)
                break
    assert len(used) / len(gold) >= 0.95
    assert len(used) / len(targets) >= 0.9
    # the running header and page numbers did not leak into the claims
    assert not any("Bắc Sơn" in c.indicator and "Nghị quyết Đại hội" in c.indicator for c in targets)
