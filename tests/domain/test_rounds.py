"""The approval state machine and role rules of reporting rounds (pure), and periods as officials name them."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from chitieu.domain import Actor
from chitieu.domain.rounds import (
    TRANSITIONS,
    Level,
    PeriodKind,
    UnitAction,
    UnitStatus,
    level_of,
    may_act,
    next_status,
    parse_round_period,
    period_day,
)

S, A, L = UnitStatus, UnitAction, Level
EXPECTED = {
    (S.DRAFT, A.SUBMIT, L.UNIT): S.SUBMITTED, (S.RETURNED, A.SUBMIT, L.UNIT): S.SUBMITTED,
    (S.DRAFT, A.SUBMIT, L.PROVINCE): S.SUBMITTED, (S.RETURNED, A.SUBMIT, L.PROVINCE): S.SUBMITTED,
    (S.SUBMITTED, A.APPROVE, L.UNIT): S.APPROVED, (S.SUBMITTED, A.APPROVE, L.PROVINCE): S.LOCKED,
    (S.APPROVED, A.APPROVE, L.PROVINCE): S.LOCKED,
    (S.DRAFT, A.APPROVE, L.PROVINCE): S.LOCKED, (S.RETURNED, A.APPROVE, L.PROVINCE): S.LOCKED,
    (S.SUBMITTED, A.RETURN, L.UNIT): S.RETURNED, (S.SUBMITTED, A.RETURN, L.PROVINCE): S.RETURNED,
    (S.APPROVED, A.RETURN, L.PROVINCE): S.RETURNED,
    (S.APPROVED, A.REOPEN, L.PROVINCE): S.RETURNED, (S.LOCKED, A.REOPEN, L.PROVINCE): S.RETURNED,
}


@pytest.mark.parametrize(("status", "action", "level"), list(product(S, [a for a in A if a is not A.WRITE], L)))
def test_every_transition_is_as_specified(status: UnitStatus, action: UnitAction, level: Level) -> None:
    assert next_status(status, action, level) == EXPECTED.get((status, action, level))


def test_the_table_has_nothing_else_and_writes_only_in_draft_or_returned() -> None:
    assert TRANSITIONS == EXPECTED
    assert {s for s in S if s.writable} == {S.DRAFT, S.RETURNED}
    assert {s for s in S if s.approved} == {S.APPROVED, S.LOCKED}


ROLE_MATRIX = {  # role -> actions allowed on its own unit
    "officer": {A.WRITE, A.SUBMIT},
    "approver": {A.WRITE, A.SUBMIT, A.APPROVE, A.RETURN},
    "office": set(A),
    "admin": set(A),
    "viewer": set(),
}


@pytest.mark.parametrize("role", list(ROLE_MATRIX))
def test_who_may_act_on_which_unit(role: str) -> None:
    actor = Actor("x", role=role, units=frozenset({"H1"}))
    for action in A:
        assert may_act(actor, action, "H1") == (action in ROLE_MATRIX[role])
        scoped = role in ("officer", "approver")
        assert may_act(actor, action, "H2") == (action in ROLE_MATRIX[role] and not scoped)
    unscoped = Actor("y", role=role)
    if role in ("officer", "approver"):  # a unit role without units reports for no unit
        assert not any(may_act(unscoped, a, "H1") for a in A)
    assert level_of(actor) == (L.PROVINCE if role in ("office", "admin") else L.UNIT)


@pytest.mark.parametrize(("text", "kind", "start", "end"), [
    ("6 tháng 2025", PeriodKind.HALF_YEAR, 2025, 2025), ("6 tháng đầu năm 2025", PeriodKind.HALF_YEAR, 2025, 2025),
    ("Năm 2024", PeriodKind.YEAR, 2024, 2024), ("2024", PeriodKind.YEAR, 2024, 2024),
    ("giữa kỳ", PeriodKind.MIDTERM, 2021, 2023), ("Cuối kỳ", PeriodKind.FINAL, 2021, 2025),
    ("2021 – 2023", PeriodKind.RANGE, 2021, 2023),
])
def test_periods_as_officials_name_them(text: str, kind: PeriodKind, start: int, end: int) -> None:
    period = parse_round_period(text, 2020, 2025)
    assert period is not None and (period.kind, period.start, period.end) == (kind, start, end)


def test_unreadable_periods_and_the_day_of_the_hierarchy() -> None:
    assert parse_round_period("quý 3", 2020, 2025) is None
    assert parse_round_period("2025-2021") is None
    assert parse_round_period("giữa kỳ") is None  # a plan without a term
    half = parse_round_period("6 tháng 2025")
    assert half is not None and period_day(half) == date(2025, 6, 30)
