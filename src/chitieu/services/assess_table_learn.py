"""``assess-table --learn-from PAST``: fit the verdict conventions to an office's earlier table.

The past table is read like any table ``assess-table`` reads (the columns it knows plus the verdict as
printed, header ``verdict`` or «Đánh giá»); each row with a target, a result and a printed verdict is a case
for ``chitieu.assessment.convention_fit.fit_profile``. Profiles are also read from and written to JSON files
(``--convention FILE.json``), so an office can keep one beside its tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from chitieu.assessment import Stage
from chitieu.assessment.convention_fit import FitResult, VerdictCase, fit_profile
from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile, profile_from_dict
from chitieu.messages import ChitieuError, msg
from chitieu.readers.input_files import read_input_bytes
from chitieu.services.assess_table import TableRun
from chitieu.services.output_files import atomic_output

MAX_LEARN_ROWS = 20_000  # a past table is one appendix or a few; beyond this it is not a table of verdicts
BUILT_IN = {DEFAULT_PROFILE.name: DEFAULT_PROFILE, "default": DEFAULT_PROFILE}


@dataclass(slots=True)
class LearnedConvention:
    source: Path
    fit: FitResult
    cases: list[VerdictCase]

    @property
    def profile(self) -> ConventionProfile:
        return self.fit.profile


def learn_from_table(path: Path | str, *, name: str | None = None) -> LearnedConvention:
    """Fit a profile to the printed verdicts of ``path``; raises when the table has none."""
    path = Path(path)
    run = TableRun(path, Stage.FINAL)
    cases: list[VerdictCase] = []
    for _index, _cells, row in run:
        if row is None or row.case is None or not row.official_text:
            continue
        cases.append(row.case)
        if len(cases) > MAX_LEARN_ROWS:
            raise ChitieuError("convention_too_many_rows", path=path, limit=f"{MAX_LEARN_ROWS:,}".replace(",", "."))
    if not any(c.official_text for c in cases) or run.agreement[1] == 0:
        raise ChitieuError("convention_no_verdicts", path=path)
    label = name or f"hoc-tu-{path.stem}"
    fit = fit_profile(cases, name=label, note=msg("convention_learned_note", path=path.name, rows=len(cases)))
    return LearnedConvention(path, fit, cases)


def read_profile_file(path: Path) -> ConventionProfile:
    """A profile from a JSON file (as written by ``write_profile_file`` or by hand)."""
    data = read_input_bytes(path)
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChitieuError("convention_bad_file", path=path, reason=msg("convention_reason_json")) from exc
    if not isinstance(loaded, dict):
        raise ChitieuError("convention_bad_file", path=path, reason=msg("convention_reason_json"))
    try:
        profile = profile_from_dict(loaded)
    except ValueError as exc:
        raise ChitieuError("convention_bad_setting", path=path, key=str(exc)) from exc
    return profile if loaded.get("name") else replace(profile, name=path.stem)


def write_profile_file(profile: ConventionProfile, path: Path) -> Path:
    with atomic_output(path) as temp:
        temp.write_text(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def resolve_profile(spec: str | None) -> ConventionProfile:
    """``--convention``: a built-in name ("mac-dinh") or a JSON file; None is the default profile."""
    if spec is None or not spec.strip():
        return DEFAULT_PROFILE
    if spec.strip().lower() in BUILT_IN:
        return BUILT_IN[spec.strip().lower()]
    path = Path(spec)
    if path.suffix.lower() == ".json" or path.exists():
        return read_profile_file(path)
    raise ChitieuError("convention_not_found", name=spec, known=", ".join(sorted(BUILT_IN)))
