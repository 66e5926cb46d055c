"""Learn a verdict convention from uploaded tables (the web's «Quy ước đánh giá» page and its API).

The same work as ``chitieu assess-table FILE --learn-from PAST``: the past table (targets, results and the
verdicts the office printed) is fitted (``learn_from_table``), the fitted profile, what changed from the
default, the agreement before and after and the rows still disagreeing (with why) come back as plain data;
then the new table, when one is given, is assessed under the fitted profile. Uploads are checked (name,
size, a .csv/.xlsx table) and read from a temporary folder that is removed afterwards; messages name the
file as uploaded, never the server's folder.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chitieu.assessment import Stage
from chitieu.assessment.conventions import ConventionProfile, describe, describe_setting
from chitieu.messages import ChitieuError, msg
from chitieu.services.assess_table import TableAssessment, assess_table
from chitieu.services.assess_table_learn import LearnedConvention, learn_from_table
from chitieu.services.uploads import clean_file_name, size_text

TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm")
MAX_SHOWN_ROWS = 2_000  # rows of the assessed table sent back to a page (the whole table is for the CLI)


@dataclass(frozen=True, slots=True)
class Upload:
    """A file as uploaded: its (already cleaned or raw) name and bytes."""

    name: str
    content: bytes


@dataclass(slots=True)
class LearnOutcome:
    """What learning from a past table gave, and the new table assessed with it (None when none given)."""

    past_name: str
    learned: LearnedConvention
    assessed: TableAssessment | None = None
    table_name: str = ""

    @property
    def profile(self) -> ConventionProfile:
        return self.learned.profile

    def disagreements(self) -> list[dict[str, Any]]:
        """The rows still disagreeing, each with why (the one setting that would flip it, or none)."""
        out = []
        for d in self.learned.fit.disagreements:
            if d.fixes:
                key, value = next(iter(d.fixes[0].items()))
                why = msg("convention_fix_one", setting=describe_setting(key, value))
            else:
                why = msg("convention_fix_none")
            out.append({"row": d.case.row, "indicator": d.case.indicator, "target": d.case.target_text,
                        "result": d.case.result_text, "ours": d.ours.value, "ours_vi": d.ours.label_vi,
                        "printed": d.case.official_text, "why": why, "fixes": list(d.fixes)})
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON: the API's answer."""
        fit = self.learned.fit
        rows = self.assessed.rows[:MAX_SHOWN_ROWS] if self.assessed is not None else []
        return {
            "past_file": self.past_name, "profile": self.profile.to_dict(), "settings": describe(self.profile),
            "agreement": list(fit.agreement), "default_agreement": list(fit.default_agreement),
            "changed": {k: [_plain(old), _plain(new)] for k, (old, new) in fit.changed.items()},
            "disagreements": [{k: v for k, v in d.items() if k != "fixes"} | {"fixes": d["fixes"]}
                              for d in self.disagreements()],
            "table_file": self.table_name or None,
            "rows": [{k: v for k, v in r.to_dict().items() if k not in ("columns", "target_parsed")} for r in rows],
            "rows_total": len(self.assessed.rows) if self.assessed is not None else 0,
            "table_agreement": list(self.assessed.agreement) if self.assessed is not None else None,
        }


def _plain(value: object) -> object:
    return getattr(value, "value", value)


def check_table_upload(upload: Upload, limit: int) -> str:
    """The clean name of an uploaded table, or a Vietnamese error (not a table, empty, too large)."""
    name = clean_file_name(upload.name)
    if Path(name).suffix.lower() not in TABLE_SUFFIXES:
        raise ChitieuError("convention_upload_type", name=name)
    if len(upload.content) > limit:
        raise ChitieuError("upload_too_large", name=name, size=size_text(len(upload.content)), limit=size_text(limit))
    if not upload.content.strip():
        raise ChitieuError("upload_empty", name=name)
    return name


@contextmanager
def _files(*uploads: tuple[str, bytes]) -> Iterator[list[Path]]:
    with tempfile.TemporaryDirectory(prefix="chitieu-learn-") as folder:
        paths = []
        for index, (name, content) in enumerate(uploads):
            place = Path(folder) / str(index)
            place.mkdir()
            path = place / name
            path.write_bytes(content)
            paths.append(path)
        try:
            yield paths
        except ChitieuError as exc:  # name the file as uploaded, not the temporary folder
            for index in range(len(uploads)):
                exc.message = exc.message.replace(str(Path(folder) / str(index)) + "/", "")
            exc.args = (exc.message,)
            raise


def learn_from_uploads(past: Upload, table: Upload | None = None, *, stage: Stage = Stage.FINAL,
                       limit: int = 20 * 1024 * 1024) -> LearnOutcome:
    """Fit the convention to ``past`` and assess ``table`` (if any) with it."""
    past_name = check_table_upload(past, limit)
    files = [(past_name, past.content)]
    table_name = ""
    if table is not None:
        table_name = check_table_upload(table, limit)
        files.append((table_name, table.content))
    with _files(*files) as paths:
        learned = learn_from_table(paths[0])
        outcome = LearnOutcome(past_name, learned)
        if table is not None:
            outcome.assessed = assess_table(paths[1], stage, profile=learned.profile)
            outcome.table_name = table_name
    return outcome
