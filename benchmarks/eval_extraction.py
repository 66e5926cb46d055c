"""`make eval`: score `chitieu extract` with the shared scorer on the shared corpus and on our unseen set.

For each document with gold, runs the extractor once (JSON Lines, as users get it), then the shared
scorer per kind, counting precision inside the section where that kind lives (sections_*.json for the
corpus, tests/extraction/unseen/sections.json for the unseen set). Prints per-document P/R/F1 and the
micro-averaged figures of the unseen set; ``--misses`` also lists missed gold and extra predictions.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OWN_GOLD = REPO / "tests" / "extraction" / "gold"
UNSEEN = REPO / "tests" / "extraction" / "unseen"

# (document, gold file, kind, section or None); a relative gold path is looked up in the corpus first.
CORPUS_CASES: tuple[tuple[str, str, str, tuple[int, int] | None], ...] = (
    ("001_59c43febfd11ba0f.txt", "gold_001_targets.jsonl", "target", None),
    ("002_afab32be4bedbcb5.txt", "gold_002_results.jsonl", "result", (3395, 42406)),
)
KINDS = ("target", "result")


def _corpus_section(corpus: Path, doc: str, kind: str, default: tuple[int, int] | None) -> tuple[int, int] | None:
    sections = corpus / f"sections_{doc.split('_')[0]}.json"
    if sections.exists():
        data = json.loads(sections.read_text(encoding="utf-8"))
        key = "targets" if kind == "target" else "results"
        if key in data:
            return tuple(data[key])  # type: ignore[return-value]
    return default


def _extract(command: list[str], doc: Path, out_dir: Path) -> Path | None:
    pred = out_dir / f"{doc.name}.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        done = subprocess.run([*command, "extract", str(doc), "--format", "jsonl"], stdout=out, check=False)
    if done.returncode != 0:
        print(f"{doc.name}: chitieu extract failed (exit {done.returncode})")
        return None
    return pred


def _score(scorer: Path, gold: Path, pred: Path, kind: str, section: tuple[int, int] | None, misses: bool) -> dict:
    cmd = [sys.executable, str(scorer), str(gold), str(pred), "--kind", kind]
    if section:
        cmd += ["--section", f"{section[0]}:{section[1]}"]
    if misses:
        cmd.append("--misses")
    lines = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()
    for line in lines[:-1]:
        print("    " + line)
    return json.loads(lines[-1])


def _line(name: str, kind: str, section: tuple[int, int] | None, r: dict) -> str:
    where = f" section {section[0]}:{section[1]}" if section else ""
    return (
        f"{name} {kind}s{where}: precision {r['precision']:.3f} recall {r['recall']:.3f} F1 {r['f1']:.3f} "
        f"(gold {r['gold']}, predicted {r['pred']}, matched {r['hit']})"
    )


def _targets_inside(pred: Path, section: tuple[int, int]) -> int:
    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    # the plan values a review quotes ("thấp hơn mục tiêu 40%") are targets by the scorer's convention
    return sum(1 for p in rows if p["kind"] == "target" and p.get("role") != "plan" and section[0] <= p["start"] < section[1])


def _micro(totals: dict[str, list[int]]) -> None:
    for kind, (gold, pred, hit) in totals.items():
        p = hit / pred if pred else 0.0
        r = hit / gold if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"unseen micro {kind}s: precision {p:.3f} recall {r:.3f} F1 {f1:.3f} (gold {gold}, predicted {pred}, matched {hit})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--misses", action="store_true", help="list missed gold records and extra predictions")
    parser.add_argument("--no-pdf", action="store_true", help="skip the 76-page PDF case (benchmarks/eval_pdf.py)")
    args = parser.parse_args()
    shared = Path(args.shared).resolve()
    corpus, scorer = shared / "corpus", shared / "tools" / "score_extraction.py"
    if not scorer.exists():
        print(f"scorer not found: {scorer}")
        return 1
    chitieu = Path(sys.executable).with_name("chitieu")
    command = [str(chitieu)] if chitieu.exists() else [sys.executable, "-m", "chitieu.cli.main"]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp)
        for doc, gold_name, kind, default_section in CORPUS_CASES:
            gold = corpus / gold_name if (corpus / gold_name).exists() else OWN_GOLD / gold_name
            if not (corpus / doc).exists() or not gold.exists():
                print(f"{doc}: skipped (document or gold missing)")
                continue
            pred = _extract(command, corpus / doc, out_dir)
            if pred is None:
                failed = True
                continue
            section = _corpus_section(corpus, doc, kind, default_section)
            print(_line(doc, kind, section, _score(scorer, gold, pred, kind, section, args.misses)))
            if kind == "result" and section:
                print(f"{doc}: claims labelled target inside the review section: {_targets_inside(pred, section)}")

        sections = json.loads((UNSEEN / "sections.json").read_text(encoding="utf-8"))
        totals: dict[str, list[int]] = {k: [0, 0, 0] for k in KINDS}
        for doc, spans in sections.items():
            pred = _extract(command, UNSEEN / doc, out_dir)
            if pred is None:
                failed = True
                continue
            gold = UNSEEN / f"gold_{doc.removesuffix('.txt')}.jsonl"
            kinds_present = {json.loads(line)["kind"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()}
            for kind in KINDS:
                if kind not in kinds_present:
                    continue
                section = tuple(spans["targets" if kind == "target" else "results"])
                result = _score(scorer, gold, pred, kind, section, args.misses)  # type: ignore[arg-type]
                print(_line(doc, kind, section, result))  # type: ignore[arg-type]
                for i, key in enumerate(("gold", "pred", "hit")):
                    totals[kind][i] += result[key]
            wrong = _targets_inside(pred, tuple(spans["results"]))  # type: ignore[arg-type]
            if wrong:
                print(f"{doc}: claims labelled target inside the results section: {wrong}")
        _micro(totals)
    if not args.no_pdf:
        done = subprocess.run([sys.executable, str(HERE / "eval_pdf.py"), "--shared", str(shared)], check=False)
        failed = failed or done.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
