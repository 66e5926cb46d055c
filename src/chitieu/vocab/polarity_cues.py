"""Wording cues that tell which direction is good for an indicator (data table + lookup).

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
import unicodedata
from dataclasses import dataclass
from typing import Literal

from chitieu.domain.indicators import Polarity
from chitieu.domain.quantity import Op, Quantity
from chitieu.messages import msg

Scope = Literal["name", "name_word", "name_start", "target", "parent", "name_with_sector"]


@dataclass(frozen=True, slots=True)
class PolarityCue:
    cue: str
    polarity: Polarity
    scope: Scope = "name"


HB, LB, NS = Polarity.HIGHER_BETTER, Polarity.LOWER_BETTER, Polarity.NEUTRAL_STRUCTURE

POLARITY_CUES: tuple[PolarityCue, ...] = (
    # a level to bring down to: lower is better
    PolarityCue("giảm xuống", LB, "target"),
    PolarityCue("giảm còn", LB, "target"),
    PolarityCue("xuống còn", LB, "target"),
    PolarityCue("còn", LB, "target"),
    PolarityCue("giảm xuống", LB),
    PolarityCue("giảm còn", LB),
    PolarityCue("xuống còn", LB),
    PolarityCue("xuống dưới", LB),
    PolarityCue("còn dưới", LB),
    # the size of a drop: more is better
    PolarityCue("mức giảm", HB),
    PolarityCue("tỷ lệ giảm", HB),
    PolarityCue("tỉ lệ giảm", HB),
    PolarityCue("giảm bình quân", HB),
    PolarityCue("bình quân giảm", HB),
    PolarityCue("giảm mỗi năm", HB),
    PolarityCue("giảm hằng năm", HB),
    PolarityCue("giảm hàng năm", HB),
    PolarityCue("số giảm", HB),
    PolarityCue("giảm", HB, "target"),
    PolarityCue("giảm", HB, "name_start"),
    PolarityCue("kéo giảm", HB, "name_start"),
    # bad things turned good by the wording
    PolarityCue("xóa mù chữ", HB),
    PolarityCue("xoá mù chữ", HB),
    PolarityCue("thoát nghèo", HB),
    PolarityCue("không có", HB),
    PolarityCue("không để", HB),
    PolarityCue("không xảy ra", HB),
    PolarityCue("phòng, chống", HB),
    PolarityCue("phòng chống", HB),
    PolarityCue("cai nghiện", HB),
    PolarityCue("được xử lý", HB),
    PolarityCue("được khắc phục", HB),
    PolarityCue("khám phá", HB),
    PolarityCue("triệt phá", HB),
    # coverage of a service or insurance: a share of people reached ("… bảo hiểm thất nghiệp", "… được hỗ trợ")
    PolarityCue("bảo hiểm", HB),
    PolarityCue("được", HB, "name_word"),
    # shares of a structure: closeness counts
    PolarityCue("cơ cấu", NS, "parent"),
    PolarityCue("cơ cấu", NS, "name_start"),
    PolarityCue("tỷ trọng", NS, "name_with_sector"),
    PolarityCue("tỉ trọng", NS, "name_with_sector"),
    # levels of bad things: lower is better
    PolarityCue("lao động nông nghiệp", LB),  # the shift of labour out of farming
    PolarityCue("lao động trong nông nghiệp", LB),
    PolarityCue("suy dinh dưỡng", LB),
    PolarityCue("thấp còi", LB),
    PolarityCue("nhẹ cân", LB),
    PolarityCue("thất nghiệp", LB),
    PolarityCue("thiếu việc làm", LB),
    PolarityCue("hộ nghèo", LB),
    PolarityCue("hộ cận nghèo", LB),
    PolarityCue("nghèo đa chiều", LB),
    PolarityCue("tái nghèo", LB),
    PolarityCue("tử vong", LB),
    PolarityCue("tỷ suất chết", LB),
    PolarityCue("tai nạn", LB),
    PolarityCue("tội phạm", LB),
    PolarityCue("ma túy", LB),
    PolarityCue("ma tuý", LB),
    PolarityCue("sinh con thứ 3", LB),
    PolarityCue("sinh con thứ ba", LB),
    PolarityCue("tảo hôn", LB),
    PolarityCue("cận huyết", LB),
    PolarityCue("mù chữ", LB),
    PolarityCue("ô nhiễm", LB),
    PolarityCue("bỏ học", LB),
    PolarityCue("lạm phát", LB),
    PolarityCue("giá tiêu dùng", LB),  # "Tốc độ tăng chỉ số giá tiêu dùng (CPI)": inflation
    PolarityCue("cpi", LB, "name_word"),
    PolarityCue("nhập siêu", LB),  # trade deficit
    PolarityCue("bội chi", LB),  # budget deficit
    PolarityCue("nợ công", LB),
    PolarityCue("icor", LB, "name_word"),  # capital needed per unit of growth
    PolarityCue("nợ xấu", LB),
    PolarityCue("nợ đọng", LB),
    PolarityCue("cháy rừng", LB),
    PolarityCue("vi phạm", LB),
    PolarityCue("bị kỷ luật", LB),
    PolarityCue("giới tính khi sinh", LB),
    PolarityCue("nhà tạm", LB),
    PolarityCue("dột nát", LB),
    PolarityCue("tồn đọng", LB),
    PolarityCue("quá hạn", LB),
    PolarityCue("trễ hạn", LB),
    PolarityCue("phát thải", LB),
    PolarityCue("thiệt hại", LB),
    PolarityCue("không hoàn thành nhiệm vụ", LB),
    PolarityCue("bị", LB, "name_word"),  # "Diện tích rừng bị cháy", "Tỷ lệ trẻ em bị bạo hành"
)

# Sector words that make "tỷ trọng …" a share of the economic structure.
SECTOR_WORDS: tuple[str, ...] = (
    "nông nghiệp", "nông, lâm", "nông lâm", "lâm nghiệp", "thủy sản", "thuỷ sản", "công nghiệp", "xây dựng",
    "dịch vụ", "thuế sản phẩm",
)

_DIRECTION_KEY = {HB: "direction_higher", LB: "direction_lower", NS: "direction_structure",
                  Polarity.BOOLEAN: "direction_boolean"}


# Sub-row markers before an indicator's name ("- Trong đó: Giảm tỷ lệ hộ nghèo …", "+ Riêng: …").
_SUBROW_LEAD = re.compile(r"^(?:trong đó|riêng|bao gồm|gồm)\s*[:,]?\s*")


def _norm(text: str | None) -> str:
    s = unicodedata.normalize("NFC", text or "").lower()
    s = " ".join(s.replace("+", " ").split()).strip(" -–•.:*")
    return _SUBROW_LEAD.sub("", s).strip(" -–•.:*")


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
