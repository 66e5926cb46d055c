"""The message catalogue: one sentence per code, Vietnamese, all placeholders filled by callers."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from chitieu.messages import MESSAGES, ChitieuError, Problem, Report, msg


def test_catalogue_is_vietnamese() -> None:
    """Every message has Vietnamese letters, or is only symbols and plain Vietnamese words ("TT", "Trang")."""
    plain = {"tt", "id", "trang", "tr"}
    for code, text in MESSAGES.items():
        words = re.sub(r"\{[^}]*\}|\[/?[a-z ]+\]", " ", text)  # placeholders and console colours
        tokens = {w.lower() for w in re.findall(r"[^\W\d_]+", words)}
        assert VIETNAMESE.search(words) or tokens <= plain, code


def test_placeholders_are_named() -> None:
    for code, text in MESSAGES.items():
        for _, name, _, _ in string.Formatter().parse(text):
            assert name is None or name.isidentifier(), code


def test_error_carries_message() -> None:
    err = ChitieuError("missing_column", path="a.csv", column="target", accepted="Mục tiêu")
    assert "a.csv" in err.message and "target" in str(err) and err.code == "missing_column"
    with pytest.raises(KeyError):
        msg("no_such_code")


def test_report_collects_problems() -> None:
    report = Report()
    report.add(Problem.make("bad_number", severity="warning", path="x.csv", row=3, column="value", value="abc"))
    assert report.ok
    report.add(Problem.make("bad_number", path="x.csv", row=4, column="value", value="x"))
    assert not report.ok and report.errors()[0].row == 4
    with pytest.raises(ChitieuError, match="dòng 4"):
        report.raise_first()


# --- typed problems ----------------------------------------------------------------------------------


def test_problem_keeps_every_field() -> None:
    p = Problem.make("bad_number", severity="warning", path="x.csv", row=3, column="value", value="abc")
    assert (p.code, p.severity, p.file, p.row, p.column, p.value) == ("bad_number", "warning", "x.csv", 3, "value", "abc")
    assert p.path == "x.csv" and "abc" in p.message and not p.is_error
    assert p.to_dict() == {"code": "bad_number", "severity": "warning", "file": "x.csv", "row": 3, "column": "value",
                           "value": "abc", "message": p.message}


def test_report_flattens_to_a_table_errors_first() -> None:
    report = Report()
    report.add(Problem.make("unknown_column", severity="warning", path="a.csv", column="ghi_chu"))
    report.add(Problem.make("bad_year", path="a.csv", row=7, column="deadline", value="20x5"))
    assert report.flatten(["row", "column", "code", "value"]) == [
        [7, "deadline", "bad_year", "20x5"], [None, "ghi_chu", "unknown_column", None],
    ]
    assert [row[0] for row in report.flatten()] == ["bad_year", "unknown_column"]  # code first by default
    with pytest.raises(ValueError):
        report.flatten(["rowNumber"])


def test_an_error_raised_and_kept_as_a_problem_keeps_its_fields() -> None:
    error = ChitieuError("bad_year", path="b.csv", row=4, column="year", value="hai")
    kept = Problem.from_error(error)
    assert (kept.file, kept.row, kept.column, kept.value, kept.code) == ("b.csv", 4, "year", "hai", "bad_year")
    again = ChitieuError.from_problem(kept)
    assert again.code == "bad_year" and again.fields["row"] == 4 and again.message == error.message


# --- codes used == codes defined; no user-visible Vietnamese outside the catalogue -------------------

SRC = Path(__file__).resolve().parents[1] / "src" / "chitieu"
VIETNAMESE = re.compile(
    r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵầấẩẫậằắẳẵặềếểễệồốổỗộờớởỡợừứửữự]", re.IGNORECASE
)
# Calls whose first argument is a catalogue code, with the prefix the callee adds.
CODE_CALLS = {"ChitieuError": "", "msg": "", "Problem.make": "", "problem": "", "make_finding": "audit_"}
# Calls that print or show text, and message fields: Vietnamese literals there bypass the catalogue.
OUTPUT_CALLS = {"print", "echo", "secho", "add_column", "add_row", "add_task", "update", "write", "log"}
MESSAGE_CALLS = {"ChitieuError", "msg", "Problem.make", "problem", "make_finding", "Table", "Progress"}
# Modules whose Vietnamese literals are not messages: the filed appendix's own wording (the forms of
# Nghị định 30/2020 and Hướng dẫn 36-HD/VPTW), and the rule-file checker's reasons for rule authors.
NOT_MESSAGES = {"reports/filing.py": "document wording", "grammar/loader.py": "rule-file reasons",
                "grammar/schema.py": "rule-file reasons"}


def _modules() -> list[tuple[str, ast.Module]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("data/") or (rel.startswith("messages/") and path.name.startswith(("catalogue_", "__init__"))):
            continue
        out.append((rel, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def _call_name(node: ast.Call) -> str:
    f = node.func
    if isinstance(f, ast.Attribute):
        return "Problem.make" if f.attr == "make" and isinstance(f.value, ast.Name) and f.value.id == "Problem" else f.attr
    return f.id if isinstance(f, ast.Name) else ""


def _codes() -> tuple[dict[str, str], set[str], set[str]]:
    """Codes passed literally (→ where), prefixes of codes built by f-strings, every string literal."""
    used: dict[str, str] = {}
    prefixes: set[str] = set()
    literals: set[str] = set()
    for rel, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            if not isinstance(node, ast.Call) or not node.args or _call_name(node) not in CODE_CALLS:
                continue
            prefix, first = CODE_CALLS[_call_name(node)], node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                used.setdefault(prefix + first.value, f"{rel}:{node.lineno}")
            elif isinstance(first, ast.JoinedStr):
                head = first.values[0] if first.values else None
                prefixes.add(prefix + (head.value if isinstance(head, ast.Constant) else ""))
            elif prefix:
                prefixes.add(prefix)
    return used, prefixes, literals


def test_every_code_used_is_defined() -> None:
    used, _, _ = _codes()
    assert len(used) > 150
    undefined = {code: where for code, where in used.items() if code not in MESSAGES}
    assert not undefined, f"codes used but not in the catalogue: {undefined}"


def test_every_code_defined_is_used() -> None:
    used, prefixes, literals = _codes()
    dead = [c for c in MESSAGES if c not in used and c not in literals and not any(c.startswith(p) for p in prefixes)]
    assert not dead, f"catalogue codes nothing uses: {dead}"


def _is_regex(node: ast.JoinedStr) -> bool:
    text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return any(mark in text for mark in ("(?", "\\s", "\\d", "\\b", "[^"))


def _vietnamese(node: ast.AST) -> list[ast.Constant]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and VIETNAMESE.search(n.value)]


def _bypasses(rel: str, tree: ast.Module) -> list[str]:
    found: list[str] = []
    helps = {id(n) for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg == "help" for n in ast.walk(k.value)}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and not _is_regex(node):
            found += [f"{rel}:{n.lineno} f-string {n.value!r}" for n in _vietnamese(node) if id(n) not in helps]
        if isinstance(node, ast.Call):
            name = _call_name(node)
            parts: list[ast.AST] = []
            if name in OUTPUT_CALLS:
                parts += node.args
            if name in OUTPUT_CALLS or name in MESSAGE_CALLS:
                parts += [k.value for k in node.keywords if k.arg != "help"]
            found += [f"{rel}:{n.lineno} {name}() {n.value!r}" for part in parts for n in _vietnamese(part)]
    return found


def test_no_user_visible_vietnamese_outside_the_catalogue() -> None:
    found = [b for rel, tree in _modules() if rel not in NOT_MESSAGES for b in _bypasses(rel, tree)]
    assert not found, "write these through chitieu.messages:\n" + "\n".join(sorted(set(found)))


def test_the_command_line_speaks_only_through_the_catalogue() -> None:
    """In cli/ every Vietnamese literal is a --help text (help=..., *_HELP constants) or a catalogue code."""
    found = []
    for rel, tree in _modules():
        if not rel.startswith("cli/"):
            continue
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if (isinstance(node, ast.keyword) and node.arg == "help") or (
                isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id.endswith("_HELP") for t in node.targets)
            ):
                allowed |= {id(n) for n in ast.walk(node)}
            if isinstance(node, ast.Call) and _call_name(node) == "Option" and node.args:
                allowed |= {id(n) for n in ast.walk(node.args[0])}  # an option's default value
            if isinstance(node, (ast.FunctionDef, ast.Module)) and node.body and isinstance(node.body[0], ast.Expr):
                allowed.add(id(node.body[0].value))  # docstrings are the commands' help
        found += [f"{rel}:{n.lineno} {n.value!r}" for n in _vietnamese(tree) if id(n) not in allowed]
    assert not found, "\n".join(found)


def test_the_checks_catch_a_bypass() -> None:
    tree = ast.parse('console.print(f"Đã ghi {n} dòng")\nraise ChitieuError("x", reason="không đọc được")\n'
                     'PATTERN = re.compile(rf"(?:{a})\\s*đến")\n')
    found = _bypasses("cli/x.py", tree)
    assert any("print()" in f for f in found) and any("ChitieuError()" in f for f in found)
    assert not any("đến" in f for f in found)  # a pattern is not a message
