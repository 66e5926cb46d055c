"""Store and read the validation rules of reporting rounds (per plan; inside the caller's transaction).

A write makes the rules of every plan it names exactly the given ones (matched by plan, rule and indicator:
updated in place, new ones inserted, the rest deleted); each change is collected for the event log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain.round_rules import RoundRule, RuleKind, Severity
from chitieu.messages import ChitieuError, msg
from chitieu.store.models import IndicatorRow, PlanRow
from chitieu.store.models_rounds import RoundRuleRow
from chitieu.store.upserts import Changes, CodeIds, business_key, delete_row, shown, upsert


def write_round_rules(session: Session, workspace_id: int, plan_codes: Sequence[str], rules: Iterable[RoundRule],
                      changes: Changes) -> None:
    ids = CodeIds(session, workspace_id)
    rules = list(rules)
    for plan_code in dict.fromkeys([*plan_codes, *(r.plan_code for r in rules)]):
        plan_id = ids.plans.get(plan_code)
        if plan_id is None:
            raise ChitieuError("bundle_unknown_reference", plan=plan_code, what=msg("what_round_rule", key=plan_code),
                               ref=plan_code)
        indicators = dict(session.execute(select(IndicatorRow.code, IndicatorRow.id).where(IndicatorRow.plan_id == plan_id)).all())
        code_of = {i: c for c, i in indicators.items()}
        stored = {(r.rule, r.indicator_id): r for r in session.scalars(select(RoundRuleRow).where(RoundRuleRow.plan_id == plan_id))}
        kept: set[int] = set()
        for rule in (r for r in rules if r.plan_code == plan_code):
            indicator_id = None
            if rule.indicator_code is not None:
                indicator_id = indicators.get(rule.indicator_code)
                if indicator_id is None:
                    raise ChitieuError("bundle_unknown_reference", plan=plan_code,
                                       what=msg("what_round_rule", key=rule.rule.value), ref=rule.indicator_code)
            values = {"severity": rule.severity.value if rule.severity else None, "limit_value": rule.limit,
                      "note": rule.note}
            make = partial(RoundRuleRow, plan_id=plan_id, rule=rule.rule.value, indicator_id=indicator_id)
            row = upsert(stored.get((rule.rule.value, indicator_id)), make, values, session=session, changes=changes,
                          entity="round_rule", key=business_key(plan_code, rule.rule.value, rule.indicator_code),
                          show=lambda v: shown(v, ids))
            session.flush()
            kept.add(row.id)
        for (kind, indicator_id), row in stored.items():
            if row.id not in kept:
                delete_row(session, row, changes, "round_rule", business_key(plan_code, kind, code_of.get(indicator_id) if indicator_id else None),
                        {"rule": kind, "limit_value": row.limit_value})
    session.flush()


def read_round_rules(session: Session, workspace_id: int, plan_code: str | None = None) -> list[RoundRule]:
    query = (select(RoundRuleRow, PlanRow.code, IndicatorRow.code).join(PlanRow, RoundRuleRow.plan_id == PlanRow.id)
             .outerjoin(IndicatorRow, RoundRuleRow.indicator_id == IndicatorRow.id)
             .where(PlanRow.workspace_id == workspace_id).order_by(RoundRuleRow.id))
    if plan_code is not None:
        query = query.where(PlanRow.code == plan_code)
    return [RoundRule(plan, RuleKind(r.rule), indicator, Severity(r.severity) if r.severity else None, r.limit_value, r.note)
            for r, plan, indicator in session.execute(query)]
