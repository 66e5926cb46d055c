"""The indicator phrase of each quantity of a clause, and the period it refers to.

Two word orders occur: value last ("Tỷ lệ che phủ rừng đạt 53%": the phrase is before the number) and
quantity first ("86% hộ gia đình, 75% thôn, bản … đạt tiêu chuẩn văn hóa": the phrase follows the
number, and a predicate written once at the end is shared by every number of the list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.extraction.claim_periods import PERIOD_RE, period_of
from chitieu.extraction.counted_names import (
    SPANS_RE,
    action_name,
    acts_on,
    counted_thing,
    counts_things,
    listed_after,
    with_joined_verb,
)
from chitieu.extraction.grammar import (
    COUNTED_NOUN_SET,
    HEDGE_WORDS,
    LEAD_WORDS,
    PREDICATE_WORDS,
)
from chitieu.extraction.names import CONTRIBUTES_END_RE, SUB_ITEM_MARKERS, content_of, tidy
from chitieu.extraction.quantity import TextQuantity
from chitieu.grammar.loader import rulebook

_FILLERS = sorted(
    {*LEAD_WORDS, *HEDGE_WORDS, "và", "trong đó", "riêng", "cụ thể", "tổng", "là", "các", "của tỉnh", "đã", "có", "đã có"},
    key=len, reverse=True,
)
_FILLER_RE = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(re.escape(f) for f in _FILLERS) + r")(?=\s|$)", re.IGNORECASE)
_PREDICATE_RE = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(p) for p in PREDICATE_WORDS) + r")(?=\s|$)", re.IGNORECASE)
# Where the noun phrase after a number stops: a parenthesis or a comma before a new clause.
_AFTER_CUT_RE = re.compile(
    r"\(|,\s*(?:không còn|trong đó|riêng|tăng|giảm|đạt|bằng|vượt|chiếm|so với|nâng|góp phần|đưa|tương đương)(?=\s|$)", re.IGNORECASE
)
_EDGE_STRIP = " ,;:.-–()\"'"
_MEASURE_WORD_RE = re.compile(rulebook().pattern("text.subject_names", "measure_in_name"), re.IGNORECASE)
_WITHIN_RE = re.compile(r"\strong\s", re.IGNORECASE)
_GROUP_RE = re.compile(rulebook().pattern("text.subject_names", "part_groupings"), re.IGNORECASE)
# "144 hộ với diện tích hơn 166 ha …": a count followed by the measure of the next figure (text.subject_names
# with_measure_links)
_WITH_MEASURE_RE = re.compile(rulebook().pattern("text.subject_names", "with_measure_links"), re.IGNORECASE)
MAX_PHRASE = 140
LIST_HEAD_WORDS = 8


@dataclass(slots=True)
class Phrase:
    text: str
    start: int  # span of the claim in normalised text
    end: int
    period: str


def content_words(s: str) -> str:
    """``s`` without periods, fillers, digits and punctuation: empty when it names nothing."""
    return _content(s)


_NOT_WORDS_RE = re.compile(r"[\W\d_]+")


def _content(s: str) -> str:
    s = PERIOD_RE.sub(" ", s)
    s = _FILLER_RE.sub(" ", s)
    s = _NOT_WORDS_RE.sub(" ", s)
    return s.strip()


# A short parenthesis without figures inside a subject: an abbreviation or gloss ("tăng trưởng kinh tế (GRDP)
# theo giá so sánh"), part of the name; it never separates the subject from what came before.
# A year inside it is part of the gloss too ("(giá so sánh 2010)").
_GLOSS_RE = re.compile(r"\(([^()\d,;]{1,40}|[^()\d,;]{1,30}(?:19|20)\d{2})\)")
# A starting point written inside the subject ("Tỷ lệ hộ nghèo giảm từ 21,5% năm 2015 xuống còn …").
_FROM_START_RE = re.compile(r"\s+(?:giảm|tăng|nâng|hạ)\s+từ\s+\S*\d.*$", re.IGNORECASE)
# A concession between the subject and its figure ("… tuy không đạt nhưng …"): not part of the name.
_LOCALITY_RE = re.compile(rulebook().pattern("text.subject_names", "locality_not_a_name"), re.IGNORECASE)
_FOR_COUNTED_RE = re.compile(rulebook().pattern("text.subject_names", "verb_for_the_counted"), re.IGNORECASE)
_DATE_RE = re.compile(rulebook().pattern("text.subject_names", "as_of_not_in_name"), re.IGNORECASE)
_PART_END_RE = re.compile(rulebook().pattern("text.subject_names", "parts_of_a_measure") + r"\s*$", re.IGNORECASE)
# What a rank is on, written after it: "… dẫn đầu cả nước về chỉ số chuyển đổi số (DTI)".
_RANKED_ON_RE = re.compile(r"[^.;,()\d]{0,60}?\svề\s+(?P<on>[^.;,]{3,100}?(?:\([^()\d]{1,20}\))?)(?=[.;,]|$)", re.IGNORECASE)
_CONCESSION_RE = re.compile(rulebook().pattern("text.subject_names", "concession_not_in_name"), re.IGNORECASE)


# A chunk opening with "trong đó", "riêng", "chủ yếu do" … starts a subject of its own: the words before it are not
# widened into its name ("… 53,8% dự toán cả năm, trong đó thu nội địa đạt 52,1%").
_OPENS_SUBJECT_RE = re.compile(r"\s*(?:" + SUB_ITEM_MARKERS + r")(?=[\s,:])", re.IGNORECASE)


def _mask_glosses(text: str) -> str:
    """``text`` with the brackets of glosses replaced one-for-one, so they split nothing."""
    return _GLOSS_RE.sub(lambda m: "[" + m.group(1) + "]", text)


def _short_object(chunk: str) -> bool:
    """A chunk that is one or two words once its promise, trend and month count are left out ("dịch vụ phấn đấu đạt
    trong", "nhập khẩu 11 tháng") and measures nothing itself."""
    own = tidy(" ".join(chunk.split()))
    core = _content(re.sub(r"\d+\s+tháng", " ", own))
    return (
        0 < len(core.split()) <= 2
        and not _MEASURE_WORD_RE.search(chunk)
        and bool(content_of(own))
        and not own.lower().endswith(" và")
    )


JOIN_WORDS = 6  # a measured name a short item can join has at most this many words


def _bare_measure(chunk: str) -> bool:
    """A short measured (or grouped) noun phrase with no verb of its own ("Tổng mức bán lẻ hàng hóa", "nhóm ngành
    chế biến"), not a clause ("… tăng mạnh", "… được đảm bảo")."""
    flat = " ".join(chunk.split())
    return (
        bool(_MEASURE_WORD_RE.search(flat) or _GROUP_RE.search(flat))
        and len(_content(flat).split()) <= JOIN_WORDS
        and not _PREDICATE_RE.search(flat)
        and flat.strip(" ,;:").endswith(tidy(flat))  # openings may go, a trend at its end may not
    )


def _opens_with_measure(chunk: str) -> bool:
    """The chunk starts with what it measures ("Tỉ trọng …", "Số …"), past a list mark; "Chăm sóc tốt diện tích
    chè" does not."""
    return bool(_MEASURE_WORD_RE.match(chunk.strip(" -–+•*\t\n")))


def _last_chunks(text: str, base: int, share: bool = False) -> tuple[str, int]:
    """The subject right before a number: the last comma chunk, widened while it is empty or a short list."""
    original = text
    text = _mask_glosses(text)
    # a closing parenthesis ends the words before it ("… (giảm 3,44% so với năm 2020) và thuế sản phẩm chiếm")
    chunks = [(m.start(), m.end()) for m in re.finditer(r"[^,:()]+", text)]
    if not chunks:
        return "", base + len(text)
    i = len(chunks) - 1
    start = chunks[i][0]
    listed = False  # the subject so far is a list of short names ("lâm nghiệp, thủy sản")
    while i > 0 and not _OPENS_SUBJECT_RE.match(text, start):
        current = text[start:]
        # "…, thuỷ sản đóng góp": the verb of a contribution is no word of the list before it
        words = len(_content(CONTRIBUTES_END_RE.sub(" ", current)).split())
        previous = text[chunks[i - 1][0] : chunks[i - 1][1]]
        joined = "(" not in text[chunks[i - 1][1] : start] and text[chunks[i - 1][1] : start].strip() == ","
        # "nông-lâm nghiệp": two words; "đặc biệt là khách sạn": its opening is no word of the list
        short_previous = len(_content(tidy(previous).replace("-", "")).split()) <= 3
        if words == 0 or (words < 3 and short_previous and "(" not in text[chunks[i - 1][1] : start]):
            listed = listed or (words > 0 and joined)
            i -= 1
            start = chunks[i][0]
            continue
        if joined and not share and _short_object(current) and _bare_measure(previous):
            # "Tổng mức bán lẻ hàng hóa, dịch vụ", "Tổng kim ngạch xuất, nhập khẩu 11 tháng", "nhóm ngành chế biến,
            # chế tạo": a short item after a measured (or grouped) name is one more thing that name measures
            i -= 1
            start = chunks[i][0]
            break
        if joined and not share and i == 1 and _opens_with_measure(previous) and _bare_measure(previous) and not _MEASURE_WORD_RE.search(_WITHIN_RE.split(current)[0]):
            # "Tỉ trọng công nghiệp chế biến, chế tạo trong GRDP", "Số khu công nghiệp, khu chế xuất được thành lập":
            # a comma after the measured name opening the clause lists one more thing it measures, when what follows
            # measures nothing of its own (the whole a share is "trong" is not its own measure)
            i -= 1
            start = chunks[i][0]
            break
        if joined and " và " in current and _PART_END_RE.search(previous):
            # "GRDP khu vực nông, lâm nghiệp và thủy sản": a list of parts ending in "và" is one name
            i -= 1
            start = chunks[i][0]
            break
        if listed and joined and len(_content(previous).split()) <= LIST_HEAD_WORDS:
            # "Giá trị sản xuất nông nghiệp, lâm nghiệp, thủy sản": the list's first item carries the name
            i -= 1
            start = chunks[i][0]
            listed = False
            continue
        break
    phrase = _DATE_RE.sub("", _CONCESSION_RE.sub("", _FROM_START_RE.sub("", original[start:])))
    lead = len(phrase) - len(phrase.lstrip(_EDGE_STRIP))
    subject = phrase.strip(_EDGE_STRIP)
    if subject.count("(") > subject.count(")"):  # "… bảo hiểm y tế (BHYT)": the gloss closes the name
        subject += ")"
    return subject, base + start + lead


def phrases_for(text: str, clause_start: int, clause_end: int, quantities: list[TextQuantity]) -> list[Phrase]:
    """One phrase per quantity (same order)."""
    phrases: list[Phrase] = []
    first_kind: list[bool] = []
    links: dict[int, tuple[str, str]] = {}  # quantity index → the measure a "với diện tích" before it names it by, and what
    shared_action = ""  # the action of the clause's last count named by it, shared by the counts listed after it
    last_thing_end = clause_start  # where the words of that count's thing end
    for i, q in enumerate(quantities):
        continues_list = bool(first_kind) and first_kind[-1] and not q.lead and not q.rank
        seg_start = quantities[i - 1].end if i else clause_start
        before = text[seg_start : q.start]
        next_start = quantities[i + 1].start if i + 1 < len(quantities) else clause_end
        period = period_of(text[seg_start : q.start]) or period_of(text[clause_start : q.start])
        subject, subject_start = _last_chunks(before, seg_start, q.lead.lower().startswith("chiếm"))
        if subject.lower().endswith(" trở") and q.lead.lower().startswith("lên"):
            subject += " lên"  # "số xã đạt từ 10 tiêu chí trở lên là 37 xã": "lên" is read with the figure's lead
        last_chunk = re.split(r"[,:(]", before)[-1]
        # a rank's words after it name what is ranked against ("đứng thứ 2 trong các huyện"), never its subject
        remote = not q.rank and (
            not _content(_LOCALITY_RE.sub(" ", last_chunk)) or bool(_FOR_COUNTED_RE.fullmatch(last_chunk.strip().lower()))
        ) and _has_noun_after(text, q, next_start)
        about = _RANKED_ON_RE.match(text, q.end, next_start) if q.rank else None
        if about:  # "thuộc nhóm 20 tỉnh dẫn đầu cả nước về chỉ số chuyển đổi số (DTI)": ranked on that
            on = about.group("on").strip(_EDGE_STRIP)
            phrases.append(Phrase(_clip(on + ")" * (on.count("(") - on.count(")"))), q.start, q.end, period))
            first_kind.append(False)
            continue
        paired = _WITH_MEASURE_RE.search(before)
        if paired and phrases and _content(phrases[-1].text) and not continues_list:
            # "hỗ trợ cho 2.100 người với tổng số tiền 31,5 tỷ đồng": the amount of what the count got
            phrases.append(Phrase(_clip(f"{paired.group('measure')} {tidy(phrases[-1].text)}"), q.start, q.end, period))
            first_kind.append(False)
            continue
        if counts_things(q) and not q.rank and not _WITH_MEASURE_RE.search(text[q.end : next_start]):
            # a count of things written after what was done to them: named by the thing, then the action
            # (extraction/counted_names.py); the counts listed right after it share the action. (A count paired
            # with the measure after it, "1.240 người với tổng số tiền …", is named with it below.)
            thing, thing_end = counted_thing(text, q, next_start, i + 1 < len(quantities))
            thing = " ".join(SPANS_RE.sub(" ", PERIOD_RE.sub(" ", thing)).split())
            listed = bool(shared_action) and listed_after(text[last_thing_end : q.number_start])
            acted = (f"{thing} {shared_action}", shared_action) if listed else None
            if acted is None and _content(subject) and not remote and acts_on(text, before if i else "", subject_start, q):
                own = with_joined_verb(text, subject_start, subject)
                acted = action_name(SPANS_RE.sub(" ", PERIOD_RE.sub(" ", own)), q.lead, thing, q.unit)
            shared_action, last_thing_end = (acted[1] if acted else ""), thing_end
            if acted:
                start_at = subject_start if _content(subject) and not listed else q.start
                phrases.append(Phrase(_clip(acted[0]), start_at, q.end, period))
                first_kind.append(False)
                continue
        if _content(subject) and not continues_list and not remote:
            object_after = _object_after(text, q, next_start, subject)
            phrase = _clip(f"{subject} {object_after}" if object_after else subject)
            phrases.append(Phrase(phrase, subject_start, q.end + (len(object_after) + 1 if object_after else 0), period))
            first_kind.append(False)
            continue
        after = text[q.end : next_start]
        cut = _AFTER_CUT_RE.search(after)
        if cut:
            after = after[: cut.start()]
        after_stripped = after.rstrip(_EDGE_STRIP + " và")
        noun = after_stripped.strip(_EDGE_STRIP)
        if after.lstrip(" )").startswith((",", ";")) and not _counts_nouns(q):
            noun = ""  # "…, chiếm tỉ lệ 1,61%, người dân …", "2.200 MW, tổng sản lượng …": the next subject, not a noun of its own
        link = _WITH_MEASURE_RE.search(noun)
        if link and i + 1 < len(quantities):  # "144 hộ với diện tích hơn 166 ha trồng xoài": the pair shares what follows
            noun = noun[: link.start()].strip(_EDGE_STRIP)
            core = bool(_content(noun))  # "82 hộ tham gia … với diện tích 49,5 ha": the count's own words are shared
            if not core:
                following = quantities[i + 2].start if i + 2 < len(quantities) else clause_end
                noun = _noun_after(text, quantities[i + 1], following)
            unit_noun = q.unit if q.unit[:1].isalpha() and "%" not in q.unit and not noun.lower().startswith(q.unit.lower()) else ""
            links[i + 1] = (link.group("measure"), f"{unit_noun} {noun}".strip() if core else noun)
        if i in links:  # the measure after "với" names this figure by what the pair describes
            measure, shared = links[i]
            phrase = _clip(f"{measure} {noun if _content(noun) else shared}".strip())
            phrases.append(Phrase(phrase, q.start, q.end, period))
            first_kind.append(False)
            continue
        if _content(noun) and not noun.lower().startswith(("so với", "so cùng", "tăng", "giảm", "bằng", "vượt")):
            unit_noun = q.unit if q.unit and q.unit[0].isalpha() and "%" not in q.unit else ""
            phrase = _clip(f"{unit_noun} {noun}".strip())
            end = q.end + len(after_stripped)
            phrases.append(Phrase(phrase, q.start, end, period))
            first_kind.append(True)
            continue
        inherited = phrases[-1].text if phrases else _clip(_content(text[clause_start : q.start]) or q.unit)
        own_noun = q.unit.split("/")[0] if q.unit and q.unit[0].isalpha() and "%" not in q.unit else ""
        previous_unit = quantities[i - 1].unit.lower() if i else ""
        if own_noun and phrases and phrases[-1].text.lower() in (previous_unit, previous_unit.split("/")[0]):
            inherited = q.unit  # "15 bác sỹ, 35 giường bệnh …": each count is named by what it counts
        phrases.append(Phrase(inherited, q.start, q.end, period))
        first_kind.append(False)
    _share_predicate(phrases, first_kind)
    return phrases


OBJECT_WORDS = 3
# words after which an object noun has ended
_OBJECT_STOPS = frozenset(
    ["cho", "đạt", "tăng", "giảm", "với", "bằng", "so", "vượt", "chiếm", "là", "được", "trong", "tại", "của", "và", "đến", "từ", "theo", "trên", "dưới", "gồm", "thu", "hoạch"]
)


def _object_after(text: str, q: TextQuantity, next_start: int, subject: str) -> str:
    """What a verb subject acts on, written right after the figure's unit ("Toàn tỉnh trồng mới 2.018 ha rừng;" →
    "rừng"): a short noun closed by punctuation, only when the subject names no measure of its own."""
    if not q.unit[:1].isalpha() or "%" in q.unit or text[q.end : q.end + 1] != " " or _MEASURE_WORD_RE.search(subject):
        return ""
    # up to punctuation, a digit or a word that starts what follows ("giao 5.802 ha đất nông nghiệp cho 6.356 hộ");
    # a noun running into the next figure's words is cut, not closed, and names nothing
    after = text[q.end : next_start]
    m = re.match(r"[ \t]+(?P<noun>[^\W\d_][^,;.:()\d\"“”\n]*)", after)
    if not m:
        return ""
    words: list[str] = []
    closed = m.end() < len(after) or text[next_start : next_start + 1] in ("", "\n", ",", ";", ".", ":")
    for w in m.group("noun").split():
        if w.lower() in _OBJECT_STOPS:
            closed = True
            break
        words.append(w)
    following = text[next_start:].split(maxsplit=1)
    closed = closed or bool(following and following[0].lower() in _OBJECT_STOPS)
    noun = " ".join(words) if closed else ""
    if words and f"{q.unit} {words[0]}".lower() in COUNTED_NOUN_SET:  # "26 cơ quan" read as "26 cơ": no object
        return ""
    return noun if 0 < len(noun.split()) <= OBJECT_WORDS and _content(noun) else ""


def _counts_nouns(q: TextQuantity) -> bool:
    """Whether ``q`` counts things, so a comma after it can continue a list of nouns ("12 bộ, cơ quan trung ương")."""
    return q.noun_unit or q.unit.lower() in COUNTED_NOUN_SET


def _noun_after(text: str, q: TextQuantity, next_start: int) -> str:
    """The noun phrase written right after ``q`` ("166 ha trồng xoài theo tiêu chuẩn VietGAP, …" → "trồng xoài
    theo tiêu chuẩn VietGAP"); "" when a comma or a new clause follows."""
    after = text[q.end : next_start]
    if after.lstrip(" )").startswith((",", ";", ".")):
        return ""
    cut = _AFTER_CUT_RE.search(after)
    noun = (after[: cut.start()] if cut else after).strip(_EDGE_STRIP)
    link = _WITH_MEASURE_RE.search(noun)
    return noun[: link.start()].strip(_EDGE_STRIP) if link else noun


def _has_noun_after(text: str, q: TextQuantity, next_start: int) -> bool:
    after = text[q.end : next_start]
    cut = _AFTER_CUT_RE.search(after)
    return bool(_content(after[: cut.start()] if cut else after)) and not after.lstrip(" )").startswith((",", ";", "."))


def _share_predicate(phrases: list[Phrase], first_kind: list[bool]) -> None:
    """Quantity-first phrases without a predicate take the one written after the last of them. Only a run of
    quantity-first phrases shares one: a figure named before it ends the run ("80 hộ nghèo, chiếm tỉ lệ 1,61%, …,
    93,5% số hộ dân sử dụng nhà tiêu hợp vệ sinh" gives "hộ nghèo" nothing)."""
    runs: list[list[int]] = []
    for i, f in enumerate(first_kind):
        if f:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    for idx in runs:
        if len(idx) < 2:
            continue
        last = phrases[idx[-1]].text
        m = _PREDICATE_RE.search(last)
        if not m:
            continue
        predicate = last[m.start() :].strip()
        for i in idx[:-1]:
            if not _PREDICATE_RE.search(phrases[i].text):
                phrases[i].text = _clip(f"{phrases[i].text} {predicate}")


def _clip(s: str) -> str:
    s = " ".join(s.split())
    if len(s) <= MAX_PHRASE:
        return s
    cut = s.rfind(" ", 0, MAX_PHRASE)
    return s[: cut if cut > 0 else MAX_PHRASE]
