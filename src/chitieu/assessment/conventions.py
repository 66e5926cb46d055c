"""Verdict conventions as a named profile: how an office turns a comparison into Vượt / Đạt / a miss (pure).

Offices agree on what a miss is; they differ on the edges. A ``ConventionProfile`` states them:

* ``floor``: a result against a floor target ("> 95", "≥ 95", "trên 95") — ``split`` (at the floor Đạt,
  beyond it Vượt), ``exceeded`` (at or beyond: Vượt) or ``achieved`` (at or beyond: Đạt);
* ``ceiling``: the same for a ceiling target ("< 4", "dưới 4") beaten in the good direction;
* ``beyond_point``: a point or range target ("65 triệu đồng", "9-10%") beaten in the good direction —
  ``exceeded`` (Vượt) or ``achieved`` (Đạt);
* ``structure_points``: a structure share (cơ cấu) within this many points of its planned share is Đạt;
* ``rate_points``: a rate (%, ‰) within this many points of its target counts as equal to it (0: only
  rounding noise);
* ``basically_met``: "Cơ bản đạt" / "Cơ bản hoàn thành" counts as Đạt (else as a miss), both as a result
  and when an official verdict is read;
* ``bound_result``: a result written as a bound (">97%") against its target — ``floor`` (judged by its
  floor: ">97" against ">95" is Vượt, against ">97" Đạt), ``met`` (never more than Đạt) or ``exceeded``
  (reaching the target's bound is Vượt);
* ``rounding_decimals``: differences that vanish when printed with this many decimals are noise (rates
  in points, other quantities as % of target).

The default profile follows the published evidence gathered in docs/assessment.md §14.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any

from chitieu.assessment.stage import Stage
from chitieu.assessment.tolerance import Tolerance
from chitieu.domain.quantity import Op, Quantity
from chitieu.messages import msg
from chitieu.vocab.table_headers import OFFICIAL_VERDICT_WORDS
from chitieu.vocab.verdicts import VERDICT_WORDS, Status, parse_verdict


class BeyondBound(StrEnum):
    SPLIT = "split"  # at the bound: Đạt; beyond it: Vượt
    EXCEEDED = "exceeded"  # at or beyond: Vượt
    ACHIEVED = "achieved"  # at or beyond: Đạt


class BeyondPoint(StrEnum):
    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"


class BoundResult(StrEnum):
    FLOOR = "floor"  # a result "> r" is judged by r
    MET = "met"  # a bound result is never more than Đạt
    EXCEEDED = "exceeded"  # a bound result reaching the target's bound is Vượt


# The settings a profile has, in the order they are shown and fitted, with the values fitting tries.
SETTING_CHOICES: dict[str, tuple[object, ...]] = {
    "floor": tuple(BeyondBound),
    "ceiling": tuple(BeyondBound),
    "beyond_point": tuple(BeyondPoint),
    "structure_points": (0.5, 0.0, 1.0, 2.0),  # the default first: ties in fitting go to it
    "rate_points": (0.0, 0.1, 0.5, 1.0),
    "basically_met": (True, False),
    "bound_result": tuple(BoundResult),
    "rounding_decimals": (1, 0, 2),
}


@dataclass(frozen=True, slots=True)
class ConventionProfile:
    """One office's verdict conventions; ``DEFAULT_PROFILE`` is chitieu's."""

    name: str = "mac-dinh"
    floor: BeyondBound = BeyondBound.SPLIT
    ceiling: BeyondBound = BeyondBound.SPLIT
    beyond_point: BeyondPoint = BeyondPoint.EXCEEDED
    structure_points: float = 0.5
    rate_points: float = 0.0
    basically_met: bool = True
    bound_result: BoundResult = BoundResult.FLOOR
    rounding_decimals: int = 1
    note: str = ""  # where the profile came from ("học từ bang-2020.xlsx, 30 dòng")

    def tolerance(self) -> Tolerance:
        """The "equal" bands this profile implies (rounding noise, widened by the rate and share tolerances)."""
        noise = 0.5 * 10 ** (-self.rounding_decimals)
        return Tolerance(rate_points=max(noise, self.rate_points), relative_percent=noise,
                         structure_points=self.structure_points)

    def settings(self) -> dict[str, object]:
        """The fitted settings only (no name or note), plain values."""
        return {name: _plain(getattr(self, name)) for name in SETTING_CHOICES}

    def to_dict(self) -> dict[str, object]:
        return {k: _plain(v) for k, v in asdict(self).items()}

    def differences(self, other: ConventionProfile | None = None) -> dict[str, tuple[object, object]]:
        """Settings where this profile differs from ``other`` (the default): name → (theirs, ours)."""
        base = (other or DEFAULT_PROFILE).settings()
        mine = self.settings()
        return {k: (base[k], mine[k]) for k in SETTING_CHOICES if base[k] != mine[k]}


DEFAULT_PROFILE = ConventionProfile()


def _plain(value: object) -> object:
    return value.value if isinstance(value, StrEnum) else value


def profile_from_dict(data: Mapping[str, Any], *, name: str | None = None) -> ConventionProfile:
    """A profile from its JSON form; unknown keys or values raise ``ValueError`` naming the key."""
    known = {f.name for f in fields(ConventionProfile)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(unknown[0])
    values: dict[str, Any] = {}
    for key, raw in data.items():
        if key in ("name", "note"):
            values[key] = str(raw)
            continue
        choices = SETTING_CHOICES[key]
        try:
            if key in ("floor", "ceiling"):
                values[key] = BeyondBound(raw)
            elif key == "beyond_point":
                values[key] = BeyondPoint(raw)
            elif key == "bound_result":
                values[key] = BoundResult(raw)
            elif key == "basically_met":
                if not isinstance(raw, bool):
                    raise ValueError(key)
                values[key] = raw
            elif key == "rounding_decimals":
                values[key] = int(raw)
                if values[key] not in choices:
                    raise ValueError(key)
            else:
                number = float(raw)
                if not 0 <= number <= 10:
                    raise ValueError(key)
                values[key] = number
        except (TypeError, ValueError) as exc:
            raise ValueError(key) from exc
    profile = ConventionProfile(**values)
    return replace(profile, name=name) if name else profile


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def is_basically(text: str | None) -> bool:
    """"Cơ bản đạt", "Cơ bản hoàn thành": met in the main, with a shortfall."""
    return bool(text) and _folded(text or "").startswith("cơ bản")


def read_official(text: str | None, profile: ConventionProfile = DEFAULT_PROFILE,
                  stage: Stage = Stage.FINAL) -> Status | None:
    """The official verdict cell as a status; also "Vượt chỉ tiêu …"-like cells by their first words.

    Besides the shared verdict words, ``OFFICIAL_VERDICT_WORDS`` (e.g. "Cơ bản đạt" → achieved) is used;
    an office whose profile does not count "Cơ bản đạt" as met gets the miss of ``stage`` instead.
    """
    if is_basically(text) and not profile.basically_met:
        return stage.miss_status
    found = parse_verdict(text)
    if found is not None or not text:
        return found
    folded = _folded(text).strip(" .:*")
    words = {**VERDICT_WORDS, **OFFICIAL_VERDICT_WORDS}
    if folded in words:
        return words[folded]
    for word in sorted(words, key=len, reverse=True):
        if folded.startswith((word + " ", word + ",", word + "(", word + ";", word + "-")):
            return words[word]
    return None


def target_shape(target: Quantity, sign: int) -> str:
    """"floor", "ceiling", "point" (point or range) or "other" for yes/no targets — in the good direction."""
    if target.op in (Op.GT, Op.GE):
        return "floor"
    if target.op in (Op.LT, Op.LE):
        return "ceiling"
    if target.op in (Op.EQ, Op.RANGE) and sign != 0:
        return "point"
    return "other"


def apply_profile(outcome: str, *, shape: str, bound_result: bool, profile: ConventionProfile) -> str:
    """The outcome after the profile's edges: ``outcome`` is "exceeded", "met", "missed" or "unknown"."""
    if outcome not in ("exceeded", "met"):
        return outcome
    if shape in ("floor", "ceiling"):
        rule = profile.floor if shape == "floor" else profile.ceiling
        if rule is BeyondBound.EXCEEDED:
            outcome = "exceeded"
        elif rule is BeyondBound.ACHIEVED:
            outcome = "met"
    elif shape == "point" and outcome == "exceeded" and profile.beyond_point is BeyondPoint.ACHIEVED:
        outcome = "met"
    if bound_result:
        if profile.bound_result is BoundResult.MET:
            outcome = "met"
        elif profile.bound_result is BoundResult.EXCEEDED and shape in ("floor", "ceiling"):
            outcome = "exceeded"
    return outcome


def describe_setting(key: str, value: object) -> str:
    """"Vượt mục tiêu dạng «trên …»: bằng mức: Đạt; cao hơn: Vượt" (wording from the message catalogue)."""
    plain = _plain(value)
    if isinstance(plain, bool):
        shown = msg(f"convention_{key}_{'yes' if plain else 'no'}")
    elif isinstance(plain, str):
        shown = msg(f"convention_{key}_{plain}")
    else:
        shown = f"{plain:g}".replace(".", ",")
    return f"{msg(f'convention_{key}')}: {shown}"


def setting_label(key: str) -> str:
    """The Vietnamese name of a setting."""
    return msg(f"convention_{key}")


def describe(profile: ConventionProfile) -> list[str]:
    """One Vietnamese line per setting, in the fitting order."""
    return [describe_setting(key, getattr(profile, key)) for key in SETTING_CHOICES]
