"""A plan value stated alone in a clause is linked to the result measured against it in the next clause."""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims


def _rows(text: str) -> list[tuple[str, float | None, str, str, int]]:
    return [(c.kind, c.value, c.unit, c.role, c.statement) for c in extract_claims(text + "\n")]


def test_capital_plan_and_its_disbursement_share_a_statement_across_a_semicolon() -> None:
    rows = _rows("Kế hoạch vốn sự nghiệp năm 2025 được giao 86,4 tỷ đồng; đến hết năm giải ngân 80,1 tỷ đồng, "
                 "đạt 92,7% kế hoạch.")
    assert rows == [
        ("target", 86.4, "tỷ đồng", "plan", 1),
        ("result", 80.1, "tỷ đồng", "level", 1),
        ("result", 92.7, "% kế hoạch", "plan_ratio", 1),
    ]


def test_a_figure_of_another_unit_after_a_plan_is_a_statement_of_its_own() -> None:
    rows = _rows("Kế hoạch vốn sự nghiệp năm 2025 được giao 86,4 tỷ đồng; hỗ trợ 1.250 hộ nghèo.")
    assert [r[4] for r in rows] == [1, 2]
