"""Learn an office's verdict conventions from its own past table (pure).

Each row of the past table becomes a ``VerdictCase``: the target, the result aligned to the target's unit
and direction, the polarity and the verdict the office printed. ``fit_profile`` tries every combination of
the profile's settings (``SETTING_CHOICES``), keeps those that agree with the most printed verdicts and,
among them, the one closest to the default (fewest settings changed; then each setting's earlier choice,
the default coming first). The rows still disagreeing come back with the reason: our verdict and what no
setting, or only a setting that costs more rows elsewhere, would change.

The work is cheap enough to be exhaustive: the comparison of a case depends on the band only through the
rounding, rate and share settings, so the raw outcomes are computed once per band and the remaining
settings are applied on top (a few thousand combinations × the rows, well under a second for 100 rows).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import product

from chitieu.assessment.conventions import (
    DEFAULT_PROFILE,
    SETTING_CHOICES,
    ConventionProfile,
    apply_profile,
    read_official,
    target_shape,
)
from chitieu.assessment.engine import align_result, canonical_unit
from chitieu.assessment.ratio import reference_value
from chitieu.assessment.stage import Stage
from chitieu.assessment.verdict import (
    VERDICT_CLASSES,
    Outcome,
    compare,
    direction_of,
    raw_compare,
    status_for,
    verdicts_agree,
)
from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op, Quantity
from chitieu.vocab.verdicts import Status

BAND_SETTINGS = ("structure_points", "rate_points", "rounding_decimals")
EDGE_SETTINGS = ("floor", "ceiling", "beyond_point", "bound_result")


@dataclass(frozen=True, slots=True)
class VerdictCase:
    """One past row: what was compared and what the office printed."""

    row: int
    indicator: str
    target_text: str
    result_text: str
    official_text: str
    target: Quantity
    aligned: Quantity | None  # the result in the target's unit and direction; None: nothing to compare
    polarity: Polarity
    unit: str
    stage: Stage = Stage.FINAL
    fixed_outcome: Outcome | None = None  # a target in words: judged by words, no setting changes it

    @property
    def ref(self) -> float:
        value = reference_value(self.target, self.polarity)
        return value if value is not None else 0.0


def make_case(row: int, indicator: str, target_text: str, result_text: str, official_text: str, target: Quantity,
              result: Quantity | None, *, polarity: Polarity, unit: str = "", stage: Stage = Stage.FINAL,
              target_direction: int = 0, result_direction: int = 0) -> VerdictCase:
    """A case prepared the way ``assess`` prepares a comparison (unit, alignment)."""
    unit = canonical_unit(unit, target, result)
    aligned = align_result(result, unit, target_direction, result_direction) if result is not None else None
    return VerdictCase(row, indicator, target_text, result_text, official_text, target, aligned, polarity, unit, stage)


def outcome_under(case: VerdictCase, profile: ConventionProfile) -> Outcome:
    if case.fixed_outcome is not None:
        return case.fixed_outcome
    if case.aligned is None:
        return Outcome.UNKNOWN
    band = profile.tolerance().band(case.ref, case.unit, case.polarity)
    return compare(case.target, case.aligned, case.polarity, band, profile)


def status_under(case: VerdictCase, profile: ConventionProfile) -> Status:
    return status_for(outcome_under(case, profile), case.stage)


def agrees_under(case: VerdictCase, profile: ConventionProfile) -> bool | None:
    """Same outcome class as the printed verdict; None when either side has none."""
    return verdicts_agree(status_under(case, profile), read_official(case.official_text, profile, case.stage))


def agreement(cases: Iterable[VerdictCase], profile: ConventionProfile) -> tuple[int, int]:
    """(rows agreeing, rows with both verdicts) under ``profile``."""
    judged = [a for a in (agrees_under(c, profile) for c in cases) if a is not None]
    return sum(judged), len(judged)


@dataclass(frozen=True, slots=True)
class Disagreement:
    case: VerdictCase
    ours: Status
    official: Status | None
    # settings (name → value) that would make this row agree, cheapest first; empty: no setting can
    fixes: tuple[dict[str, object], ...] = ()


@dataclass(slots=True)
class FitResult:
    profile: ConventionProfile
    agreement: tuple[int, int]
    default_agreement: tuple[int, int]
    disagreements: list[Disagreement] = field(default_factory=list)
    tried: int = 0

    @property
    def changed(self) -> dict[str, tuple[object, object]]:
        return self.profile.differences(DEFAULT_PROFILE)


def _combinations() -> list[dict[str, object]]:
    keys = list(SETTING_CHOICES)
    return [dict(zip(keys, values, strict=True)) for values in product(*(SETTING_CHOICES[k] for k in keys))]


def _cost(settings: dict[str, object]) -> tuple[int, tuple[int, ...]]:
    """How far from the default: settings changed, then the position of each choice (default first)."""
    base = DEFAULT_PROFILE.settings()
    changed = sum(1 for k, v in settings.items() if _plain(v) != base[k])
    return changed, tuple(SETTING_CHOICES[k].index(v) for k, v in settings.items())


def _plain(value: object) -> object:
    return getattr(value, "value", value)


def _raw_outcome(case: VerdictCase, band_profile: ConventionProfile) -> tuple[str, str, bool] | None:
    """(raw numeric outcome, target shape, result is a bound) for numeric cases; None for yes/no or fixed ones."""
    if case.fixed_outcome is not None or case.aligned is None:
        return None
    if case.target.op is Op.DONE or case.aligned.op is Op.DONE:
        return None
    band = band_profile.tolerance().band(case.ref, case.unit, case.polarity)
    raw = raw_compare(case.target, case.aligned, case.polarity, band)
    sign = direction_of(case.target, case.polarity)
    return raw.value, target_shape(case.target, sign), case.aligned.op in (Op.GT, Op.GE, Op.LT, Op.LE)


_OUTCOME_CLASS = {"exceeded": "exceeded", "met": "achieved", "missed": "missed"}


def fit_profile(cases: Sequence[VerdictCase], *, name: str = "hoc-tu-bang", note: str = "") -> FitResult:
    """The profile agreeing with the most printed verdicts; ties go to the one closest to the default."""
    combos = _combinations()
    official_class = {
        flag: [None if (o := read_official(c.official_text, replace(DEFAULT_PROFILE, basically_met=flag), c.stage)) is None
               else VERDICT_CLASSES[o] for c in cases]
        for flag in (True, False)
    }
    by_band: dict[tuple[object, ...], list[dict[str, object]]] = {}
    for combo in combos:
        by_band.setdefault(tuple(combo[k] for k in BAND_SETTINGS), []).append(combo)
    best: tuple[int, tuple[int, tuple[int, ...]]] | None = None
    best_settings: dict[str, object] = DEFAULT_PROFILE.settings()
    for band_key, members in by_band.items():
        band_profile = replace(DEFAULT_PROFILE, **dict(zip(BAND_SETTINGS, band_key, strict=True)))  # type: ignore[arg-type]
        # numeric cases grouped by what the edge settings look at; the others scored once per "cơ bản" reading
        groups: Counter[tuple[str, str, bool, str | None, str | None]] = Counter()
        fixed = {True: 0, False: 0}
        for k, case in enumerate(cases):
            raw = _raw_outcome(case, band_profile)
            if raw is not None:
                groups[(*raw, official_class[True][k], official_class[False][k])] += 1
                continue
            for flag in (True, False):
                ours = status_under(case, replace(band_profile, basically_met=flag))
                theirs = official_class[flag][k]
                fixed[flag] += theirs is not None and ours is not Status.NO_DATA and VERDICT_CLASSES[ours] == theirs
        for combo in members:
            profile = replace(DEFAULT_PROFILE, **combo)  # type: ignore[arg-type]
            flag = bool(combo["basically_met"])
            score = fixed[flag]
            for (raw_outcome, shape, bound, theirs_true, theirs_false), count in groups.items():
                theirs = theirs_true if flag else theirs_false
                outcome = apply_profile(raw_outcome, shape=shape, bound_result=bound, profile=profile)
                if theirs is not None and _OUTCOME_CLASS.get(outcome) == theirs:
                    score += count
            rank = (score, _negated(_cost(combo)))
            if best is None or rank > best:
                best, best_settings = rank, combo
    fitted = replace(DEFAULT_PROFILE, **best_settings, name=name, note=note)  # type: ignore[arg-type]
    return FitResult(
        profile=fitted,
        agreement=agreement(cases, fitted),
        default_agreement=agreement(cases, DEFAULT_PROFILE),
        disagreements=_disagreements(cases, fitted),
        tried=len(combos),
    )


def _negated(cost: tuple[int, tuple[int, ...]]) -> tuple[int, tuple[int, ...]]:
    """Higher is better in the ranking: fewer changes and earlier choices rank higher."""
    return -cost[0], tuple(-i for i in cost[1])


def _disagreements(cases: Sequence[VerdictCase], profile: ConventionProfile) -> list[Disagreement]:
    out: list[Disagreement] = []
    for case in cases:
        if agrees_under(case, profile) is not False:
            continue
        fixes: list[tuple[tuple[int, tuple[int, ...]], dict[str, object]]] = []
        for key, choices in SETTING_CHOICES.items():  # one setting changed at a time: what would flip the row
            for value in choices:
                if _plain(value) == _plain(getattr(profile, key)):
                    continue
                trial = replace(profile, **{key: value})  # type: ignore[arg-type]
                if agrees_under(case, trial):
                    fixes.append(((1, (list(SETTING_CHOICES).index(key), choices.index(value))), {key: _plain(value)}))
        fixes.sort(key=lambda f: f[0])
        out.append(Disagreement(case, status_under(case, profile), read_official(case.official_text, profile, case.stage),
                                tuple(f[1] for f in fixes)))
    return out
