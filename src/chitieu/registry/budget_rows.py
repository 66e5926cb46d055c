"""Turn the rows of a programme budget table into capital plans and disbursements (pure).

Each row is a programme node (a total, a programme, a component project, a sub-project, a numbered
content line), a unit the node allocated to ("Huyện Than Uyên"), or a source line under either ("- Vốn sự
nghiệp"). Nodes are matched with the plans already known (by title, or by the number within their parent:
"Dự án 3"), else created under their parent; units with the workspace's org units by name. Nesting is read
from the numbering column (I, 1, 1.1, a, -) or, without one, from the words of the label. Every figure keeps
its place: file, row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from chitieu.domain.org_units import OrgUnit
from chitieu.domain.plans import Plan, PlanKind
from chitieu.domain.programmes import CapitalPlan, CapitalSource, Disbursement, ProgrammeBudget
from chitieu.domain.provenance import Provenance
from chitieu.grammar.cells import is_no_data
from chitieu.grammar.text import fold
from chitieu.messages import Problem, Report, msg
from chitieu.numbers import NumberFormatError, parse_number
from chitieu.registry.budget_layout import Column, Layout, Rows
from chitieu.vocab.programmes import capital_source_of, expanded_name, row_level

LEVEL_RANK = {"total": 0, "programme": 1, "component": 2, "subproject": 3, "content": 4}
LEVEL_KIND = {"programme": PlanKind.PROGRAMME, "component": PlanKind.COMPONENT, "subproject": PlanKind.SUBPROJECT}
CODE_PREFIX = {"component": "DA", "subproject": "TDA", "content": "ND"}
UNIT_PREFIXES = ("thanh pho", "thi xa", "thi tran", "huyen", "quan", "phuong", "xa", "tinh", "tp", "tx", "tt")
FOOTER_RE = re.compile(r"^(?:ghi chu\b|nguoi lap|noi nhan|kt\.?\s|tm\.?\s|thu truong|giam doc|chu tich|lap bieu)")
_ROMAN_RE = re.compile(r"^[ivxlc]+\.?$")
_ARABIC_RE = re.compile(r"^\d+\.?$")
_DECIMAL_RE = re.compile(r"^\d+(?:\.\d+)+\.?$")
_LETTER_RE = re.compile(r"^[a-zđ][.)]?$")
_BULLET_RE = re.compile(r"^[-+*•–]+$")
_NUMBERED_RE = re.compile(r"^(?:tieu du an|du an(?: thanh phan)?|noi dung(?: thanh phan)?|tda|da|nd)\s*(?:so\s*)?(\d+|[ivx]+)\b")
_LABEL_LEAD_RE = re.compile(r"^\s*(?:[-+*•–]+|\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-zđ][.)])\s+")
MATCH_THRESHOLD = 90
SOURCE_LABEL_WORDS = 9
# A row source and a column source that together name one source ("Vốn sự nghiệp" › "- NSTW").
SOURCE_PAIRS: dict[frozenset[CapitalSource], CapitalSource] = {
    frozenset({CapitalSource.CENTRAL_BUDGET, CapitalSource.INVESTMENT}): CapitalSource.CENTRAL_INVESTMENT,
    frozenset({CapitalSource.CENTRAL_BUDGET, CapitalSource.RECURRENT}): CapitalSource.CENTRAL_RECURRENT,
    frozenset({CapitalSource.LOCAL_BUDGET, CapitalSource.INVESTMENT}): CapitalSource.LOCAL_INVESTMENT,
    frozenset({CapitalSource.LOCAL_BUDGET, CapitalSource.RECURRENT}): CapitalSource.LOCAL_RECURRENT,
}


@dataclass(slots=True)
class BudgetRead:
    """What a table gave: new programme nodes, budget rows, and counts of rows used and left aside."""

    plans: list[Plan] = field(default_factory=list)
    budget: ProgrammeBudget = field(default_factory=ProgrammeBudget)
    rows_used: int = 0
    rows_skipped: int = 0
    figures: int = 0


def numbering_rank(number: str) -> int | None:
    """How deep a numbering cell sits: I → 1, 1 → 2, 1.1 → 3, 1.1.1 → 4, a → 5, - → 6."""
    n = fold(number, strip=" ").replace(" ", "")
    if not n:
        return None
    if _DECIMAL_RE.match(n):
        return 2 + n.rstrip(".").count(".")
    if _ARABIC_RE.match(n):
        return 2
    if _ROMAN_RE.match(n):
        return 1
    if _LETTER_RE.match(n):
        return 5
    if _BULLET_RE.match(n):
        return 6
    return None


def label_text(label: str) -> str:
    """The label without its leading bullet or number ("- Vốn sự nghiệp" → "Vốn sự nghiệp")."""
    return _LABEL_LEAD_RE.sub("", label, count=1).strip().strip(":").strip()


def label_number(label: str) -> str | None:
    """The number a label gives its node: "Dự án 3: …" → "3", "Tiểu dự án 1" → "1"."""
    found = _NUMBERED_RE.match(fold(label_text(label)))
    return found[1] if found else None


def unit_key(name: str) -> str:
    folded = fold(label_text(name))
    for prefix in UNIT_PREFIXES:
        if folded.startswith(prefix + " ") or folded.startswith(prefix + ". "):
            return folded[len(prefix):].strip(" .")
    return folded


def _number(text: str) -> float | None:
    raw = text.strip().replace("%", "").strip()
    if not raw or is_no_data(raw):
        return None
    negative = raw.startswith("(") and raw.endswith(")")
    try:
        value = parse_number(raw.strip("()"))
    except NumberFormatError:
        raise ValueError(text) from None
    return -value if negative else value


class RowReader:
    """Reads the data rows of one table under its layout."""

    def __init__(self, layout: Layout, rows: Rows, *, label: str, plans: list[Plan], org_units: list[OrgUnit],
                 root: str | None, document: str | None, report: Report) -> None:
        self.layout, self.rows, self.label, self.report = layout, rows, label, report
        self.document = document
        self.plans = {p.code: p for p in plans}
        self.root = root
        self.units: dict[str, str] = {}
        for u in org_units:
            self.units.setdefault(fold(u.name), u.code)
            self.units.setdefault(unit_key(u.name), u.code)
        self.out = BudgetRead()
        self.stack: list[tuple[int, str]] = []  # (rank, plan code) of the nodes the next rows sit in
        self.last: tuple[str, str | None] | None = None  # the node (and unit) a source line belongs to
        self.number_column = next((c.index for c in layout.columns if c.measure == "number"), None)
        self.name_column = layout.name_index
        self.keys: set[tuple[object, ...]] = set()
        self.disbursements: dict[tuple[object, ...], Disbursement] = {}

    # -- problems ---------------------------------------------------------------------------------------
    def warn(self, message: str, /, row: int, column: str | None = None, **fields: object) -> None:
        self.report.add(Problem.make(message, severity="warning", path=self.label, row=row, column=column, **fields))

    # -- nodes ------------------------------------------------------------------------------------------
    def children(self, code: str | None) -> list[Plan]:
        return [p for p in self.plans.values() if p.parent_code == code]

    def match(self, parent: str | None, label: str, level: str | None) -> str | None:
        text = expanded_name(label_text(label))
        if self.root is not None and parent in (None, self.root) and _similar(text, expanded_name(self.plans[self.root].title)):
            return self.root
        number = label_number(label)
        for plan in self.children(parent):
            if number is not None and level in ("component", "subproject", "content") \
                    and label_number(plan.number or plan.title) == number \
                    and (LEVEL_KIND.get(level or "") in (None, plan.kind)):
                return plan.code
        best = max(self.children(parent) if parent is not None else self.plans.values(),
                   key=lambda p: fuzz.token_set_ratio(text, expanded_name(p.title)), default=None)
        if best is not None and _similar(text, expanded_name(best.title)):
            return best.code
        return None

    def create(self, parent: str | None, label: str, level: str | None, row: int) -> str:
        parent_plan = self.plans.get(parent) if parent else None
        kind = LEVEL_KIND.get(level or "") or _kind_below(parent_plan.kind if parent_plan else None)
        number = label_number(label)
        if level in CODE_PREFIX and number is not None:
            token = CODE_PREFIX[level or ""] + number.upper()
        elif kind is PlanKind.PROGRAMME:
            token = _initials(label)
        else:
            token = f"M{len(self.children(parent)) + 1}"
        base = f"{parent}-{token}" if parent else token
        code, n = base[:100], 2
        while code in self.plans:
            code, n = f"{base[:95]}-{n}", n + 1
        title = label_text(label) or label
        plan = Plan(code=code, title=title, kind=kind, number=_number_label(label), parent_code=parent)
        self.plans[code] = plan
        self.out.plans.append(plan)
        self.warn("programme_node_created", row, value=title, code=code, parent=parent or "—")
        return code

    def node_for(self, rank: int, label: str, level: str | None, row: int) -> str | None:
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else (self.root if level != "programme" or self.root else None)
        if parent is None and self.root is not None:
            parent = self.root
        code = self.match(parent, label, level) or self.match_anywhere(label, level)
        if code is None:
            code = self.create(parent, label, level, row)
        self.stack.append((rank, code))
        return code

    def match_anywhere(self, label: str, level: str | None) -> str | None:
        """A node known elsewhere in the tree, when the table's nesting skips levels the registry has."""
        if level not in ("programme", None):
            return None
        text = expanded_name(label_text(label))
        best = max(self.plans.values(), key=lambda p: fuzz.token_set_ratio(text, expanded_name(p.title)), default=None)
        return best.code if best is not None and _similar(text, expanded_name(best.title)) else None

    # -- rows -------------------------------------------------------------------------------------------
    def cell(self, cells: list[str], index: int | None) -> str:
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def values(self, row: int, cells: list[str]) -> list[tuple[Column, float]]:
        out = []
        for column in self.layout.value_columns:
            text = self.cell(cells, column.index)
            if not text:
                continue
            try:
                value = _number(text)
            except ValueError:
                self.warn("budget_cell_unreadable", row, column.letter, value=text[:60], header=column.header)
                continue
            if value is not None:
                out.append((column, value))
        return out

    def read(self) -> BudgetRead:
        for row, cells in self.rows[self.layout.first_data:]:
            label = self.cell(cells, self.name_column)
            number = self.cell(cells, self.number_column)
            if FOOTER_RE.match(fold(label)) or (not label and FOOTER_RE.match(fold(number))):
                break
            values = self.values(row, cells)
            if not label and not values:
                continue
            target = self.entity(row, label, number, bool(values))
            if target is None:
                if values:
                    self.out.rows_skipped += 1
                continue
            if values:
                self.out.rows_used += 1
                for column, value in values:
                    self.figure(row, label, target, column, value)
        self.out.budget.disbursements = list(self.disbursements.values())
        return self.out

    def entity(self, row: int, label: str, number: str, has_values: bool) -> tuple[str, str | None, CapitalSource | None] | None:
        """The node, unit and source a row stands for; None for a row that is only a heading or unknown."""
        level = row_level(label_text(label)) or row_level(label)
        if level == "within":
            return None
        if level == "total":
            if self.root is None:
                if has_values:
                    self.warn("budget_total_without_root", row, value=label)
                return None
            self.stack = [(0, self.root)]
            self.last = (self.root, None)
            return self.root, None, None
        unit = self.units.get(fold(label_text(label))) or self.units.get(unit_key(label))
        if unit is not None and level is None:
            node = self.stack[-1][1] if self.stack else self.root
            if node is None:
                self.warn("budget_unit_without_node", row, value=label)
                return None
            self.last = (node, unit)
            return node, unit, None
        source = capital_source_of(label_text(label)) if level is None else None
        if source is not None and len(label_text(label).split()) <= SOURCE_LABEL_WORDS:
            if self.last is None:
                if self.root is None:
                    self.warn("budget_unit_without_node", row, value=label)
                    return None
                self.last = (self.root, None)
            if source == "all":
                return self.last[0], self.last[1], None
            return self.last[0], self.last[1], source  # type: ignore[return-value]
        rank = numbering_rank(number) if number else None
        if level is None and (rank is None or rank >= 6):
            known = self.match_anywhere(label, None)
            if known is None:
                if has_values:
                    self.warn("budget_row_unknown", row, value=label_text(label)[:80] or number)
                return None
            level = "programme" if self.plans[known].kind is PlanKind.PROGRAMME else None
        rank = rank if rank is not None else LEVEL_RANK.get(level or "", 5)
        code = self.node_for(rank, label, level, row)
        if code is None:
            return None
        self.last = (code, None)
        return code, None, None

    def figure(self, row: int, label: str, target: tuple[str, str | None, CapitalSource | None], column: Column,
               value: float) -> None:
        code, unit, row_source = target
        source = _combine(row_source, column.source)
        where = Provenance(self.document, msg("budget_location", table=self.label, row=row, column=column.letter),
                           label_text(label)[:200]) if self.document else None
        period = column.period
        if period is None:
            self.warn("budget_no_period", row, column.letter, header=column.header)
            return
        if column.measure == "allocated":
            if value < 0:
                self.warn("budget_negative", row, column.letter, value=value)
                return
            item = CapitalPlan(code, period, value * self.layout.scale, source, column.kind, unit,
                               text=_shown(value), provenance=where)
            if item.key in self.keys:
                self.warn("budget_duplicate", row, column.letter, header=column.header)
                return
            self.keys.add(item.key)
            self.out.budget.capital_plans.append(item)
            self.out.figures += 1
            return
        if column.as_of is None:
            self.warn("budget_no_day", row, column.letter, header=column.header)
            return
        key = (code, unit, period, source, column.kind, column.as_of, column.flag)
        current = self.disbursements.get(key) or Disbursement(code, period, column.as_of, source=source,
                                                              kind=column.kind, org_unit_code=unit, flag=column.flag,
                                                              provenance=where)
        if column.measure == "rate":
            if current.stated_rate is not None:
                self.warn("budget_duplicate", row, column.letter, header=column.header)
                return
            current = _with(current, stated_rate=value)
        else:
            if current.amount is not None:
                self.warn("budget_duplicate", row, column.letter, header=column.header)
                return
            current = _with(current, amount=value * self.layout.scale, text=_shown(value))
        self.disbursements[key] = current
        self.out.figures += 1


