"""Every figure of the Lai Châu XIV dataset can be found again in the shared corpus."""

from __future__ import annotations

import re

import pytest
from laichau_dataset import MAIN_PLAN, Rows

DRAFT_TARGETS = (58967, 61488)  # chars of 001 holding "II- Các chỉ tiêu chủ yếu đến năm 2025"


def _appendix_rows(text: str) -> list[list[str]]:
    """Rows of the appendix table "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" as tab-separated cells, header rows dropped."""
    start = text.index("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    rows = []
    for line in text[start:].split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) >= 10 and cells[0] != "TT" and cells[4] != "Kết quả đạt được":
            rows.append(cells)
    return rows


@pytest.mark.parametrize("table", ["plans", "targets", "observations"])
def test_source_quotes_occur_in_the_named_document(
    tables: dict[str, Rows], corpus_texts: dict[str, str], table: str
) -> None:
    for r in tables[table]:
        quote = r["source_quote"]
        assert quote, r
        assert len(quote.split()) <= 20, quote
        assert quote in corpus_texts[r["source_document"]], (r["source_document"], quote)


def test_source_line_numbers_point_at_the_quote(tables: dict[str, Rows], corpus_texts: dict[str, str]) -> None:
    lines = corpus_texts["BC-002-2023"].split("\n")
    for table in ("targets", "observations"):
        for r in tables[table]:
            m = re.search(r"dòng (\d+)", r["source_location"])
            if m and r["source_document"] == "BC-002-2023":
                assert r["source_quote"] in lines[int(m.group(1)) - 1], r


def test_draft_quotes_lie_in_the_targets_section(tables: dict[str, Rows], corpus_texts: dict[str, str]) -> None:
    section = corpus_texts["DT-001-2020"][slice(*DRAFT_TARGETS)]
    assert section.startswith("II- Các chỉ tiêu chủ yếu đến năm 2025")
    for r in tables["targets"]:
        if r["version"] == "draft":
            assert r["source_quote"] in section, r["source_quote"]


def test_appendix_cells_match_the_document(tables: dict[str, Rows], corpus_texts: dict[str, str]) -> None:
    """Names (joined across page breaks), units, targets, results, ratios and verdicts, row by row."""
    rows = _appendix_rows(corpus_texts["BC-002-2023"])
    data = [r for r in rows if r[3]]  # rows with a target
    assert len(data) == 54
    indicators = {r["code"]: r for r in tables["indicators"] if r["plan_code"] == MAIN_PLAN}
    adopted = {r["indicator_code"]: r for r in tables["targets"] if r["version"] == "adopted"}
    results = {(r["indicator_code"], r["period"]): r for r in tables["observations"]
               if r["source_location"].startswith("Phụ lục 3")}
    ordered = sorted((i for i in indicators.values() if i["code"] in adopted), key=lambda i: int(i["order"]))
    for cells, indicator in zip(data, ordered, strict=True):
        name = re.sub(r"^\+\s*", "", cells[1])
        assert indicator["name"].startswith(name), (indicator["name"], name)
        assert indicator["unit"] == cells[2]
        assert adopted[indicator["code"]]["text"] == cells[3]
        for period, first in (("2021-2023", 4), ("2020-2025", 7)):
            obs = results[(indicator["code"], period)]
            assert obs["text"] == cells[first]
            printed = cells[first + 1].rstrip("%")
            # A bound like ">100" is not a number: the column stays empty (see docs/dataset.md).
            assert obs["stated_ratio"] == ("" if printed.startswith(">") else printed)
            assert obs["stated_verdict"] == cells[first + 2]


def test_narrative_observations_quote_their_figure(tables: dict[str, Rows]) -> None:
    for r in tables["observations"]:
        if r["plan_code"] == MAIN_PLAN and not r["source_location"].startswith("Phụ lục"):
            figure = re.search(r"-?\d[\d.,]*", r["text"])
            assert figure and figure.group(0).rstrip(".,") in r["source_quote"], r
