"""Names of sub-items completed from the statement they detail (pure).

Reports break a figure down: "tổng giá trị sản xuất ước đạt 4.114 tỷ đồng. Trong đó, nông, lâm, thủy sản tăng
4,3%, công nghiệp - xây dựng tăng 7,7%"; "Cơ cấu kinh tế: ngành nông-lâm nghiệp chiếm 38,1%". The words before
such a figure name a part ("nông, lâm, thủy sản") but not what is measured, so two indicators of one document
would carry the same name. ``SubjectNames`` follows a paragraph: a name without a measure word
(``text.subject_names`` ``measure_in_name``) takes the measure of the last name in the paragraph that has one
("giá trị sản xuất nông, lâm, thủy sản"); a share ("chiếm 31,4%") is named as a weight ("tỷ trọng nông, lâm,
thủy sản trong giá trị sản xuất").
"""

from __future__ import annotations

import re
from functools import lru_cache

from chitieu.extraction.grammar import COUNTED_NOUN_SET
from chitieu.grammar.loader import rulebook

_BOOK = rulebook()


def _subject_rule(name: str) -> re.Pattern[str]:
    """The pattern of rule ``name`` of ``text.subject_names``, compiled to ignore case."""
    return re.compile(_BOOK.pattern("text.subject_names", name), re.IGNORECASE)


