"""The one catalogue of user-facing messages (Vietnamese) and the error type that carries them.

The catalogue is kept in one file per area (catalogue_*.py) so that areas can grow it independently;
they are merged here and a code may appear only once.

Code raises ``ChitieuError("code", **fields)``; CLI and web print ``error.message``. Keeping every
sentence here lets translators and reviewers see all of them in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from chitieu.messages.catalogue_assessment import ASSESSMENT_MESSAGES
from chitieu.messages.catalogue_audit import AUDIT_MESSAGES
from chitieu.messages.catalogue_cli import CLI_MESSAGES
from chitieu.messages.catalogue_conventions import CONVENTIONS_MESSAGES
from chitieu.messages.catalogue_core import CORE_MESSAGES
from chitieu.messages.catalogue_extraction import EXTRACTION_MESSAGES
from chitieu.messages.catalogue_grammar import GRAMMAR_MESSAGES
from chitieu.messages.catalogue_national import NATIONAL_MESSAGES
from chitieu.messages.catalogue_outputs import OUTPUTS_MESSAGES
from chitieu.messages.catalogue_plans import PLANS_MESSAGES
from chitieu.messages.catalogue_programmes import PROGRAMMES_MESSAGES
from chitieu.messages.catalogue_readers import READERS_MESSAGES
from chitieu.messages.catalogue_reports import REPORTS_MESSAGES
from chitieu.messages.catalogue_rounds import ROUNDS_MESSAGES
from chitieu.messages.catalogue_store import STORE_MESSAGES
from chitieu.messages.catalogue_summaries import SUMMARIES_MESSAGES
from chitieu.messages.catalogue_tasks import TASKS_MESSAGES
from chitieu.messages.catalogue_web import WEB_MESSAGES

_PARTS = (
    CORE_MESSAGES, ASSESSMENT_MESSAGES, EXTRACTION_MESSAGES, GRAMMAR_MESSAGES, READERS_MESSAGES, REPORTS_MESSAGES,
    STORE_MESSAGES, OUTPUTS_MESSAGES, WEB_MESSAGES, CONVENTIONS_MESSAGES, CLI_MESSAGES, AUDIT_MESSAGES,
    PROGRAMMES_MESSAGES, ROUNDS_MESSAGES, PLANS_MESSAGES, TASKS_MESSAGES, NATIONAL_MESSAGES,
    SUMMARIES_MESSAGES,
)
MESSAGES: dict[str, str] = {}
for _part in _PARTS:
    _clash = MESSAGES.keys() & _part.keys()
    if _clash:  # one catalogue: a code means one sentence
        raise RuntimeError(f"duplicate message codes: {sorted(_clash)}")
    MESSAGES.update(_part)



def msg(code: str, /, **fields: object) -> str:
    """Render a catalogue message; unknown codes are a programming error.

    ``code`` is positional-only so that messages may use a ``{code}`` field themselves.
    """
    return MESSAGES[code].format(**fields)


class ChitieuError(Exception):
    """An error the user can fix; ``message`` is Vietnamese and names the file, row and column."""

    def __init__(self, code: str, /, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message = msg(code, **fields)
        super().__init__(self.message)

    @classmethod
    def from_problem(cls, problem: Problem) -> ChitieuError:
        """The error a validation problem stands for (its message already rendered)."""
        error = cls.__new__(cls)
        fields = {"path": problem.file, "row": problem.row, "column": problem.column, "value": problem.value}
        error.code, error.fields, error.message = problem.code, {k: v for k, v in fields.items() if v}, problem.message
        Exception.__init__(error, problem.message)
        return error


# The columns of a flattened report, in order (``Report.flatten``).
PROBLEM_FIELDS: tuple[str, ...] = ("code", "severity", "file", "row", "column", "value", "message")


@dataclass(frozen=True, slots=True)
class Problem:
    """One typed finding of a validation, kept whole (frictionless-style: reported, not raised).

    ``file`` names the file (or "workbook › sheet"), ``row`` the row as the user sees it, ``column`` the
    column as the file writes it, ``value`` the cell as written; ``message`` is the Vietnamese sentence.
    """

    code: str
    message: str
    file: str = ""
    row: int | None = None
    column: str | None = None
    value: str | None = None
    severity: str = "error"  # error | warning

    @property
    def path(self) -> str:
        """The file (older name of ``file``)."""
        return self.file

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @classmethod
    def from_error(cls, error: ChitieuError, path: str = "") -> Problem:
        """A raised user error, kept as a problem so a report can list every one at once."""
        fields = error.fields
        return cls(
            code=error.code, message=error.message, file=path or _text(fields.get("path")) or "",
            row=_row(fields.get("row")), column=_text(fields.get("column")), value=_text(fields.get("value")),
        )

    @classmethod
    def make(cls, code: str, /, severity: str = "error", **fields: object) -> Problem:
        """The catalogue message ``code`` with its fields, as a problem; ``path``/``file``, ``row``, ``column``
        and ``value`` are kept as typed fields too."""
        return cls(
            code=code,
            message=msg(code, **fields),
            file=_text(fields.get("file", fields.get("path"))) or "",
            row=_row(fields.get("row")),
            column=_text(fields.get("column")),
            value=_text(fields.get("value")),
            severity=severity,
        )

    def to_dict(self) -> dict[str, object]:
        """The problem as one JSON object (keys ``PROBLEM_FIELDS``)."""
        return {name: getattr(self, name) for name in PROBLEM_FIELDS}


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _row(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(slots=True)
class Report:
    """A validation report: every problem found, with its typed fields; errors make it not ``ok``."""

    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def flatten(self, fields: Sequence[str] = PROBLEM_FIELDS) -> list[list[object]]:
        """The report as a table, one row per problem, errors first (as ``frictionless`` ``report.flatten``).

        ``fields`` chooses and orders the columns: ``report.flatten(["row", "column", "code"])``.
        """
        unknown = [f for f in fields if f not in PROBLEM_FIELDS]
        if unknown:
            raise ValueError(f"unknown problem fields: {unknown}")
        ordered = self.errors() + self.warnings()
        return [[getattr(p, name) for name in fields] for p in ordered]

    def to_dicts(self) -> list[dict[str, object]]:
        return [p.to_dict() for p in self.errors() + self.warnings()]

    def raise_first(self) -> None:
        """Raise the first error as a ChitieuError (CLI boundary convenience)."""
        for p in self.problems:
            if p.is_error:
                raise ChitieuError.from_problem(p)
