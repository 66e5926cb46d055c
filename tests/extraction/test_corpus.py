"""The shared corpus: the targets of 001 and our results gold of 002 (scored like `make eval`)."""

from __future__ import annotations

import json
from pathlib import Path

from chitieu.extraction.claims import extract_claims

GOLD_002 = Path(__file__).with_name("gold") / "gold_002_results.jsonl"


def _num_eq(a: object, b: object) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))  # type: ignore[arg-type]


def _recall(gold: list[dict], claims: list) -> float:
    hits = 0
    for g in gold:
        if any(
            c.kind == g["kind"] and c.start < g["end"] and g["start"] < c.end
            and (_num_eq(c.value, g.get("value")) or (c.op == "range" and _num_eq(c.low, g.get("low"))))
            for c in claims
        ):
            hits += 1
    return hits / len(gold)


def test_001_targets(corpus_dir: Path) -> None:
    text = (corpus_dir / "001_59c43febfd11ba0f.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in (corpus_dir / "gold_001_targets.jsonl").read_text(encoding="utf-8").splitlines() if line]
    claims = list(extract_claims(text))
    in_section = [c for c in claims if c.kind == "target" and 58967 <= c.start < 61488]
    assert _recall(gold, in_section) >= 0.95
    assert len(in_section) <= len(gold) + 2
    assert all(text[c.start : c.end] == c.quote for c in claims)


def test_002_results(corpus_dir: Path) -> None:
    text = (corpus_dir / "002_afab32be4bedbcb5.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in GOLD_002.read_text(encoding="utf-8").splitlines() if line]
    assert len(gold) >= 40 and all(text[g["start"] : g["end"]] == g["quote"] for g in gold)
    claims = list(extract_claims(text))
    assert _recall(gold, claims) >= 0.8
    # the review's only targets are the plan values it quotes ("(Nghị quyết 9-10%)", "kế hoạch năm 2023: …")
    assert all(c.role == "plan" for c in claims if c.kind == "target" and 3395 <= c.start < 42406)