def _with(d: Disbursement, **changes: object) -> Disbursement:
    return replace(d, **changes)  # type: ignore[arg-type]


def _shown(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _combine(row: CapitalSource | None, column: CapitalSource | None) -> CapitalSource | None:
    if row is None or column is None or row == column:
        return row or column
    return SOURCE_PAIRS.get(frozenset({row, column}), row)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 0.6 * len(longer) and fuzz.token_set_ratio(a, b) >= MATCH_THRESHOLD


def _kind_below(kind: PlanKind | None) -> PlanKind:
    if kind is PlanKind.PROGRAMME:
        return PlanKind.COMPONENT
    if kind in (PlanKind.COMPONENT, PlanKind.SUBPROJECT):
        return PlanKind.SUBPROJECT
    return PlanKind.PROGRAMME


def _initials(label: str) -> str:
    words = fold(label_text(label)).replace("-", " ").split()
    if words[:2] == ["chuong", "trinh"]:
        words = words[2:]
    keep = [w for w in words if w not in ("va", "cua", "cac", "giai", "doan", "tren", "dia", "ban") and w.isalnum()]
    head = [w.upper() for w in keep if w in ("mtqg", "ctmtqg")]
    rest = "".join(w[0] for w in keep if w not in ("mtqg", "ctmtqg"))[:8].upper()
    return "-".join(["CT", *head, rest] if rest else ["CT", *head])


def _number_label(label: str) -> str:
    found = re.match(r"^\s*((?:tiểu dự án|dự án(?: thành phần)?|nội dung(?: thành phần)?)\s*(?:số\s*)?\w+)", label,
                     re.IGNORECASE)
    return found[1] if found else ""


def read_budget_rows(layout: Layout, rows: Rows, *, label: str, plans: list[Plan], org_units: list[OrgUnit],
                     root: str | None, document: str | None, report: Report) -> BudgetRead:
    """The budget rows of a table whose header is ``layout``; problems (all warnings) go to ``report``."""
    return RowReader(layout, rows, label=label, plans=plans, org_units=org_units, root=root, document=document,
                     report=report).read()


__all__ = ["BudgetRead", "read_budget_rows"]
