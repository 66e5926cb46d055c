"""`make eval`: score `chitieu extract` on the shared corpus with the shared scorer.

For each corpus document with gold, runs the extractor once (JSON Lines, as users get it), then the
shared scorer for targets (inside the section named in sections_*.json when present) and for results
(our own gold under tests/extraction/gold, inside the narrative part it covers). Prints P/R/F1.
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

# (document, gold file, kind, section or None); a relative gold path is looked up in the corpus first.
CASES: tuple[tuple[str, str, str, tuple[int, int] | None], ...] = (
    ("001_59c43febfd11ba0f.txt", "gold_001_targets.jsonl", "target", None),
    ("002_afab32be4bedbcb5.txt", "gold_002_results.jsonl", "result", (3395, 42406)),
)


def _section(corpus: Path, doc: str, kind: str, default: tuple[int, int] | None) -> tuple[int, int] | None:
    sections = corpus / f"sections_{doc.split('_')[0]}.json"
    if sections.exists():
        data = json.loads(sections.read_text(encoding="utf-8"))
        key = "targets" if kind == "target" else "results"
        if key in data:
            return tuple(data[key])  # type: ignore[return-value]
    return default


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    args = parser.parse_args()
    shared = Path(args.shared).resolve()
    corpus, scorer = shared / "corpus", shared / "tools" / "score_extraction.py"
    chitieu = Path(sys.executable).with_name("chitieu")
    command = [str(chitieu)] if chitieu.exists() else [sys.executable, "-m", "chitieu.cli.main"]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for doc, gold_name, kind, default_section in CASES:
            gold = corpus / gold_name if (corpus / gold_name).exists() else OWN_GOLD / gold_name
            if not (corpus / doc).exists() or not gold.exists():
                print(f"{doc}: skipped (document or gold missing)")
                continue
            pred = Path(tmp) / f"{doc}.jsonl"
            with pred.open("w", encoding="utf-8") as out:
                done = subprocess.run([*command, "extract", str(corpus / doc), "--format", "jsonl"], stdout=out, check=False)
            if done.returncode != 0:
                print(f"{doc}: chitieu extract failed (exit {done.returncode})")
                failed = True
                continue
            section = _section(corpus, doc, kind, default_section)
            score_cmd = [sys.executable, str(scorer), str(gold), str(pred), "--kind", kind]
            if section:
                score_cmd += ["--section", f"{section[0]}:{section[1]}"]
            scored = subprocess.run(score_cmd, capture_output=True, text=True, check=False)
            result = json.loads(scored.stdout.strip().splitlines()[-1])
            where = f" section {section[0]}:{section[1]}" if section else ""
            print(
                f"{doc} {kind}s{where}: precision {result['precision']:.3f} recall {result['recall']:.3f} "
                f"F1 {result['f1']:.3f} (gold {result['gold']}, predicted {result['pred']}, matched {result['hit']})"
            )
            if kind == "result" and section:
                wrong = [
                    json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()
                    if line.strip() and json.loads(line)["kind"] == "target" and section[0] <= json.loads(line)["start"] < section[1]
                ]
                print(f"{doc}: claims labelled target inside the review section: {len(wrong)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
