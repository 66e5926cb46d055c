"""The appendix as an office files it: header block, "Phụ lục số …", "(Kèm theo …)", signature (pure).

Two layouts exist, chosen by who issued the plan:

* **State documents** (Nghị định 30/2020/NĐ-CP, Phụ lục I — UBND, HĐND, their departments): the issuing
  body's name top left (its parent above it, upright; the body itself bold, uppercase, a short rule
  under it), the national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (bold, uppercase, 12–13 pt) and motto
  "Độc lập - Tự do - Hạnh phúc" (bold, 13–14 pt, a rule as long as the motto under it) top right;
  signature "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / title, bold uppercase.
* **Party documents** (Hướng dẫn 36-HD/VPTW, 2018 — Đảng bộ, Tỉnh ủy, Huyện ủy, Ban Chấp hành, Đảng ủy):
  "ĐẢNG CỘNG SẢN VIỆT NAM" top right (bold, uppercase, 15 pt, a rule under it as long as the words); the
  body top left: its parent upright ("ĐẢNG BỘ TỈNH LAI CHÂU"), the body bold ("TỈNH ỦY"), a star under it;
  signature "T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ".

Both: the word "Phụ lục" and its number on a line of their own, centred, bold, 14 pt; the title in
bold capitals; under it, in italics, "(Kèm theo Báo cáo số … ngày … tháng … năm … của …)". Whatever
the office did not give (number, date, signer) is printed as "…" to be filled in by hand, as offices
do in drafts. Page numbers (centred in the top margin, none on the first page, counted per appendix)
and margins are the writers' part.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from chitieu.domain.plans import Plan

DOTS = "…"


class DocumentStyle(StrEnum):
    STATE = "state"  # Nghị định 30/2020/NĐ-CP
    PARTY = "party"  # Hướng dẫn 36-HD/VPTW

    @property
    def label_vi(self) -> str:
        return {"state": "văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
                "party": "văn bản của Đảng (Hướng dẫn 36-HD/VPTW)"}[self.value]


# Words in an issuer's name that make a document a Party document; checked before the state words
# ("Ban Thường vụ Tỉnh ủy" is Party even though "tỉnh" appears).
PARTY_ISSUER_WORDS = ("đảng bộ", "đảng ủy", "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy",
                      "ban chấp hành", "ban thường vụ", "chi bộ", "đại hội đại biểu đảng", "đảng cộng sản",
                      "văn phòng trung ương đảng", "ủy ban kiểm tra")

# Levels of local Party bodies: the level word in "Đảng bộ tỉnh X" → the executive committee's name.
PARTY_COMMITTEES = {"tỉnh": "TỈNH ỦY", "thành phố": "THÀNH ỦY", "huyện": "HUYỆN ỦY", "quận": "QUẬN ỦY",
                    "thị xã": "THỊ ỦY", "xã": "ĐẢNG ỦY XÃ", "phường": "ĐẢNG ỦY PHƯỜNG",
                    "thị trấn": "ĐẢNG ỦY THỊ TRẤN"}
_LEVEL = "thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường"
_PARTY_BODY = re.compile(rf"đảng bộ\s+({_LEVEL})\s+(.+?)(?:\s+lần thứ.*|\s+nhiệm kỳ.*|,.*)?$", re.I)
_COMMITTEE = re.compile(r"(tỉnh|thành|huyện|quận|thị)\s+ủy\s+(.+)$", re.I)
_STATE_BODY = re.compile(rf"(ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+({_LEVEL})\s+(.+)$", re.I)


def _norm(text: str) -> str:
    """NFC, lower case, "uỷ" spelled "ủy" (both spellings are in use)."""
    return unicodedata.normalize("NFC", text).lower().replace("uỷ", "ủy")


def style_for_issuer(issuer: str) -> DocumentStyle:
    """Party or state layout from the issuer's name; a name that says neither (UBND, HĐND, a department,
    or nothing) is a state document."""
    name = " " + _norm(issuer) + " "
    if any(word in name for word in PARTY_ISSUER_WORDS):
        return DocumentStyle.PARTY
    return DocumentStyle.STATE


@dataclass(frozen=True, slots=True)
class FilingDetails:
    """What the office says about the report the appendix goes with (all optional)."""

    appendix_number: str = ""  # "03", "III"
    report_kind: str = "Báo cáo"
    report_number: str = ""  # "123-BC/TU", "45/BC-UBND"
    report_date: date | None = None
    reported_by: str = ""  # "Ban Thường vụ Tỉnh ủy" (the "của …" of the attachment line)
    signer: str = ""  # "Vũ Mạnh Hà"
    signer_title: str = ""  # "PHÓ BÍ THƯ", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    on_behalf: str = ""  # "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN"
    style: DocumentStyle | None = None  # None: from the plan's issuer
    agency: tuple[str, ...] = ()  # the issuing body's lines top left, parent first ("ĐẢNG BỘ TỈNH X", "TỈNH ỦY")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    bold: bool = False
    italic: bool = False
    size: float = 13
    rule_below: float = 0.0  # a rule under the line, this share of the words' length (0: none)


@dataclass(frozen=True, slots=True)
class Filing:
    """Every line the writers print around the table, already worded."""

    style: DocumentStyle
    agency: tuple[Line, ...]  # top left
    heading: tuple[Line, ...]  # top right: national name and motto, or "ĐẢNG CỘNG SẢN VIỆT NAM"
    appendix_label: Line  # "Phụ lục số 03"
    attachment: Line  # "(Kèm theo Báo cáo số … ngày … của …)"
    signature: tuple[Line, ...]  # authority, title, blank space, name
    signature_space: int = 4  # empty lines left for the hand signature and seal


def vietnamese_date(day: date | None) -> str:
    """"ngày 05 tháng 01 năm 2024" (ND 30: a zero before days 1–9 and months 1–2); dots when unknown."""
    if day is None:
        return f"ngày {DOTS} tháng {DOTS} năm {DOTS}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text).upper()


def _place_name(text: str) -> str:
    """The place name with each word capitalised as written ("lai châu" → "Lai Châu")."""
    words = text.strip().split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


def default_agency(issuer: str, style: DocumentStyle) -> tuple[str, ...]:
    """The body's lines top left, derived from the plan's issuer ("Đảng bộ tỉnh Lai Châu" → its Tỉnh ủy)."""
    name = unicodedata.normalize("NFC", issuer).strip()
    folded = _norm(name)
    if style is DocumentStyle.PARTY:
        found = _PARTY_BODY.search(folded)
        if found:
            level, place = found.group(1), name[found.start(2):found.end(2)]
            return (_upper(f"Đảng bộ {level} {_place_name(place)}"), PARTY_COMMITTEES[level.lower()])
        found = _COMMITTEE.search(folded)
        if found:
            level = {"tỉnh": "tỉnh", "thành": "thành phố", "huyện": "huyện", "quận": "quận", "thị": "thị xã"}[
                found.group(1).lower()]
            place = name[found.start(2):found.end(2)]
            return (_upper(f"Đảng bộ {level} {_place_name(place)}"), PARTY_COMMITTEES[level])
        return (_upper(name),) if name else (DOTS,)
    found = _STATE_BODY.search(folded)
    if found:
        body = "ỦY BAN NHÂN DÂN" if found.group(1).lower() in ("ủy ban nhân dân", "ubnd") else "HỘI ĐỒNG NHÂN DÂN"
        place = name[found.start(3):found.end(3)]
        return (_upper(f"{body} {found.group(2)} {_place_name(place)}"),)
    return (_upper(name),) if name else (DOTS,)


def default_reported_by(agency: tuple[str, ...], style: DocumentStyle, issuer: str = "") -> str:
    """Who signs the report, as the attachment line names it: "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh X".

    A body whose name follows no known pattern is named as the plan's issuer writes it.
    """
    body = agency[-1] if agency else ""
    if not body or body == DOTS:
        return DOTS
    if style is DocumentStyle.PARTY:
        return "Ban Thường vụ " + body.capitalize() if body in PARTY_COMMITTEES.values() else issuer or body
    found = _STATE_BODY.search(_norm(body))
    if found is None:
        return issuer.strip() or body
    head = "Ủy ban nhân dân" if body.startswith("ỦY BAN") else "Hội đồng nhân dân"
    return f"{head} {found.group(2)} {_place_name(found.group(3))}"


def _signature_defaults(agency: tuple[str, ...], style: DocumentStyle) -> tuple[str, str]:
    """(on behalf of, title) for the usual signer; "…" where the body follows no known pattern."""
    body = agency[-1] if agency else ""
    if style is DocumentStyle.PARTY:
        return ("T/M BAN THƯỜNG VỤ", "BÍ THƯ") if body in PARTY_COMMITTEES.values() else ("", DOTS)
    if body.startswith("HỘI ĐỒNG NHÂN DÂN"):
        return "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"
    if body.startswith("ỦY BAN NHÂN DÂN"):
        return "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    return "", DOTS


def filing_for(plan: Plan, details: FilingDetails | None = None) -> Filing:
    """The lines around the appendix table for ``plan``, as ``details`` and the plan's issuer say."""
    details = details or FilingDetails()
    style = details.style or style_for_issuer(plan.issuer)
    agency_texts = details.agency or default_agency(plan.issuer, style)
    if style is DocumentStyle.PARTY:
        agency = [Line(t, size=14) for t in agency_texts[:-1]]
        agency.append(Line(agency_texts[-1], bold=True, size=14))
        agency.append(Line("*", size=14))
        heading: tuple[Line, ...] = (Line("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=15, rule_below=1.0),)
    else:
        agency = [Line(t, size=13) for t in agency_texts[:-1]]
        agency.append(Line(agency_texts[-1], bold=True, size=13, rule_below=0.4))  # ND 30: 1/3 to 1/2 of it
        heading = (Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13),
                   Line("Độc lập - Tự do - Hạnh phúc", bold=True, size=14, rule_below=1.0))
    number = details.appendix_number.strip() or DOTS
    label = Line(f"Phụ lục số {number}", bold=True, size=14)
    reported_by = details.reported_by.strip() or default_reported_by(tuple(agency_texts), style, plan.issuer)
    report_number = details.report_number.strip() or DOTS
    kind = details.report_kind.strip() or "Báo cáo"
    attachment = Line(f"(Kèm theo {kind} số {report_number} {vietnamese_date(details.report_date)} của {reported_by})",
                      italic=True, size=14)
    on_behalf, title = _signature_defaults(tuple(agency_texts), style)
    on_behalf = details.on_behalf.strip() or on_behalf
    title = details.signer_title.strip() or title
    signature = [Line(_upper(t), bold=True, size=14) for t in on_behalf.splitlines() + title.splitlines() if t.strip()]
    signature.append(Line(details.signer.strip() or DOTS, bold=True, size=14))
    return Filing(style, tuple(agency), heading, label, attachment, tuple(signature))
