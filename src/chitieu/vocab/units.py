"""Units of measure as officials write them, with their dimension and scale.

``dimension`` groups units that can be converted into one another; ``scale`` converts to the
dimension's base (tấn for mass, đồng for money, ...). Units whose dimension is ``count`` are nouns
counted one by one (xã, huyện, đảng viên); two count units compare only when their nouns agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UnitDef:
    canonical: str
    dimension: str
    scale: float = 1.0
    aliases: tuple[str, ...] = ()
    per_year: bool = False


UNITS: tuple[UnitDef, ...] = (
    UnitDef("%", "percent", aliases=("phần trăm", "tỷ lệ %", "tỉ lệ %")),
    UnitDef("%/năm", "percent", aliases=("% năm", "%/ năm", "%/năm bình quân"), per_year=True),
    UnitDef("‰", "permille", aliases=("%o", "0/00", "‰o", "phần nghìn")),
    UnitDef("‰/năm", "permille", aliases=("%o/năm", "0/00/năm", "‰ /năm"), per_year=True),
    UnitDef("điểm %", "percent_point", aliases=("điểm phần trăm", "điểm%")),
    UnitDef("lần", "times"),
    UnitDef("bậc", "rank", aliases=("bậc xếp hạng",)),
    UnitDef("điểm", "score"),
    UnitDef("đồng", "money", 1.0, aliases=("vnđ", "vnd", "đ")),
    UnitDef("nghìn đồng", "money", 1e3, aliases=("ngàn đồng",)),
    UnitDef("triệu đồng", "money", 1e6, aliases=("tr.đồng", "trđ", "tr đồng", "triệu")),
    UnitDef("tỷ đồng", "money", 1e9, aliases=("tỉ đồng", "tỷ", "tỷ vnđ")),
    UnitDef("nghìn tỷ đồng", "money", 1e12, aliases=("nghìn tỷ", "ngàn tỷ đồng")),
    UnitDef("triệu tỷ đồng", "money", 1e15, aliases=("triệu tỷ", "triệu tỉ đồng")),
    UnitDef("triệu đồng/người", "money_per_capita", 1e6, aliases=("triệu đồng/người/năm", "tr.đồng/người")),
    UnitDef("usd", "usd", 1.0, aliases=("đô la mỹ",)),
    UnitDef("nghìn usd", "usd", 1e3),
    UnitDef("triệu usd", "usd", 1e6, aliases=("tr.usd", "triệu đô la mỹ")),
    UnitDef("tỷ usd", "usd", 1e9),
    UnitDef("usd/người", "usd_per_capita", 1.0),
    UnitDef("tấn", "mass", 1.0),
    UnitDef("nghìn tấn", "mass", 1e3, aliases=("ngàn tấn",)),
    UnitDef("triệu tấn", "mass", 1e6),
    UnitDef("tạ/ha", "yield", 1.0),
    UnitDef("kg", "mass", 1e-3),
    UnitDef("ha", "area", 1.0, aliases=("héc ta", "hecta", "hécta")),
    UnitDef("nghìn ha", "area", 1e3),
    UnitDef("km²", "area", 100.0, aliases=("km2",)),
    UnitDef("m²", "area_small", 1.0, aliases=("m2",)),
    UnitDef("m² sàn/người", "floor_per_capita", 1.0, aliases=("m2 sàn/người", "m²/người", "m2/người")),
    UnitDef("km", "length", 1.0),
    UnitDef("m", "length", 1e-3, aliases=("mét",)),
    UnitDef("m³", "volume", 1.0, aliases=("m3",)),
    UnitDef("mw", "power", 1.0),
    UnitDef("kwh", "energy", 1.0),
    UnitDef("triệu kwh", "energy", 1e6),
    UnitDef("tỷ kwh", "energy", 1e9),
    UnitDef("người", "count:người", aliases=("lao động", "người lao động")),
    UnitDef("nghìn người", "count:người", 1e3),
    UnitDef("người/năm", "count:người", aliases=("lao động/năm", "người lao động/năm"), per_year=True),
    UnitDef("lượt", "count:lượt", aliases=("lượt khách", "lượt người")),
    UnitDef("nghìn lượt", "count:lượt", 1e3, aliases=("nghìn lượt khách", "ngàn lượt")),
    UnitDef("triệu lượt", "count:lượt", 1e6, aliases=("triệu lượt khách",)),
    UnitDef("hộ", "count:hộ", aliases=("hộ gia đình",)),
    UnitDef("xã", "count:xã", aliases=("xã, phường, thị trấn",)),
    UnitDef("huyện", "count:huyện", aliases=("huyện, thành phố",)),
    UnitDef("thôn, bản", "count:thôn", aliases=("thôn", "bản", "thôn bản")),
    UnitDef("đảng viên", "count:đảng viên", aliases=("đảng viên/năm",)),
    UnitDef("bác sỹ/vạn dân", "per_10k", aliases=("bác sĩ/vạn dân", "bác sỹ/1 vạn dân", "bác sĩ/1 vạn dân", "bác sỹ")),
    UnitDef("giường bệnh/vạn dân", "per_10k_beds", aliases=("giường/vạn dân", "giường bệnh/1 vạn dân")),
    UnitDef("doanh nghiệp", "count:doanh nghiệp"),
    UnitDef("hợp tác xã", "count:hợp tác xã", aliases=("htx",)),
    UnitDef("sản phẩm", "count:sản phẩm", aliases=("sản phẩm ocop",)),
    UnitDef("trường", "count:trường"),
    UnitDef("con", "count:con"),
    UnitDef("dự án", "count:dự án"),
    UnitDef("công trình", "count:công trình"),
    UnitDef("năm", "years", aliases=("tuổi",)),
    UnitDef("tuổi thọ", "years"),
    UnitDef("ha/năm", "area", 1.0, aliases=("héc ta/năm", "ha rừng/năm"), per_year=True),
    UnitDef("giường bệnh", "per_10k_beds", aliases=("giường",)),
    UnitDef("tổ chức", "count:tổ chức", aliases=("tổ chức đảng", "tổ chức cơ sở đảng")),
    UnitDef("tiêu chí", "count:tiêu chí"),
    UnitDef("đơn vị", "count:đơn vị"),
    UnitDef("khu công nghiệp", "count:khu công nghiệp", aliases=("kcn", "cụm công nghiệp")),
    UnitDef("đoàn viên", "count:đoàn viên", aliases=("đoàn viên/năm", "hội viên")),
    UnitDef("bé trai/100 bé gái", "sex_ratio", aliases=("trẻ trai/100 trẻ gái", "bé trai/100 gái")),
    UnitDef("triệu đồng/ha", "money_per_area", 1e6, aliases=("tr.đồng/ha",)),
    UnitDef("triệu đồng/lao động", "money_per_worker", 1e6, aliases=("triệu đồng/người lao động",)),
)


def normalise_unit_text(text: str) -> str:
    """Lower-case, NFC, single spaces, no spaces around '/'; '1 vạn' and 'vạn' alike."""
    s = unicodedata.normalize("NFC", text or "").strip().lower()
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s*/\s*", "/", s)
    s = s.replace("/1 vạn", "/vạn").replace("/1vạn", "/vạn").replace("bác sĩ", "bác sỹ")
    return s.rstrip(".:")


_INDEX: dict[str, UnitDef] = {}
for _u in UNITS:
    for _name in (_u.canonical, *_u.aliases):
        _INDEX[normalise_unit_text(_name)] = _u


def lookup_unit(text: str) -> UnitDef | None:
    """The catalogue entry for a unit as written, or ``None`` when unknown."""
    return _INDEX.get(normalise_unit_text(text))


_NOUN_UNIT_RE = re.compile(r"^[^\W\d_]+(?:,? [^\W\d_]+){0,5}(?:/(?:1 )?[^\W\d_]+(?: [^\W\d_]+){0,3}){0,2}$")


def looks_like_count_noun(text: str) -> bool:
    """True for unit words not in the catalogue but plainly a counted noun ("Sản phẩm", "Cơ sở/năm")."""
    return bool(_NOUN_UNIT_RE.match(normalise_unit_text(text)))


def conversion_factor(from_unit: str, to_unit: str) -> float | None:
    """Factor that converts a value in ``from_unit`` into ``to_unit``; None when not convertible."""
    a, b = lookup_unit(from_unit), lookup_unit(to_unit)
    if a is None or b is None:
        return 1.0 if normalise_unit_text(from_unit) == normalise_unit_text(to_unit) else None
    if a.dimension != b.dimension:
        return None
    return a.scale / b.scale


def is_rate_unit(text: str) -> bool:
    """Percent-like units, where gaps are reported in points rather than ratios."""
    u = lookup_unit(text)
    return u is not None and u.dimension in ("percent", "permille", "percent_point")
