"""Wording cues that tell which direction is good for an indicator (data: ``grammar/rules/polarity.yaml``).

Rules are tried in order and the first match wins; bound targets ("> 5", "dưới 15%") and yes/no
targets are decided before any wording (see ``infer_polarity``). Scopes:

- ``name``: the cue appears in the indicator's name;
- ``name_word``: the cue appears in the name as a whole word ("được", not "đượcc");
- ``name_start``: the name starts with the cue ("Giảm số vụ tai nạn …" asks for the size of a drop);
- ``target``: the target cell starts with the cue ("Giảm 1,5%/năm");
- ``parent``: the header row above the indicator contains the cue ("Cơ cấu kinh tế").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op, Quantity
from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import PolarityCueRule
from chitieu.grammar.text import norm
from chitieu.messages import msg

Scope = Literal["name", "name_word", "name_start", "target", "parent", "name_with_sector"]


@dataclass(frozen=True, slots=True)
class PolarityCue:
    cue: str
    polarity: Polarity
    scope: Scope = "name"


_BOOK = rulebook()

# Tried in order, the first match wins (grammar/rules/polarity.yaml).
POLARITY_CUES: tuple[PolarityCue, ...] = tuple(
    PolarityCue(word, rule.polarity, rule.scope) for rule in _BOOK.typed("polarity.cues", PolarityCueRule) for word in rule.words
)

# Sector words that make "tỷ trọng …" a share of the economic structure.
SECTOR_WORDS: tuple[str, ...] = _BOOK.words("polarity.sector_words")

HB, LB, NS = Polarity.HIGHER_BETTER, Polarity.LOWER_BETTER, Polarity.NEUTRAL_STRUCTURE
_DIRECTION_KEY = {HB: "direction_higher", LB: "direction_lower", NS: "direction_structure",
                  Polarity.BOOLEAN: "direction_boolean"}


# Sub-row markers before an indicator's name ("- Trong đó: Giảm tỷ lệ hộ nghèo …", "+ Riêng: …").
_SUBROW_LEAD = re.compile(r"^(?:trong đó|riêng|bao gồm|gồm)\s*[:,]?\s*")


_EDGES = " -–•.:*"


def _norm(text: str | None) -> str:
    """The one ``norm``, without sub-row markers ("+ Trong đó: …")."""
    return _SUBROW_LEAD.sub("", norm((text or "").replace("+", " "), strip=_EDGES)).strip(_EDGES)


def _matches(cue: PolarityCue, name: str, target_text: str, parent: str) -> bool:
    if cue.scope == "name":
        return cue.cue in name
    if cue.scope == "name_word":
        return re.search(rf"(?<!\w){re.escape(cue.cue)}(?!\w)", name) is not None
    if cue.scope == "name_start":
        return name.startswith(cue.cue + " ")
    if cue.scope == "target":
        return target_text.startswith(cue.cue + " ") or target_text == cue.cue
    if cue.scope == "parent":
        return cue.cue in parent
    return cue.cue in name and any(w in name for w in SECTOR_WORDS)


def direction_label(polarity: Polarity) -> str:
    """"càng cao càng tốt", … for a polarity."""
    return msg(_DIRECTION_KEY[polarity])


def infer_polarity(name: str, target: Quantity | None, parent_name: str | None = None) -> tuple[Polarity, str]:
    """Polarity of an indicator from its wording and target, with the reason in Vietnamese."""
    if target is not None and target.op is Op.DONE:
        return Polarity.BOOLEAN, msg("polarity_boolean")
    if target is not None and target.op in (Op.GT, Op.GE, Op.LT, Op.LE):
        polarity = HB if target.op in (Op.GT, Op.GE) else LB
        symbol = target.op.symbol
        return polarity, msg("polarity_bound", symbol=symbol, direction=direction_label(polarity))
    n, t, p = _norm(name), _norm(target.text if target is not None else ""), _norm(parent_name)
    for cue in POLARITY_CUES:
        if _matches(cue, n, t, p):
            if cue.scope == "parent":
                return cue.polarity, msg("polarity_structure_parent", parent=(parent_name or "").strip())
            key = "polarity_target_cue" if cue.scope == "target" else "polarity_cue"
            return cue.polarity, msg(key, cue=cue.cue, direction=direction_label(cue.polarity))
    return HB, msg("polarity_default")
