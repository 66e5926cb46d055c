"""The one catalogue of user-facing messages (Vietnamese) and the error type that carries them.

The catalogue is kept in one file per area (catalogue_*.py) so that areas can grow it independently;
they are merged here and a code may appear only once.

Code raises ``ChitieuError("code", **fields)``; CLI and web print ``error.message``. Keeping every
sentence here lets translators and reviewers see all of them in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chitieu.messages.catalogue_assessment import ASSESSMENT_MESSAGES
from chitieu.messages.catalogue_conventions import CONVENTIONS_MESSAGES
from chitieu.messages.catalogue_core import CORE_MESSAGES
from chitieu.messages.catalogue_extraction import EXTRACTION_MESSAGES
from chitieu.messages.catalogue_grammar import GRAMMAR_MESSAGES
from chitieu.messages.catalogue_outputs import OUTPUTS_MESSAGES
from chitieu.messages.catalogue_readers import READERS_MESSAGES
from chitieu.messages.catalogue_reports import REPORTS_MESSAGES
from chitieu.messages.catalogue_store import STORE_MESSAGES
from chitieu.messages.catalogue_web import WEB_MESSAGES

_PARTS = (
    CORE_MESSAGES, ASSESSMENT_MESSAGES, EXTRACTION_MESSAGES, GRAMMAR_MESSAGES, READERS_MESSAGES, REPORTS_MESSAGES,
    STORE_MESSAGES, OUTPUTS_MESSAGES, WEB_MESSAGES, CONVENTIONS_MESSAGES,
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
        error.code, error.fields, error.message = problem.code, {}, problem.message
        Exception.__init__(error, problem.message)
        return error


@dataclass(frozen=True, slots=True)
class Problem:
    """One typed finding of a validation (frictionless-style: reported, not raised)."""

    code: str
    message: str
    path: str = ""
    row: int | None = None
    column: str | None = None
    severity: str = "error"  # error | warning

    @classmethod
    def from_error(cls, error: ChitieuError, path: str = "") -> Problem:
        """A raised user error, kept as a problem so a report can list every one at once."""
        return cls(code=error.code, message=error.message, path=path)

    @classmethod
    def make(cls, code: str, /, severity: str = "error", **fields: object) -> Problem:
        return cls(
            code=code,
            message=msg(code, **fields),
            path=str(fields.get("path", "")),
            row=fields.get("row"),  # type: ignore[arg-type]
            column=fields.get("column"),  # type: ignore[arg-type]
            severity=severity,
        )


@dataclass(slots=True)
class Report:
    """A validation report: the problems found, errors first."""

    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_first(self) -> None:
        """Raise the first error as a ChitieuError (CLI boundary convenience)."""
        for p in self.problems:
            if p.severity == "error":
                raise ChitieuError.from_problem(p)
