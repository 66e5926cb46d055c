"""Names a reviewer can accept (issue 10 item 8): how many claim names need an edit.

    eval_names.py GOLD.jsonl [GOLD.jsonl …] --docs DIR [--pred DIR] [--kind result] [--misses] [--shared PATH]

Each gold file is in the shared scorer's format (``doc``, ``kind``, ``start``, ``end``, ``value``, ``unit`` …) and
each gold record also carries ``"names": [accepted name, alternatives…]``. The documents are read from --docs
(the gold's ``doc`` file name); the claims are those of ``chitieu extract FILE --format jsonl``, run here, or read
from ``--pred DIR/<doc>.jsonl`` when given. Each gold record is matched to a prediction exactly as the shared
scorer does (its own ``matches``: same kind, overlapping span, equal number, equivalent unit, accepted op; each
prediction matches at most one gold record, gold in file order), and the matched claim's ``indicator`` is judged
by ``chitieu.extraction.name_judge`` (accepted / extra words / fragment / wrong). Gold figures no claim matched are
counted apart (a numbers miss, not a names one). Prints counts and shares per document and overall; ``--misses``
lists every name that needs an edit with the accepted one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from eval_extraction import _extract  # noqa: E402

from chitieu.extraction.name_judge import ACCEPTED, EXTRA_WORDS, FRAGMENT, WRONG, NameTally, judge_name  # noqa: E402


def _scorer(shared: Path) -> ModuleType:
    path = shared / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def judge_document(
    gold: list[dict], pred: list[dict], kind: str, matches: Callable[[dict, dict], bool],
) -> tuple[NameTally, list[tuple[str, dict, dict | None]]]:
    """Verdicts on the names of the claims that match ``gold`` (gold order, one claim per gold record)."""
    tally, judged = NameTally(), []
    candidates = [p for p in pred if p.get("kind") == kind]
    used: set[int] = set()
    for record in (g for g in gold if g["kind"] == kind):
        j = next((j for j, p in enumerate(candidates) if j not in used and matches(record, p)), None)
        if j is None:
            tally.unmatched += 1
            judged.append(("unmatched", record, None))
            continue
        used.add(j)
        verdict = judge_name(candidates[j].get("indicator") or "", record.get("names") or [])
        tally.add(verdict)
        judged.append((verdict, record, candidates[j]))
    return tally, judged


def _line(label: str, tally: NameTally) -> str:
    c, n = tally.counts, tally.judged
    fragments = c[FRAGMENT] + c[WRONG]
    return (
        f"{label}: judged {n}, accepted {c[ACCEPTED]} ({tally.share(c[ACCEPTED]):.0%}), needs an edit "
        f"{tally.needs_edit} ({tally.share(tally.needs_edit):.0%}) = extra words {c[EXTRA_WORDS]} "
        f"({tally.share(c[EXTRA_WORDS]):.0%}) + fragment {c[FRAGMENT]} + wrong {c[WRONG]} "
        f"(fragment+wrong {fragments}, {tally.share(fragments):.0%}); gold unmatched {tally.unmatched}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="+", help="gold JSONL files whose records carry 'names'")
    parser.add_argument("--docs", required=True, help="folder of the documents named by the gold's 'doc'")
    parser.add_argument("--pred", help="folder of <doc>.jsonl claims (default: run chitieu extract)")
    parser.add_argument("--kind", default="result", choices=("result", "target"))
    parser.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    parser.add_argument("--misses", action="store_true", help="list the names that need an edit")
    args = parser.parse_args()
    matches = _scorer(Path(args.shared).resolve()).matches
    gold_by_doc: dict[str, list[dict]] = {}
    for path in args.gold:
        for record in _rows(Path(path)):
            gold_by_doc.setdefault(record["doc"], []).append(record)
    chitieu = Path(sys.executable).with_name("chitieu")
    command = [str(chitieu)] if chitieu.exists() else [sys.executable, "-m", "chitieu.cli.main"]
    total, failed = NameTally(), False
    with tempfile.TemporaryDirectory() as tmp:
        for doc, gold in gold_by_doc.items():
            pred_path = Path(args.pred) / f"{doc}.jsonl" if args.pred else _extract(command, Path(args.docs) / doc, Path(tmp))
            if pred_path is None:
                failed = True
                continue
            tally, judged = judge_document(gold, _rows(pred_path), args.kind, matches)
            total.merge(tally)
            print(_line(doc, tally))
            if args.misses:
                for verdict, record, claim in judged:
                    if verdict != ACCEPTED:
                        name = claim.get("indicator") if claim else None
                        print(f"    {verdict:<11} {name!r} ← accepted {record.get('names', [])[:1]!r} | {record.get('quote', '')!r}")
    print(_line("overall", total))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
