"""The unseen set: documents of other kinds and provinces, written for these tests in the styles officials
use (tests/extraction/unseen, gold rebuilt by make_gold.py). Scored like the shared scorer does:
a prediction matches a gold record of the same kind when its span overlaps the quote, its number is equal
and its unit equivalent (and, for targets, its op accepted); precision counts predictions in the section.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from chitieu.extraction.claims import Claim, extract_claims

UNSEEN = Path(__file__).with_name("unseen")
SECTIONS: dict[str, dict[str, list[int]]] = json.loads((UNSEEN / "sections.json").read_text(encoding="utf-8"))
REVIEWS = ("g_review_report.txt", "m_review_cooperatives.txt")


def _gold(doc: str) -> list[dict]:
    path = UNSEEN / f"gold_{doc.removesuffix('.txt')}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _unit(u: str | None) -> str:
    return unicodedata.normalize("NFC", (u or "").lower()).replace(" ", "").replace("/1vạn", "/vạn")


def _unit_ok(gold: str, pred: str) -> bool:
    g, p = _unit(gold), _unit(pred)
    if g == p:
        return True
    if "%" in g or "lần" in g:
        return False
    gh, ph = g.split("/")[0], p.split("/")[0]
    return bool(p) and (gh == ph or gh.startswith(ph) or ph.startswith(gh))


def _eq(a: object, b: object) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))  # type: ignore[arg-type]


def _matches(g: dict, c: Claim) -> bool:
    if c.kind != g["kind"] or not (c.start < g["end"] and g["start"] < c.end):
        return False
    if g["kind"] == "target":
        if g["ops"] == ["range"]:
            return c.op == "range" and _eq(c.low, g["low"]) and _eq(c.high, g["high"]) and _unit_ok(g["unit"], c.unit)
        if c.op not in g["ops"]:
            return False
    candidates = [(g["value"], g["unit"]), *[tuple(a) for a in g.get("alt", [])]]
    return any(_eq(c.value, v) and _unit_ok(u, c.unit) for v, u in candidates)


def _score(doc: str, kind: str) -> tuple[int, int, int]:
    """(gold, predicted in section, matched) for one document and kind."""
    text = (UNSEEN / doc).read_text(encoding="utf-8")
    lo, hi = SECTIONS[doc]["targets" if kind == "target" else "results"]
    pred = [c for c in extract_claims(text) if c.kind == kind and lo <= c.start < hi]
    gold = [g for g in _gold(doc) if g["kind"] == kind]
    used: set[int] = set()
    for g in gold:
        j = next((j for j, c in enumerate(pred) if j not in used and _matches(g, c)), None)
        if j is not None:
            used.add(j)
    return len(gold), len(pred), len(used)


@pytest.mark.parametrize("doc", sorted(SECTIONS))
def test_gold_quotes_are_exact(doc: str) -> None:
    text = (UNSEEN / doc).read_text(encoding="utf-8")
    gold = _gold(doc)
    assert gold and all(text[g["start"] : g["end"]] == g["quote"] for g in gold)


@pytest.mark.parametrize("doc", sorted(SECTIONS))
def test_each_document_is_read_well(doc: str) -> None:
    for kind in ("target", "result"):
        gold, pred, hit = _score(doc, kind)
        if not gold:
            continue
        precision, recall = hit / pred if pred else 0.0, hit / gold
        f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
        assert f1 >= 0.85, (doc, kind, precision, recall)


def test_micro_averages() -> None:
    for kind, floor in (("target", 0.95), ("result", 0.93)):
        totals = [sum(x) for x in zip(*(_score(doc, kind) for doc in SECTIONS), strict=True)]
        gold, pred, hit = totals
        precision, recall = hit / pred, hit / gold
        assert 2 * precision * recall / (precision + recall) >= floor, (kind, precision, recall)


@pytest.mark.parametrize("doc", REVIEWS)
def test_reviews_hold_no_targets_but_the_plans_they_quote(doc: str) -> None:
    text = (UNSEEN / doc).read_text(encoding="utf-8")
    lo, hi = SECTIONS[doc]["results"]
    targets = [c for c in extract_claims(text) if c.kind == "target" and lo <= c.start < hi]
    assert all(c.role == "plan" and c.plan_kind for c in targets)


@pytest.mark.parametrize("doc", sorted(SECTIONS))
def test_quotes_index_the_original_text(doc: str) -> None:
    text = (UNSEEN / doc).read_text(encoding="utf-8")
    assert all(text[c.start : c.end] == c.quote for c in extract_claims(text))
