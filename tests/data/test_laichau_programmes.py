"""The bundled programme budgets (capital plans, disbursements, targets) quote the report they come from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from laichau_dataset import DATASET_DIR, read_table

from chitieu.numbers import parse_number

BUDGET_TABLES = ("capital_plans", "disbursements", "disbursement_targets")


@pytest.mark.parametrize("table", BUDGET_TABLES)
def test_quotes_of_the_report_occur_on_the_line_named(table: str, corpus_texts: dict[str, str]) -> None:
    lines = corpus_texts["BC-002-2023"].split("\n")
    for r in read_table(table)[1]:
        assert r["source_quote"] and len(r["source_quote"].split()) <= 20, r
        if r["source_document"] != "BC-002-2023":
            continue
        line = int(re.search(r"dòng (\d+)", r["source_location"])[1])  # type: ignore[index]
        assert r["source_quote"] in lines[line - 1], (r["source_location"], r["source_quote"])


def test_amounts_are_the_figures_quoted() -> None:
    for r in read_table("capital_plans")[1]:
        amount = parse_number(r["amount"])
        numbers = [parse_number(n) for n in re.findall(r"\d[\d.]*(?:,\d+)?", r["text"])]
        million = [n * 1000 if "tỷ" in r["text"] else n for n in numbers]
        assert any(abs(amount - m) < 1e-6 for m in million), r


def test_rates_are_the_percentages_quoted() -> None:
    for r in read_table("disbursements")[1]:
        assert r["rate"].replace(",", ".").rstrip("0").rstrip(".") in r["source_quote"].replace(",", "."), r


def test_every_budget_row_names_a_plan_of_the_dataset() -> None:
    plans = {r["code"] for r in read_table("plans")[1]}
    for table in BUDGET_TABLES:
        assert {r["plan_code"] for r in read_table(table)[1]} <= plans


def test_the_external_target_is_documented() -> None:
    documents = {r["code"]: r for r in read_table("documents")[1]}
    assert "95%" in documents["TTG-GN-2023"]["note"]
    assert Path(DATASET_DIR / "disbursement_targets.csv").exists()
