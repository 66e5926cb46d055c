"""Every example and counter-example of every grammar rule, run through the reader that uses the rule.

One test per example (ids: ``table:rule:example-N`` / ``counter-N``). An example with ``claims`` is run
through the whole extractor and must give exactly those claims (compared on the keys written); one with
``expect`` is read by the table's reader (a table cell or running text) and must give those fields; a
plain example must be one the rule applies to, a plain counter-example one it does not apply to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from chitieu.assessment.qualitative import grade_of
from chitieu.extraction.claims import extract_claims
from chitieu.extraction.cues import classify_title
from chitieu.extraction.quantity import TextQuantity, find_quantities
from chitieu.extraction.segment import _heading_of
from chitieu.grammar import rulebook
from chitieu.grammar.cells import QuantityError, is_no_data, parse_change, parse_quantity
from chitieu.grammar.schema import Example, Rule
from chitieu.grammar.text import norm
from chitieu.vocab.polarity_cues import infer_polarity
from chitieu.vocab.programmes import (
    capital_source_of,
    column_measure,
    column_qualifiers,
    expanded_name,
    row_level,
    task_progress_of,
)
from chitieu.vocab.table_headers import amount_kind, column_role, parse_polarity_word


def _cell(text: str) -> dict[str, Any]:
    try:
        q, direction = parse_change(text)
    except QuantityError:
        return {"none": True}
    return {"op": q.op.value, "value": q.value, "low": q.low, "high": q.high, "unit": q.unit, "hedge": q.hedge,
            "per_year": q.per_year, "boolean": q.boolean, "direction": direction, "none": False}


def _running(text: str) -> dict[str, Any]:
    found = find_quantities(text)
    if not found:
        return {"none": True, "values": []}
    q: TextQuantity = found[0]
    return {"op": q.op.value, "value": q.value, "low": q.low, "high": q.high, "unit": q.unit, "hedge": q.hedge,
            "per_year": q.per_year, "none": False, "values": [f.value for f in found]}


Reader = Callable[[str], dict[str, Any]]
Applies = Callable[[Any, str], bool]


def _comparator_applies(rule: Any, text: str) -> bool:
    readers = {"both": (_cell, _running), "cells": (_cell,), "text": (_running,)}[rule.reads_in]
    return all(read(text).get("op") == rule.op.value for read in readers)


def _polarity_cue_applies(rule: Any, text: str, example: Example | None = None) -> bool:
    target = parse_quantity(example.expect["target"]) if example and "target" in example.expect else None
    parent = example.expect.get("parent") if example else None
    return infer_polarity(text, target, parent)[0] == rule.polarity


def _matches(rule: Any, text: str) -> bool:
    return re.search(rule.pattern, norm(text, strip=" ")) is not None


# table → (reader for ``expect``, whether the rule applies to a plain example)
CHECKS: dict[str, tuple[Reader | None, Applies | None]] = {
    "words.comparators": (_cell, _comparator_applies),
    "words.levels": (_cell, None),
    "words.hedges": (_cell, lambda r, t: bool(_cell(t).get("hedge"))),
    "words.lead_words": (_running, None),
    "words.directions": (_cell, lambda r, t: _cell(t).get("direction") == r.sign),
    "words.per_year": (_cell, lambda r, t: _cell(t).get("per_year") is True),
    "words.booleans": (_cell, lambda r, t: _cell(t).get("boolean") is r.value),
    "words.signs": (_cell, lambda r, t: (_cell(t).get("op"), _cell(t).get("value")) == (r.op.value, r.value)),
    "words.no_data": (None, lambda r, t: is_no_data(t)),
    "words.grades": (None, lambda r, t: grade_of(t) == r.rank),
    "words.grade_fillers": (None, lambda r, t: grade_of(t) is not None),
    "units.catalogue": (_cell, None),
    "headers.roles": (None, lambda r, t: column_role(t) == r.role),
    "headers.amount_kinds": (None, lambda r, t: amount_kind(t) == r.role),
    "polarity.aliases": (None, lambda r, t: parse_polarity_word(t) is r.polarity),
    "polarity.cues": (None, _polarity_cue_applies),
    "polarity.sector_words": (None, lambda r, t: infer_polarity(t, None)[0].value == "neutral_structure"),
    "sections.titles": (None, lambda r, t: classify_title(t).value == r.kind),
    "sections.headings": (None, lambda r, t: re.match(r.pattern, t) is not None and _heading_of(t)[0].level == r.level),  # type: ignore[union-attr]
    "sections.list_markers": (None, lambda r, t: re.match(r.pattern, t) is not None),
    "sections.body_openers": (None, lambda r, t: re.match(r.pattern, t) is not None),
    "cues.sentence": (None, _matches),
    "cues.plan_ref_paren": (None, _matches),
    "text.blocked": (_running, lambda r, t: re.search(r.pattern, t) is not None),
    "text.references": (None, _matches),
    "text.name_count_before": (_running, _matches),
    "programmes.sources": (None, lambda r, t: capital_source_of(t) == r.source),
    "programmes.columns": (None, lambda r, t: (r.measure is None or column_measure(t) == r.measure)
                           and (r.qualifier is None or r.qualifier in column_qualifiers(t))),
    "programmes.rows": (None, lambda r, t: row_level(t) == r.level),
    "programmes.task_progress": (None, lambda r, t: task_progress_of(t) == r.progress),
    "programmes.abbreviations": (None, lambda r, t: r.long.replace("-", " ").split()[0] in expanded_name(t).split()),
}


def _reader(table: str) -> Reader | None:
    if table in CHECKS:
        return CHECKS[table][0]
    return _running  # units.* and text.* word tables: what running text reads


def _cases() -> list[Any]:
    cases = []
    for table, rule in rulebook():
        for i, example in enumerate(rule.examples, start=1):
            cases.append(pytest.param(table, rule, example, False, id=f"{table}:{rule.id}:example-{i}"))
        for i, example in enumerate(rule.counter_examples, start=1):
            cases.append(pytest.param(table, rule, example, True, id=f"{table}:{rule.id}:counter-{i}"))
    return cases


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, int | float) and not isinstance(expected, bool) and isinstance(got, int | float):
        return abs(float(expected) - float(got)) < 1e-9
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(_same(e, g) for e, g in zip(expected, got, strict=True))
    return bool(expected == got)


def _check_claims(example: Example) -> None:
    got = [c.to_dict() for c in extract_claims(example.text + "\n")]
    assert example.claims is not None
    shown = [{k: g.get(k) for k in ("kind", "op", "value", "low", "high", "unit")} for g in got]
    assert len(got) == len(example.claims), f"{example.text!r}: {shown}"
    for want, claim in zip(example.claims, got, strict=True):
        for key, value in want.items():
            assert _same(value, claim.get(key)), f"{example.text!r}: {key} {claim.get(key)!r} ≠ {value!r} in {shown}"


@pytest.mark.parametrize(("table", "rule", "example", "counter"), _cases())
def test_rule_example(table: str, rule: Rule, example: Example, counter: bool) -> None:
    if example.claims is not None:
        _check_claims(example)
        return
    if example.expect and table != "polarity.cues":
        reader = _reader(table)
        assert reader is not None, f"{table} has no reader for 'expect'"
        got = reader(example.text)
        for key, value in example.expect.items():
            assert _same(value, got.get(key)), f"{example.text!r}: {key} {got.get(key)!r} ≠ {value!r} ({got})"
        return
    applies = CHECKS.get(table, (None, None))[1]
    assert applies is not None, f"{table}: a plain example needs 'expect' or 'claims'"
    result = _polarity_cue_applies(rule, example.text, example) if table == "polarity.cues" else applies(rule, example.text)
    assert result is not counter, f"{example.text!r} {'should not' if counter else 'should'} apply"


def _spellings() -> list[Any]:
    return [
        pytest.param(rule, spelling, id=f"{rule.id}:{spelling}")
        for rule in rulebook().table("units.catalogue")
        for spelling in (rule.canonical, *rule.aliases)  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize(("rule", "spelling"), _spellings())
def test_every_unit_spelling_reads_as_its_unit(rule: Any, spelling: str) -> None:
    q = parse_quantity(f"5 {spelling}")
    # a cell may keep "per year" apart: "5 ha/năm" is 5 "ha" per year
    assert q.unit == rule.canonical or (rule.per_year and q.per_year and q.unit == rule.canonical.removesuffix("/năm"))
