"""Statements: the figures of one clause tied to the figure they qualify, each kept as a figure of its own.

"Sản lượng ước đạt 512.000 tấn, đạt 100% kế hoạch, tăng 9,8% so cùng kỳ" is one statement of three
figures: the level (512.000 tấn), its ratio to the plan (100, unit "% kế hoạch") and its change against the
same period (9,8, unit "%"). ``group`` returns the main figures of a clause (``Item``), each with the figures
that qualify it (``Figure``: plan ratio, change, plan value, share, baseline, count …); ``claims`` turns
every one into a claim sharing the statement's id.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chitieu.domain.quantity import Op
from chitieu.extraction.claim_kind import paren_baseline
from chitieu.extraction.figure_units import same_in_count, same_kind_of_unit, share_of_count
from chitieu.extraction.grammar import (
    BASELINE_RE,
    CHANGE_VERBS,
    OTHER_UNIT_PAREN_RE,
    PAREN_REFERENCE_RE,
    PLAN_BASIS,
    PLAN_RATIO_UNITS,
    PLAN_REFERENCE_RE,
    PLAN_VERBS,
    PLAN_WORDS,
    RANK_UNIT,
    SHARE_PAREN_RE,
    reference,
)
from chitieu.extraction.indicator import content_words
from chitieu.extraction.plan_values import plan_kind_of, plan_value_kind
from chitieu.extraction.quantity import TextQuantity
from chitieu.extraction.statement_figures import (
    BASELINE,
    CHANGE,
    CONTRIBUTION,
    COUNT,
    EQUIVALENT,
    LEVEL,
    PLAN,
    PLAN_RATIO,
    RANK,
    RATIO,
    SHARE,
    Item,
    attach,
    make_figure,
    paren_figure,
    plan_after_slash,
    plan_figure,
    share_population_base,
    sign_of,
)
from chitieu.extraction.text_units import META_UNITS
from chitieu.grammar.loader import rulebook
from chitieu.grammar.text import alternation

_PLAN_AFTER_RE = re.compile(r"\s*(?:" + alternation(PLAN_WORDS) + r")(?!\w)", re.IGNORECASE)
_PLAN_PAREN_RE = reference("plan_paren")
_PLAN_SLASH_RE = reference("plan_slash")
_RATE_PAREN_RE = reference("rate_paren")
_SHARE_BASIS_RE = reference("share_basis")
_CHANGE_LEAD_RE = re.compile(r"(?:" + "|".join(CHANGE_VERBS) + r")\b", re.IGNORECASE)
_CHANGE_RE = re.compile(r"(?:^|\s)(?:" + "|".join(CHANGE_VERBS) + r")$", re.IGNORECASE)
PLAN_VERB_RE = re.compile(r"(?:^|\s)(?:" + alternation(PLAN_VERBS) + r")(?=\s|$)", re.IGNORECASE)
_EXCEEDS_RE = re.compile(r"(?:^|\s)vượt(?:\s|$)")
_BEATS_RE = re.compile(r"(?:vượt|cao hơn|thấp hơn|hụt|tăng|giảm)\s")

# A figure followed by its own comparison ("… (tăng 0,49% so với năm 2022)") names its basis itself.
_OWN_BASIS_RE = re.compile(r"\s*(?:so\s+với|so)\s", re.IGNORECASE)

# The lead of a share written right after a level ("…, chiếm 72,7% tổng thu"): a figure of that level's statement.
_SHARE_LEADS = frozenset({"chiếm"})


def group(t: str, c_start: int, quantities: list[TextQuantity], review: bool = False) -> list[Item]:
    """Main quantities of a clause, with plan and change figures attached to the one they qualify (in a
    review, a plan quoted for comparison is attached as the plan value of the figure before it)."""
    items: list[Item] = []
    for q in quantities:
        if q.rank and items and items[-1].quantity.unit.lower() not in META_UNITS:  # not of "31/37 chỉ tiêu"
            attach(items[-1], items[-1].change, t[q.start : q.end], q.end, make_figure(RANK, q))  # "…, đứng thứ 2"
            continue
        beat = _EXCEEDS_PLAN_RE.search(t[max(c_start, q.start - 80) : q.number_start].lower())
        if review and not beat and PLAN_REFERENCE_RE.search(t[max(c_start, q.start - 60) : q.start]):
            kind = plan_kind_of(t[max(c_start, q.start - 60) : q.start])
            if items:
                attach(items[-1], items[-1].plan, t[q.number_start : q.end], q.end, make_figure(PLAN, q, plan_kind=kind))
            else:
                items.append(Item(q, [], [], tail=q.end, role=PLAN, plan_kind=kind))
            continue
        after = t[q.end : q.end + 60]
        before = t[max(c_start, q.start - 80) : q.number_start]
        before_l = before.lower()
        written = t[q.start : q.end].strip()
        baseline = BASELINE_RE.match(after.lstrip(" ,"))
        slash = _PLAN_SLASH_RE.search(before)
        if slash and items:  # "55,3 triệu đồng/KH 55-56 triệu đồng": the plan of the figure before
            attach(items[-1], items[-1].plan, f"{slash.group().lstrip('/ ')} {t[q.number_start : q.end]}", q.end,
                    make_figure(PLAN, q, plan_kind=plan_kind_of(slash.group())))
            continue
        if _PLAN_PAREN_RE.search(before):  # "(Nghị quyết 8-9%)": the plan of the figure before
            if items:
                quoted = before[before.rfind("(") + 1 :].strip()
                kind = plan_kind_of(quoted)
                # "(vượt mục tiêu Nghị quyết 0,12%)" says by how much; "(Nghị quyết 8-9%)" quotes the plan
                fig = (make_figure(CHANGE, q, basis=kind, sign=sign_of(quoted)) if _BEATS_RE.match(quoted.lower())
                       else make_figure(PLAN, q, plan_kind=kind))
                attach(items[-1], items[-1].plan, quoted + " " + t[q.number_start : q.end], q.end, fig)
            continue
        near = t[max(c_start, q.number_start - 80) : q.number_start]
        if OTHER_UNIT_PAREN_RE.search(near):
            if items:  # "(sau tỉnh X tăng 13,9%)": another unit's figure, context only
                attach(items[-1], items[-1].change, f"({written})", q.end)
            continue
        if SHARE_PAREN_RE.search(near):
            if items:  # "(chiếm 9,5%)": the share of the figure before
                attach(items[-1], items[-1].change, f"({written})", q.end, make_figure(SHARE, q))
            continue
        if (items and "%" in q.unit and "%" not in items[-1].quantity.unit and q.lead.lower() in _SHARE_LEADS
                and _adjacent(t, items[-1].tail, q.start)):
            # "thu nội địa 195.583 tỷ đồng, đạt 58,6% dự toán, chiếm 72,7% tổng thu và tăng 29%": the share of the level
            basis = _SHARE_BASIS_RE.match(t, q.end)  # "… chiếm 4,1% tổng thu cân đối và giảm 12,8%"
            attach(items[-1], items[-1].change, written, basis.end() if basis else q.end, make_figure(SHARE, q))
            continue
        if items and "%" in q.unit and "%" not in items[-1].quantity.unit and _RATE_PAREN_RE.search(near) and not _PLAN_AFTER_RE.match(after):
            attach(items[-1], items[-1].change, f"({written})", q.end, make_figure(SHARE, q))  # "98.765 (tỷ lệ 98,2%)"
            continue
        reference_m = PAREN_REFERENCE_RE.search(t[max(c_start, q.start - 60) : q.start])
        if reference_m and _OWN_BASIS_RE.match(after):  # "đạt 100% so với kế hoạch (tăng 0,49% so với năm 2022)"
            reference_m = None  # a change with its own basis, not the plan quoted
        plan_after = _PLAN_AFTER_RE.match(after)
        if items and plan_after and "%" in q.unit and (
            reference_m or paren_baseline(t, max(c_start, q.start - 80), q.number_start)
        ):
            # "tăng 12,1% so với cuối năm 2022 (đạt 99,7% kế hoạch được giao)": the ratio to the plan, not an earlier level
            end = q.end + plan_after.end()
            attach(items[-1], items[-1].plan, f"({written}{plan_after.group()}", end, plan_figure(q, before_l, plan_after.group(), end))
            continue
        compared_before = (
            _PLAN_COMPARED_BEFORE_RE.search(before) if q.unit == "%" and not plan_after and "so" in before_l else None
        )
        if items and compared_before:  # "so với chỉ tiêu giao (3.000 hộ) đạt 105%": the ratio to the plan named before
            named_basis = PLAN_BASIS[" ".join(compared_before.group("basis").lower().split())]
            if items[-1].role == PLAN:  # the clause opened with the plan: the ratio is the statement's result
                items.append(Item(q, [], [], tail=q.end, role=PLAN_RATIO, unit=f"% {named_basis}"))
            else:
                attach(items[-1], items[-1].plan, written, q.end,
                        make_figure(PLAN_RATIO, q, unit=f"% {named_basis}", basis=named_basis))
            continue
        if not items and reference_m and "cả nước" not in reference_m.group().lower():
            # "…; so với chỉ tiêu giao của UBND (70.544 người) đạt 84%": the plan quoted opens the clause;
            # "…; so với cùng kỳ năm 2019 (6.481 người)": the earlier level, no level of its own
            named = reference_m.group()
            if any(w in named.lower() for w in _PLANNED_WORDS):
                items.append(Item(q, [], [], tail=q.end, role=PLAN, plan_kind=plan_kind_of(named)))
            else:
                items.append(Item(q, [], [], tail=q.end, role=BASELINE))
            continue
        if items and reference_m:  # "cao hơn cùng kỳ năm 2025 (27,5%)": the level compared with
            named = reference_m.group()
            if "cả nước" in named.lower():  # "cao hơn bình quân chung cả nước (ước tăng 7%)": another body's figure
                attach(items[-1], items[-1].change, f"({written})", q.end)
                continue
            planned = any(w in named.lower() for w in _PLANNED_WORDS)
            slash_plan = plan_after_slash(q) if planned else None
            if slash_plan is not None:  # "đạt 20,4% kế hoạch giao (3.711/18.195 tỷ đồng)": done over planned
                done = make_figure(EQUIVALENT, replace(q, denominator=None, op=Op.EQ), start=q.number_start)
                attach(items[-1], items[-1].change, f"({written})", q.end, done)
                items[-1].figures.append(slash_plan)
                continue
            ranked = q.bare and any(f.role == RANK and f.quantity.denominator == q.denominator for f in items[-1].figures)
            fig = make_figure(PLAN, q, plan_kind=plan_kind_of(named)) if planned else make_figure(
                BASELINE, q, basis=named.strip(" ("), unit=RANK_UNIT if ranked else q.unit)  # "(38/63)": the earlier rank
            attach(items[-1], items[-1].change, f"({written})", q.end, fig)
            continue
        tail = items[-1].tail if items else c_start
        beat_at = max(c_start, q.start - 80) + beat.start() if beat else 0
        if items and beat and (_adjacent(t, tail, beat_at) or _subjectless(t, tail, beat_at)):
            # "…, vượt dự toán 2,5%": by how much the figure before beat its plan
            attach(items[-1], items[-1].plan, f"{beat.group().strip()} {written}", q.end,
                    make_figure(CHANGE, q, start=beat_at + len(beat.group()) - len(beat.group().lstrip()), basis=PLAN_BASIS.get(beat.group("basis"), beat.group("basis")),
                            sign=sign_of(beat.group())))
            continue
        plan_word = _PLAN_AFTER_RE.match(after)
        if items and plan_word and not q.bare and (
            _adjacent(t, tail, q.start) or (q.unit != items[-1].quantity.unit and _subjectless(t, tail, q.start))
        ):
            # the plan's own qualifiers ("kế hoạch HĐND huyện giao") belong to it
            rest = _PLAN_QUALIFIER_RE.match(t, q.end + plan_word.end())
            end = rest.end() if rest else q.end
            attach(items[-1], items[-1].plan, f"{written}{plan_word.group()}", end,
                    plan_figure(q, before_l, plan_word.group(), q.end + plan_word.end()))
            continue
        lead = " ".join(q.lead.split()[:2])
        if items and (
            (_RESTATES_RE.search(before_l) and "%" not in q.unit)  # "tương đương 3,6% GDP" is a ratio of its own
            or (_EXCEEDS_RE.search(before_l) and q.unit == items[-1].quantity.unit and _adjacent(t, tail, q.start))
        ):
            # "(tăng 7,7% tương đương 1,6 triệu đồng)", "giảm 693 hộ, vượt 333 hộ": the same figure again
            exceeds = bool(_EXCEEDS_RE.search(before_l))
            fig = make_figure(CHANGE, q, basis="kế hoạch", sign=1) if exceeds else make_figure(
                CHANGE if items[-1].change else EQUIVALENT, q, sign=sign_of(" ".join(items[-1].change))
            )
            attach(items[-1], items[-1].plan if exceeds else items[-1].change, written, q.end, fig)
            continue
        if items and _NEW_LEVEL_RE.search(before_l) and (same_kind_of_unit(items[-1].quantity, q) or q.bare):
            between = content_words(_YEAR_PHRASE_RE.sub(" ", t[tail : q.number_start]))
            if not between or _NEW_LEVEL_RE.fullmatch(between.lower()):
                # "năm 2010 gần 74 tỷ đồng, đến năm 2014 tăng lên 143,3 tỷ": the first figure is the starting point
                old = items.pop()
                if q.bare:  # "giảm từ 39,17% (năm 2015) xuống 29,49 (năm 2020)": the unit is the old figure's
                    q = replace(q, unit=old.quantity.unit, bare=False, op=Op.EQ if q.op is Op.LE else q.op)
                start = old.quantity.number_start
                item = Item(q, [], [], baseline=t[start : old.quantity.end], tail=q.end,
                            figures=[make_figure(BASELINE, replace(old.quantity, op=Op.EQ), start=start), *old.figures])
                items.append(item)
                continue
        if (
            items and q.unit.startswith("điểm") and _CONTRIBUTES_RE.search(before_l)
            # a part written before the verb contributes itself ("…, dịch vụ đóng góp 3,07 điểm phần trăm")
            and not content_words(_CONTRIBUTES_RE.sub(" ", t[tail : q.number_start])).strip()
        ):  # "…, đóng góp 0,55 điểm %"
            attach(items[-1], items[-1].change, written, q.end, make_figure(CONTRIBUTION, q))
            continue
        bare_ratio = not baseline and "%" not in items[-1].quantity.unit if items else False  # "… ha, bằng 99,88%;"
        if items and (baseline or bare_ratio) and q.unit == "%" and _RATIO_WORD_RE.search(before_l) and _subjectless(t, tail, q.start):
            end = q.end + (len(after) - len(after.lstrip(" ,")) + baseline.end() if baseline else 0)
            attach(items[-1], items[-1].change, f"{written} {baseline.group() if baseline else ''}".strip(), end,
                    make_figure(RATIO, q, end=end, basis=" ".join(baseline.group("base").split()) if baseline else ""))
            continue
        is_change = _CHANGE_RE.search(before_l.rstrip()) or lead.startswith(("tăng", "giảm"))
        between = t[tail : q.start] if items else ""
        # "so với" compares this figure only when no other figure comes first ("19,1% cao hơn 3 lần so với")
        compared = baseline or "so với" in _NEXT_NUMBER_RE.split(after[:40], maxsplit=1)[0].lower()
        # "quy mô GRDP gấp 1,7 lần, GRDP bình quân đầu người gấp 1,67 lần so với năm 2020": two changes of the
        # same kind with a subject written between them are two claims, not one figure and its change
        own_subject = bool(
            items
            and _CHANGE_LEAD_RE.match(items[-1].quantity.lead)
            and content_words(between)
            and same_kind_of_unit(items[-1].quantity, q)
        )
        if items and is_change and not own_subject and (compared or (not content_words(between) and not q.per_year)):
            end = q.end + (len(after) - len(after.lstrip(" ,")) + baseline.end() if baseline else 0)
            fig = make_figure(CHANGE, q, end=end, basis=baseline.group("base") if baseline else "",
                          sign=sign_of(f"{before_l[-30:]} {q.lead}"))
            attach(items[-1], items[-1].change, written + (f" {baseline.group()}" if baseline else ""), q.end, fig)
            continue
        if items and share_of_count(items[-1].quantity, q) and _RESTATES_RE.search(before_l):
            attach(items[-1], items[-1].change, written, q.end, make_figure(SHARE, q))  # "320/411 xã …, tương đương 77,86%"
            continue
        if items and share_of_count(items[-1].quantity, q) and _adjacent(t, tail, q.start):
            # "65/93 xã, đạt 69,9%": the rate is the count's share, the same figure again
            old = items.pop()
            count = make_figure(COUNT, replace(old.quantity, op=Op.EQ), start=old.quantity.number_start)
            items.append(Item(q, [], [t[old.quantity.start : old.quantity.end].strip()], old.baseline, tail=q.end,
                              figures=[count, *old.figures]))
            continue
        if items and (
            paren_baseline(t, max(c_start, q.start - 80), q.number_start)
            or (_PAREN_OPEN_RE.fullmatch(t[items[-1].quantity.end : q.start]) and same_in_count(items[-1].quantity, q))
        ):
            # "(năm 2020 đạt 50%)" is an earlier level; "50% (8 xã)" the same figure as a count;
            # "98.765 (tỷ lệ 98,2%)" the count's rate
            attach(items[-1], items[-1].change, written, q.end, paren_figure(t, items[-1].quantity, q))
            continue
        slash_plan = plan_after_slash(q)
        if slash_plan is not None:  # "đạt 53,5/52 ha": the result and its plan
            q = replace(q, denominator=None)
        item = Item(q, [], [], tail=q.end, role=RANK if q.rank else LEVEL)  # a rank alone is a statement
        if slash_plan is not None:
            item.figures.append(slash_plan)
            item.against_plan = True
            item.plan.append(t[q.number_start : q.end].strip())
        base = BASELINE_RE.search(after[:50])
        if base:
            item.baseline = base.group("base")
        if plan_word and q.unit == "%" and not q.bare and _EXCEEDS_RE.search(t[q.start : q.number_start].lower()):
            item.role = CHANGE  # "phấn đấu thu vượt 5% dự toán": by how much the plan is beaten, unit "%"
        elif plan_word and q.unit == "%" and not q.bare:  # "ước đạt 52% dự toán": a ratio to the plan
            item.role, item.unit = PLAN_RATIO, f"% {PLAN_BASIS[plan_word.group().strip().lower()]}"
        elif plan_word and q.unit.lower() in PLAN_RATIO_UNITS:  # "gấp 2,1 lần dự toán", a statement of its own
            item.role = PLAN_RATIO
        else:
            item.plan_kind = plan_value_kind(t, c_start, q)
            if item.plan_kind:
                item.role = PLAN
        items.append(item)
    share_population_base(t, items)
    return items


# A reference naming a plan or a limit set for the figure ("mức Quốc hội cho phép (4,42%)") quotes a plan value.
_PLANNED_WORDS = ("kế hoạch", "dự toán", "nghị quyết", "mục tiêu", "chỉ tiêu", "giao", "cho phép", "quy định")


_NEXT_NUMBER_RE = re.compile(r"\d")
_CONTRIBUTES_RE = re.compile(rulebook().pattern("text.statements", "contribution_to_growth"))
_RATIO_WORD_RE = re.compile(rulebook().pattern("text.statements", "ratio_to_earlier_period"))
_PAREN_OPEN_RE = re.compile(r"\s*\(\s*")
# Words before a figure that restate the figure before it, or give by how much it beat its plan.
_RESTATES_RE = reference("restates", 0)
_EXCEEDS_PLAN_RE = reference("exceeds_plan")
_PLAN_COMPARED_BEFORE_RE = reference("plan_compared_before")
_EXCEEDS_RE = reference("exceeds", 0)
_PLAN_QUALIFIER_RE = re.compile(r"[^\d,;.()]{0,40}(?=[,;.()]|$)")


# Words before a figure that make it the new level reached ("tăng lên 143 tỷ", "giảm xuống còn 2,1%").
_NEW_LEVEL_RE = reference("new_level", 0)
_YEAR_PHRASE_RE = re.compile(r"(?:đến|tới|vào|cuối|hết)?\s*năm\s+(?:19|20)\d{2}")


_OWN_PHRASE_RE = re.compile(r"(?:[,;]|\svà)\s", re.IGNORECASE)


def _subjectless(t: str, end: int, start: int) -> bool:
    """The phrase of the figure at ``start`` names nothing of its own ("…, đạt 99,6% so với kế hoạch huyện",
    "… và tăng 19,4% dự toán HĐND tỉnh giao"), so it qualifies the figure before it."""
    cuts = list(_OWN_PHRASE_RE.finditer(t, end, start))
    if not cuts:
        return False
    own = t[cuts[-1].end() : start]
    return not content_words(_CHANGE_LEAD_RE.sub(" ", PLAN_VERB_RE.sub(" ", own))).strip()


def _adjacent(t: str, end: int, start: int) -> bool:
    """At most one word besides punctuation and linking verbs ("bằng", "đạt", "vượt") between two figures."""
    return len(content_words(PLAN_VERB_RE.sub(" ", t[end:start])).split()) <= 1
