"""Reporting rounds (kỳ báo cáo) as pure data: periods, the approval state machine and who may do what.

A round asks units (departments, districts, communes) for the values of a plan's indicators for a period.
Each unit of the round moves through the approval states below; the round itself is open or closed.

    draft ──submit──► submitted ──approve (unit approver)──► approved ──approve (office)──► locked
      ▲                  │  │                                   │                              │
      └──── return ──────┘  └──────── approve (office) ─────────┼──────────────────────────────┘
      ▲                                                         │
      └──── return (office) ────────────────────────────────────┘
      ▲
      └──── reopen (office, with a reason) ◄── approved | locked
    draft | returned ──approve (office: figures it compiled itself, checked as a submission)──► locked

Values may be written only while the unit is ``draft`` or ``returned`` and the round is open. A unit is
approved only when every unit below it in the round has been approved (bottom-up); an approved unit is
reopened only when the unit above it is not approved (top-down).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from chitieu.domain.actors import Actor, Role
from chitieu.messages import msg


class RoundStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class UnitStatus(StrEnum):
    DRAFT = "draft"  # values being entered (drafts are saved as they are written)
    SUBMITTED = "submitted"  # sent for approval; no more writes
    RETURNED = "returned"  # sent back with a comment; writable again
    APPROVED = "approved"  # approved at the unit's level
    LOCKED = "locked"  # approved at province level (the office): final

    @property
    def label_vi(self) -> str:
        return {"draft": "Đang nhập", "submitted": "Đã gửi", "returned": "Bị trả lại", "approved": "Đã duyệt",
                "locked": "Đã khóa"}[self.value]

    @property
    def writable(self) -> bool:
        return self in (UnitStatus.DRAFT, UnitStatus.RETURNED)

    @property
    def approved(self) -> bool:
        return self in (UnitStatus.APPROVED, UnitStatus.LOCKED)


class UnitAction(StrEnum):
    WRITE = "write"
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REOPEN = "reopen"


class Level(StrEnum):
    """At which level an actor approves: the unit's own approver, or the office (province level)."""

    UNIT = "unit"
    PROVINCE = "province"


# (status, action, level) -> next status; what is not here is refused (409).
TRANSITIONS: dict[tuple[UnitStatus, UnitAction, Level], UnitStatus] = {
    (UnitStatus.DRAFT, UnitAction.SUBMIT, Level.UNIT): UnitStatus.SUBMITTED,
    (UnitStatus.RETURNED, UnitAction.SUBMIT, Level.UNIT): UnitStatus.SUBMITTED,
    (UnitStatus.DRAFT, UnitAction.SUBMIT, Level.PROVINCE): UnitStatus.SUBMITTED,
    (UnitStatus.RETURNED, UnitAction.SUBMIT, Level.PROVINCE): UnitStatus.SUBMITTED,
    (UnitStatus.SUBMITTED, UnitAction.APPROVE, Level.UNIT): UnitStatus.APPROVED,
    (UnitStatus.SUBMITTED, UnitAction.APPROVE, Level.PROVINCE): UnitStatus.LOCKED,
    (UnitStatus.APPROVED, UnitAction.APPROVE, Level.PROVINCE): UnitStatus.LOCKED,
    # the office compiles the province's own figures: it may approve them without submitting to itself
    (UnitStatus.DRAFT, UnitAction.APPROVE, Level.PROVINCE): UnitStatus.LOCKED,
    (UnitStatus.RETURNED, UnitAction.APPROVE, Level.PROVINCE): UnitStatus.LOCKED,
    (UnitStatus.SUBMITTED, UnitAction.RETURN, Level.UNIT): UnitStatus.RETURNED,
    (UnitStatus.SUBMITTED, UnitAction.RETURN, Level.PROVINCE): UnitStatus.RETURNED,
    (UnitStatus.APPROVED, UnitAction.RETURN, Level.PROVINCE): UnitStatus.RETURNED,
    (UnitStatus.APPROVED, UnitAction.REOPEN, Level.PROVINCE): UnitStatus.RETURNED,
    (UnitStatus.LOCKED, UnitAction.REOPEN, Level.PROVINCE): UnitStatus.RETURNED,
}