_MEASURE_RE = _subject_rule("measure_in_name")
_LOCALITY_RE = _subject_rule("locality_not_a_name")
# How a share is named: "tỷ trọng <part> trong <measure>" (text.name_words).
_WEIGHT = _BOOK.rule("text.name_words", "weight").words[0]  # type: ignore[attr-defined]
_WITHIN = _BOOK.rule("text.name_words", "within").words[0]  # type: ignore[attr-defined]
_OPENING_RE = _subject_rule("opening_not_in_name")
_PART_RE = _subject_rule("parts_of_a_measure")
_GROUPING_RE = _subject_rule("part_groupings")
# "khu vực dịch vụ đóng góp": what a part contributes to the whole's growth is named by the part alone
CONTRIBUTES_END_RE = re.compile(_BOOK.pattern("text.statements", "contribution_to_growth"), re.IGNORECASE)
_GROUP_START_RE = re.compile(r"\s*(?:" + _BOOK.pattern("text.subject_names", "part_groupings") + ")", re.IGNORECASE)
_TREND_RE = _subject_rule("trend_not_in_name")
_CONDITION_RE = _subject_rule("condition_not_in_name")
_ESTIMATE_RE = _subject_rule("estimate_not_in_name")
_CUT_END_RE = _subject_rule("measure_cut_before_part")
_OWNER_RE = _subject_rule("owner_after_name")
_CROP_RE = _subject_rule("crops_listed_after_a_measure")
_NOTHING_RE = _subject_rule("names_nothing")
_PERIOD_PART_RE = _subject_rule("period_is_a_part")
_HEADER_RE = _subject_rule("list_header")
_RATE_OF_COUNT_RE = _subject_rule("rate_of_a_count")
_RATE_AFTER_COUNT_RE = _subject_rule("rate_right_after_a_count")
_RATE = "tỷ lệ"  # how the rate of a count is named (text.subject_names rate_of_a_count)
_NUMBER_OF, _PER = "số", "trên"  # how a count is named by its unit ("số bác sỹ trên vạn dân")
_COUNTING_VERBS = frozenset(w.lower() for w in _BOOK.rule("text.name_words", "counting_verbs").words)  # type: ignore[attr-defined]
# counted units that measure rather than count ("ha", "km", "con"): "số ha" names nothing (text.name_words)
_MEASURED_COUNTS = frozenset(w.lower() for w in _BOOK.rule("text.name_words", "measured_counts").words)  # type: ignore[attr-defined]
_POPULATION_BASE_RE = re.compile(r"(?:^|\s)(?:dân|người|dân số)$", re.IGNORECASE)
# A name that would be left as only what it measures by ("Tốc độ tăng" is a name, "Tốc độ" is not).
_BARE_MEASURE_RE = re.compile(r"(?:^|\s)(?:tốc độ|mức|tỷ lệ|tỉ lệ|chỉ số)$", re.IGNORECASE)
# Totals ("Tổng …") that a part does not repeat.
_TOTAL_RE = re.compile(r"^(?:tổng|tổng số)\s+(?!sản phẩm)", re.IGNORECASE)  # "Tổng sản phẩm" is one term
# Periods a part does not repeat: "9 tháng", "tháng 9", "6 tháng đầu năm", "năm 2024".
_SPAN_RE = re.compile(
    r"\s+(?:\d{1,2}\s+tháng(?:\s+đầu\s+năm)?|tháng\s+\d{1,2}|quý\s+[IV\d]+|(?:năm|giai đoạn)\s+(?:19|20)\d{2}(?:\s*-\s*\d{2,4})?)\s*$",
    re.IGNORECASE,
)
# A sentence that details the figure before it: "Trong đó, …", "(trong đó, …", "…; riêng …", "chủ yếu do …".
SUB_ITEM_MARKERS = _BOOK.pattern("text.subject_names", "sub_item_markers")
_SUB_ITEM_RE = re.compile(r"(?:^|[(,;:.]\s*)(?:" + SUB_ITEM_MARKERS + r")(?=[\s,:])", re.IGNORECASE)
# What lies at the edges of a subject but outside it (text.subject_names): a comparison with earlier figures, the
# verb that introduces the figure, the period; a bracket holding only years ("… các năm trước (2001)").
_COMPARISON_RE = _subject_rule("comparison_not_in_name")
_PREDICATE_END_RE = _subject_rule("predicate_not_in_name")
_PERIOD_END_RE = _subject_rule("period_not_in_name")
_YEARS_BRACKET_END_RE = re.compile(r"\s*\((?:\s*(?:năm\s+)?(?:19|20)\d{2}\s*[,;]?)+\)\s*$", re.IGNORECASE)
_SIGN_END_RE = re.compile(r"\s+(?:[%‰]|và|hoặc)$")  # a unit or a conjunction left at the end
# A plan word alone keeps its period: "kế hoạch năm 2023" names a plan, "kế hoạch" names none.
_PLAN_ALONE_RE = re.compile(r"^(?:tổng\s+)?(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|nghị quyết)$", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
# labels that split a figure into parts inside the bracket after it ("(cao đẳng 1.702 người, sơ cấp …)")
_CATEGORY_LABELS = frozenset(w.lower() for w in _BOOK.rule("text.name_words", "category_labels").words)  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def tidy(name: str) -> str:
    """``name`` without the words around its subject (``text.subject_names``): clause openings ("nhất là", "Đến
    nay"), a condition closed by "thì", and how the figure moved ("tiếp tục tăng", "giảm mạnh (+").  Openings and
    trends can alternate ("sang quý II tiếp tục giảm nhiều hơn"), so both are removed until nothing changes."""
    own = " ".join(name.split())
    while True:
        cut = _ESTIMATE_RE.sub("", _OPENING_RE.sub("", own)).strip(" ,;:")
        tail = _CONDITION_RE.sub("", cut)
        if tail != cut and content_of(_TREND_RE.sub("", " " + tail).strip()):
            cut = tail
        trimmed = _TREND_RE.sub("", cut).strip(" ,;:")
        if trimmed != cut and (not trimmed or not _BARE_MEASURE_RE.search(trimmed)):
            cut = trimmed
        if cut == own:
            return own
        own = cut


def _names_words(text: str) -> bool:
    """Whether ``text`` keeps a word once its opening words ("và", "trong đó") are left out."""
    return bool(_LETTER_RE.search(_OPENING_RE.sub("", " ".join(text.split()) + " ")))


@lru_cache(maxsize=4096)
def edges(name: str) -> str:
    """``name`` cut to its subject: a name never starts inside a bracket ("7,23% ước tính …) và quý II" → "và quý
    II"), and never ends with a bracket of years, a comparison, the verb introducing its figure or its period
    (``text.subject_names`` ``comparison_not_in_name``, ``predicate_not_in_name``, ``period_not_in_name``); a cut
    that would leave no word is not made."""
    own = " ".join(name.split())
    close = own.find(")")
    if close >= 0 and "(" not in own[:close] and _names_words(own[close + 1 :]):
        own = tidy(own[close + 1 :].strip(" ,;:"))
    while True:
        cut = _YEARS_BRACKET_END_RE.sub("", own)
        cut = _COMPARISON_RE.sub("", cut)
        cut = _PREDICATE_END_RE.sub("", cut)
        cut = _PERIOD_END_RE.sub("", cut)
        cut = _SIGN_END_RE.sub("", cut).strip(" ,;:")
        if cut == own or not _names_words(cut) or _PERIOD_PART_RE.match(own) or _PLAN_ALONE_RE.match(cut):
            return own  # "Sơ bộ quý I" stays: a name that is only a period is a part (period_is_a_part)
        own = cut


@lru_cache(maxsize=4096)
def content_of(name: str) -> str:
    """``name`` when it names something, else "" (``text.subject_names`` ``names_nothing``; a place alone, "toàn
    tỉnh có", names nothing either, nor does a unit alone, "%")."""
    bare = " ".join(_LOCALITY_RE.sub(" ", name).split()).strip(" ,;:()")
    return "" if _NOTHING_RE.match(bare) or not _LETTER_RE.search(bare) else name


def counted_name(unit: str) -> str:
    """How a count with nothing before it is named by its unit: "số bác sỹ trên vạn dân" (``bác sỹ/vạn dân``),
    "số hợp tác xã"; "" for a unit that counts nothing (money, area, rates)."""
    head, _, base = unit.partition("/")
    if (head.lower() in COUNTED_NOUN_SET and head.lower() not in _MEASURED_COUNTS) or (base and _POPULATION_BASE_RE.search(base)):
        return " ".join([_NUMBER_OF, head, *([_PER, base] if base else [])])
    return ""


def measured_subject(before: str) -> str:
    """The last measured subject written in ``before`` ("Chăm sóc tốt diện tích chè, hiện có là" → "diện tích
    chè"), up to the next comma; "" when none."""
    found = list(_MEASURE_RE.finditer(before))
    if not found:
        return ""
    rest = before[found[-1].start() :]
    return tidy(re.split(r"[;:(]|,(?!\d)", rest)[0]).strip(" ,;:")


def _counted_by(own: str, unit: str) -> str:
    """A short verb phrase before a count names what was counted with it ("xây dựng 9 công trình" → "số công trình
    xây dựng", "kết nạp 120 đảng viên" → "số đảng viên kết nạp"); other names are kept."""
    unit_l = unit.lower()
    if (
        unit_l in COUNTED_NOUN_SET
        and unit_l not in _MEASURED_COUNTS
        and own.lower() in _COUNTING_VERBS
    ):
        return " ".join([_NUMBER_OF, unit, own[0].lower() + own[1:]])
    return own


def _measure_of(name: str, whole: bool = False) -> str:
    """What a name measures, without its total word, its period and (unless ``whole``) its own part ("Tổng diện
    tích gieo trồng 9 tháng" → "diện tích gieo trồng"; "GRDP khu vực dịch vụ" → "GRDP")."""
    part = None if whole else _GROUPING_RE.search(name)
    cut_at_part = part is not None and part.start() > 0
    measure = _TOTAL_RE.sub("", _OPENING_RE.sub("", name[: part.start()] if part and cut_at_part else name).strip())
    if cut_at_part:  # "giá trị gia tăng toàn | ngành nông nghiệp" → "giá trị gia tăng"
        measure = _CUT_END_RE.sub("", measure)
    while True:
        cut = _SPAN_RE.sub("", measure)
        if cut == measure:
            break
        measure = cut
    return " ".join(measure.split()).strip(" ,;:")


DETAIL_WORDS = 3  # at most this many words name a part inside a detailing parenthesis


class SubjectNames:
    """The names of one paragraph, completed in document order; ``parent`` is what the next paragraph of its
    section gets as ``section_measure``."""

    def __init__(self, section_measure: str = "") -> None:
        # the measure the section's paragraphs before this one named last: a sector written alone ("Khu vực dịch vụ
        # tăng 7,6%") in a paragraph that names no measure of its own is a part of it
        self.section_measure = section_measure
        self.parent = ""  # the measure of the last name that had one
        self.whole = ""  # that name without its period: what a running total ("lũy kế 9 tháng") continues
        self.listing = -1  # the sentence (its start) where the parts listed since the last measured name began
        self.last = ""  # the name given last, and the sentence it was given in
        self.last_sentence = -1
        self.header_sentence = -1  # the sentence whose list header gave the measure
        self.crops: tuple[int, str] = (-1, "")  # the sentence of a measured crop name, and its measure
        self.counted_last = False  # whether the name given last was a count's
        self.last_unit = ""  # the unit of the figure named last
        self.detailed: tuple[int, str] = (-1, "")  # the bracket (where it opens) splitting a figure by labels, its name

    def complete(self, name: str, unit: str, lead: str, counted: bool, sentence: int, before: str) -> str:
        """``name`` without its opening words, completed with the paragraph's measure when it names a part of it
        (``text.subject_names`` ``parts_of_a_measure``) written after "trong đó", "riêng", "cụ thể" in its sentence,
        as a running total ("lũy kế 9 tháng") or listed after such a part; a share ("chiếm") is named as a weight.
        ``counted`` figures ("9 đơn vị cấp huyện …") are named by what they count; ``before`` is the sentence up to
        the figure."""
        previous_unit, self.last_unit = self.last_unit, unit
        tidied = tidy(edges(tidy(name)))
        own = tidied or name
        header = _HEADER_RE.match(before) if "như sau" in before.lower() else None
        if header and _MEASURE_RE.search(header.group("head")) and sentence != self.header_sentence:
            self.header_sentence = sentence  # "Diễn biến chỉ số tăng trưởng GRDP qua các quý như sau: …"
            self.parent, self.whole, self.listing = _measure_of(tidy(header.group("head"))), "", sentence
        if not content_of(tidied):  # "so với cùng kỳ giảm nhiều (-9,3%)", "hiện có là 1.240 ha"
            last = self.last if self.last_sentence == sentence else ""
            # a rate or change continues the figure before it; a count or amount is named by what was last measured,
            # else by what it counts ("toàn tỉnh có 11 bác sỹ, 28 giường bệnh trên 1 vạn dân")
            named = (last or measured_subject(before)) if "%" in unit else (measured_subject(before) or counted_name(unit) or last)
            if named:
                return self._remember(named, sentence)
        owner = _OWNER_RE.search(own)
        if owner and counted_name(unit) and "/" not in unit:  # "hoàn thành các tiêu chí của 3 xã"
            return self._remember(" ".join([counted_name(unit), own[: owner.start()]]), sentence)
        if "%" in unit and _RATE_OF_COUNT_RE.search(before[-40:]) and not _MEASURE_RE.search(own):  # "…, chiếm tỷ lệ 2,1%"
            return self._remember(" ".join([_RATE, own]), sentence)
        if (  # "có 14 trường đạt chuẩn, chiếm 70%", "… (tỷ lệ 91%)": the rate of what was just counted
            unit == "%" and self.counted_last and self.last_sentence == sentence
            and _RATE_AFTER_COUNT_RE.search(f"{before[-40:]} {lead} ") and not self.last.lower().startswith(_RATE)
        ):
            return self._remember(" ".join([_RATE, self.last]), sentence)
        labelled = self._labelled_part(own, unit, previous_unit, sentence, before)
        if labelled:
            return self._remember(labelled, sentence)
        if _PERIOD_PART_RE.match(own) and self.parent:  # "quý I", "bình quân mỗi năm giai đoạn 2021-2023"
            return self._remember(" ".join([self.parent, own]), sentence)
        counts = unit.lower() in COUNTED_NOUN_SET and unit.lower() not in _MEASURED_COUNTS
        return self._remember(self._complete(own, unit, lead, counted, sentence, before), sentence, counts)

    def _labelled_part(self, own: str, unit: str, previous_unit: str, sentence: int, before: str) -> str:
        """The name of a part written only by its label inside the bracket after a figure ("tuyển sinh 640 người
        (trung cấp 210 người, …)" → "tuyển sinh trung cấp"; text.name_words category_labels); "" otherwise."""
        if own.lower() not in _CATEGORY_LABELS or before.count("(") <= before.count(")"):
            return ""
        bracket = sentence + before.rfind("(")  # one whole per bracket ("35 người (đại học 33; …); 211 người (…)")
        if self.detailed[0] != bracket:  # the first label of the bracket: the whole is the figure named last, when the
            # parts are counted in its unit ("690 lượt cán bộ … (Đại học 605 người; …)" splits something else)
            whole = self.last if self.last_sentence == sentence and previous_unit.lower() == unit.lower() else ""
            self.detailed = (bracket, whole)
        whole = self.detailed[1]
        if whole[: len(unit) + 1].lower() == unit.lower() + " ":  # "học sinh tuyển mới" → "học sinh mầm non tuyển mới"
            return " ".join([whole[: len(unit)], own, whole[len(unit) :].strip()])
        return " ".join([whole, own]) if whole else ""

    def _remember(self, name: str, sentence: int, counted: bool = False) -> str:
        self.last, self.last_sentence, self.counted_last = name, sentence, counted
        return name

    def _complete(self, own: str, unit: str, lead: str, counted: bool, sentence: int, before: str) -> str:
        if _MEASURE_RE.search(own):
            self.parent, self.whole, self.listing = _measure_of(own), _measure_of(own, whole=True), -1
            crop = _CROP_RE.search(own)  # "diện tích lúa ruộng …": the crops listed after it measure "diện tích"
            self.crops = (sentence, own[: crop.start()].strip()) if crop and crop.start() > 0 else (-1, "")
            return own
        if CONTRIBUTES_END_RE.search(own):  # "khu vực dịch vụ đóng góp 3,07 điểm phần trăm": complete as written
            return own
        if self.crops[0] == sentence and _CROP_RE.match(" " + own) and not counted:  # "…; cây ngô 73 ha"
            return " ".join([self.crops[1], own[0].lower() + own[1:]])
        share = "%" in unit and lead.split()[:1] == ["chiếm"]
        part = " ".join(_LOCALITY_RE.sub(" ", own).split()).strip(" ,;:")
        sub_item = self.listing >= 0 or bool(_SUB_ITEM_RE.search(before)) or part.lower().startswith("lũy kế")
        # a part opened by its grouping word ("Khu vực công nghiệp, xây dựng", "Ngành khai khoáng") never measures
        # anything alone: it is a part of the paragraph's measure, else of the section's (text.subject_names
        # part_groupings)
        sector = (
            not counted and bool(_GROUP_START_RE.match(part)) and bool(self.parent or self.section_measure)
        )
        if sector and not self.parent:
            self.parent = self.whole = self.section_measure
        # inside a parenthesis that details the name before it ("… (gạo ước 450 triệu USD; hàng may mặc …)")
        # (a count of people or things is named by its own noun: "(trong đó: cán bộ 1.141 người; …)")
        detail = (
            before.count("(") > before.count(")")
            and 0 < len(part.split()) <= DETAIL_WORDS
            and bool(self.parent)
            and unit.lower() not in COUNTED_NOUN_SET
        )
        if counted or not part or not (share or detail or ((sub_item or sector) and _PART_RE.match(part))):
            return _counted_by(own, unit)
        self.listing = sentence if self.listing < 0 else self.listing
        if part[1:2].islower():  # "Ngành nông-lâm nghiệp" inside a name; "GRDP" kept
            part = part[0].lower() + part[1:]
        if share:
            return " ".join([_WEIGHT, part, *([_WITHIN, self.parent] if self.parent else [])])
        measure = self.whole if part.lower().startswith("lũy kế") else self.parent
        return " ".join([measure, part]) if measure else own
