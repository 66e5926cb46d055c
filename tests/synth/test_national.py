"""The national synthetic dataset: reproducible from its seed, realistic in shape (pure generation)."""

from __future__ import annotations

import random
from collections import Counter

from chitieu.synth import national as nat


def _plan(seed: int, shape: nat.Shape, p: int = 0) -> list:
    return list(nat.plan_series(shape, seed, p))


def test_same_seed_same_data_other_seed_other_data() -> None:
    shape = nat.Shape.of(0.01)
    assert _plan(7, shape) == _plan(7, shape)
    assert _plan(7, shape) != _plan(8, shape)
    # a province's data does not depend on which provinces were generated before it
    assert _plan(7, shape, 2) == list(nat.plan_series(shape, 7, 2))


def test_scale_gives_the_country_at_one_and_small_sets_for_tests() -> None:
    full = nat.Shape.of(1.0)
    assert (full.provinces, full.communes) == (34, 3321)
    assert full.old_provinces == 63 and 9_900 < full.old_communes < 10_100
    small = nat.Shape.of(0.01)
    assert small.provinces == 3 and small.communes == 33
    assert small.targets == (3 + 33) * nat.INDICATORS_PER_PLAN


def test_units_before_and_after_the_2025_merge() -> None:
    shape = nat.Shape.of(0.01)
    units = list(nat.org_units(shape))
    codes = {u.code for u in units}
    seen: set[str] = set()
    for u in units:  # parents come first, so the loader can link them in one pass
        assert u.parent is None or u.parent in seen
        seen.add(u.code)
    new = [u for u in units if u.valid_from == nat.MERGE_DAY]
    old = [u for u in units if u.valid_to == nat.BEFORE_MERGE]
    assert len(new) == shape.provinces + shape.communes
    assert {u.kind for u in old} == {"tỉnh", "huyện", "xã"}  # districts end with the reorganisation
    pairs = list(nat.predecessors(shape))
    assert all(a in codes and b in codes for a, b in pairs)
    assert {b for _, b in pairs if b.startswith("T") and "-X" in b} == {u.code for u in new if u.kind == "xã"}


def test_indicators_cover_every_polarity_op_and_kind() -> None:
    templates = [nat.indicator_of(i)[2] for i in range(nat.INDICATORS_PER_PLAN)]
    assert {t.polarity for t in templates} == {"higher_better", "lower_better", "neutral_structure", "boolean"}
    assert {t.op for t in templates} >= {"=", ">", ">=", "<", "<=", "range", "done"}
    assert {t.kind for t in templates} == {"level", "annual_rate", "per_year", "cumulative"}
    assert len({nat.indicator_of(i)[1] for i in range(nat.INDICATORS_PER_PLAN)}) == nat.INDICATORS_PER_PLAN


def test_series_have_trends_noise_gaps_estimates_and_editions() -> None:
    rows = _plan(3, nat.Shape.of(0.01))
    flags = Counter(flag for _, _, s in rows for *_, flag, _ in s.values)
    assert flags["actual"] > flags["estimate"] > 0
    years_per_series = Counter(len({v[1] for v in s.values}) for _, _, s in rows)
    assert any(n < nat.LAST_YEAR - nat.FIRST_YEAR + 1 for n in years_per_series)  # missing years
    assert any(v[0] != v[1] for _, _, s in rows for v in s.values)  # end-of-term estimates (spans)
    versions = Counter(t.version for _, _, s in rows for t in s.targets)
    assert versions["adopted"] == len(rows) and versions["draft"] and versions["revised"]
    assert {u is None for u, _, _ in rows} == {True, False}  # province and commune targets
    # a rising indicator rises on average: GRDP per head (position 1) of the province
    gdp = next(s for u, p, s in rows if u is None and p == 1)
    values = [v[2] for v in gdp.values if v[0] == v[1] and v[4] == "actual"]
    assert values[-1] > values[0]


def test_unit_streams_are_independent_of_python_hash_seed() -> None:
    assert nat.unit_rng(1, 0, "T01-X0001").random() == random.Random("1:0:T01-X0001").random()
