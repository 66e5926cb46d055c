"""Validate the ``round_rules`` table of the exchange format (pure): validation rules of reporting rounds per plan.

Columns: plan_code, rule (share_max, units_sum, jump_factor, note_when_at_risk, or the Vietnamese words),
indicator_code (empty: every indicator the rule applies to), severity (error/warning; empty: the rule's
default), limit (empty: the rule's default), note. See ``chitieu.domain.round_rules``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chitieu.domain.round_rules import RoundRule, RuleKind, Severity
from chitieu.messages import msg
from chitieu.registry.cells import Cells

if TYPE_CHECKING:
    from chitieu.registry.parse import _Builder


def read_round_rules(builder: _Builder) -> None:
    seen: set[object] = set()

    def each(c: Cells) -> None:
        plan = builder.plan_ref(c)
        kind = c.choice("rule", RuleKind, None)
        if kind is None and c.text("rule") == "":
            c.problem("missing_value", "rule")
        indicator = c.optional("indicator_code")
        if plan and indicator:
            content = builder.registry.contents.get(plan)
            if (content is None or content.indicator(indicator) is None) \
                    and not builder.already_reported("indicators", (plan, indicator)):
                c.problem("unknown_reference", "indicator_code", value=indicator)
        severity = c.choice("severity", Severity, None)
        limit = c.number("limit")
        if limit is not None and limit <= 0:
            c.problem("bad_value", "limit", value=c.text("limit"), reason=msg("reason_rule_limit"))
        if c.failed or not plan or kind is None:
            return
        if not builder.unique(c, seen, (plan, kind, indicator), f"{plan}/{kind.value}/{indicator or '*'}"):
            return
        builder.registry.round_rules.append(RoundRule(plan, kind, indicator, severity, limit, c.text("note")))

    builder.rows("round_rules", each)