# Which roles may take each action on a unit (unit-scoped roles only for their own units; see ``may_act``).
ACTION_ROLES: dict[UnitAction, frozenset[Role]] = {
    UnitAction.WRITE: frozenset({Role.OFFICER, Role.APPROVER, Role.OFFICE, Role.ADMIN}),
    UnitAction.SUBMIT: frozenset({Role.OFFICER, Role.APPROVER, Role.OFFICE, Role.ADMIN}),
    UnitAction.APPROVE: frozenset({Role.APPROVER, Role.OFFICE, Role.ADMIN}),
    UnitAction.RETURN: frozenset({Role.APPROVER, Role.OFFICE, Role.ADMIN}),
    UnitAction.REOPEN: frozenset({Role.OFFICE, Role.ADMIN}),
}
ROUND_MANAGERS = frozenset({Role.OFFICE, Role.ADMIN})  # create, close and reopen rounds


def level_of(actor: Actor) -> Level:
    return Level.PROVINCE if Role(actor.role) in ROUND_MANAGERS else Level.UNIT


def may_act(actor: Actor, action: UnitAction, unit_code: str) -> bool:
    """Whether ``actor`` may take ``action`` on ``unit_code``: by role, and for officers and approvers only
    on the units they are scoped to."""
    role = Role(actor.role)
    if role not in ACTION_ROLES[action]:
        return False
    if role in (Role.OFFICER, Role.APPROVER):
        return unit_code in actor.units if actor.units else False
    return True


def next_status(status: UnitStatus, action: UnitAction, level: Level) -> UnitStatus | None:
    """The state after ``action`` at ``level``, or None when the state machine refuses it."""
    return TRANSITIONS.get((status, action, level))


class PeriodKind(StrEnum):
    HALF_YEAR = "half_year"  # 6 tháng
    YEAR = "year"  # năm
    MIDTERM = "midterm"  # giữa kỳ
    FINAL = "final"  # cuối kỳ
    RANGE = "range"  # any span of years

    @property
    def label_vi(self) -> str:
        return {"half_year": "6 tháng", "year": "năm", "midterm": "giữa kỳ", "final": "cuối kỳ",
                "range": "giai đoạn"}[self.value]


@dataclass(frozen=True, slots=True)
class RoundPeriod:
    kind: PeriodKind
    start: int
    end: int
    label: str  # as shown: "6 tháng 2025", "năm 2025", "giữa kỳ 2021-2023", "2021-2023"


_YEAR = r"((?:19|20|21)\d\d)"


def parse_round_period(text: str, term_start: int | None = None, term_end: int | None = None) -> RoundPeriod | None:
    """A round's period as officials name it: "6 tháng 2025", "6 tháng đầu năm 2025", "năm 2025", "2025",
    "giữa kỳ" (the first half of the plan's term, e.g. 2021-2023 of 2020-2025), "cuối kỳ" (the whole term),
    "2021-2023"; None when it cannot be read (or the plan has no term for "giữa kỳ"/"cuối kỳ")."""
    folded = " ".join(text.strip().lower().replace("–", "-").split())
    if not folded:
        return None
    m = re.fullmatch(rf"(?:báo cáo )?6 tháng(?: đầu năm)?(?: năm)? {_YEAR}|6t/{_YEAR}|h1[/ -]{_YEAR}", folded)
    if m:
        year = int(next(g for g in m.groups() if g))
        return RoundPeriod(PeriodKind.HALF_YEAR, year, year, msg("round_period_half_year", year=year))
    m = re.fullmatch(rf"(?:năm )?{_YEAR}", folded)
    if m:
        year = int(m.group(1))
        return RoundPeriod(PeriodKind.YEAR, year, year, msg("round_period_year", year=year))
    m = re.fullmatch(rf"(?:giai đoạn )?{_YEAR} ?- ?{_YEAR}", folded)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        return RoundPeriod(PeriodKind.RANGE, start, end, f"{start}-{end}") if start <= end else None
    if folded in ("giữa kỳ", "giữa nhiệm kỳ", "midterm", "final", "cuối kỳ", "cuối nhiệm kỳ", "cả nhiệm kỳ"):
        if term_start is None or term_end is None:
            return None
        first = term_start + 1 if term_end - term_start >= 5 else term_start
        if folded in ("giữa kỳ", "giữa nhiệm kỳ", "midterm"):
            middle = first + (term_end - first) // 2
            return RoundPeriod(PeriodKind.MIDTERM, first, middle, msg("round_period_midterm", start=first, end=middle))
        return RoundPeriod(PeriodKind.FINAL, first, term_end, msg("round_period_final", start=first, end=term_end))
    return None


def period_day(period: RoundPeriod) -> date:
    """The day whose hierarchy a round uses: the last day of its period (30 June for a half year)."""
    return date(period.end, 6, 30) if period.kind is PeriodKind.HALF_YEAR else date(period.end, 12, 31)
