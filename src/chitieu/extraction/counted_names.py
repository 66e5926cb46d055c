"""Counts of things named by the thing counted, qualified by what was done to it (pure).

Reports write counts verb first: "UBND xã đã xây mới 84 nhà văn hóa thôn, 27 nhà thi đấu", "trợ cấp đột suất
cho 7.200 hộ là đối tượng yếu thế", "Riêng vùng nông thôn có 47 trường đạt chuẩn". The words before the figure
are the action (and, before a tense word, the actor); the thing counted is the noun after the figure and the
words that qualify it. Such a count is named by the thing, then the action: "nhà văn hóa thôn xây mới", "hộ là
đối tượng yếu thế được trợ cấp đột suất" (the action was done *for* them: ``text.name_words``
``done_for_marker``), "trường đạt chuẩn vùng nông thôn" (an existence, ``existence_verbs``, takes only a generic
area, ``area_words``). The actor ends at the last tense word (``actor_ends``: "UBND xã đã", "lực lượng công an
đã"), and is not part of the name. The counts listed after the first one ("…, 27 nhà thi đấu") share its action.
"""

from __future__ import annotations

import re

from chitieu.extraction.grammar import COUNTED_NOUN_SET, HEDGE_WORDS, LEAD_WORDS
from chitieu.extraction.names import SUB_ITEM_MARKERS, tidy
from chitieu.extraction.quantity import TextQuantity
from chitieu.grammar.loader import rulebook
from chitieu.grammar.text import alternation

_BOOK = rulebook()


def _words(rule_id: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _BOOK.rule("text.name_words", rule_id).words)  # type: ignore[attr-defined]


_ACTOR_END_RE = re.compile(r"(?:^|\s)(?:" + alternation(_words("actor_ends")) + r")(?=\s)", re.IGNORECASE)
# a body alone before its action, with the proper name after it ("xã xây mới", "phường Tân An trồng")
_ACTOR_UNIT_RE = re.compile(r"^(?:" + alternation(_words("actor_units")) + r")\s+(?=\S)", re.IGNORECASE)
_PLACE_AFTER_RE = re.compile(r"\s(?:" + alternation(_words("place_after_thing")) + r")\s", re.IGNORECASE)
_WITH_MEASURE_AFTER_RE = re.compile(
    r"\svới\s+(?:" + _BOOK.pattern("text.subject_names", "measure_in_name").replace("(?:^|\\s)", "", 1) + ")", re.IGNORECASE
)
_GENERIC_COUNTERS = frozenset(_words("generic_counters"))
_NOUN_OPENERS_RE = re.compile(r"^(?:" + alternation(_words("noun_phrase_openers")) + r")(?=\s|$)", re.IGNORECASE)
_EXISTENCE = _words("existence_verbs")
_EXISTENCE_END_RE = re.compile(r"(?:^|\s)(?:" + alternation(_EXISTENCE) + r")$", re.IGNORECASE)
_AREA_START_RE = re.compile(r"^(?:" + alternation(_words("area_words")) + r")(?=\s|$)", re.IGNORECASE)
# "bậc học mầm non có 6 trường …": a level the count is taken in (text.subject_names level_openers)
_LEVEL_OPENER_RE = re.compile(_BOOK.pattern("text.subject_names", "level_openers"), re.IGNORECASE)
_DONE_FOR = _words("done_for_marker")
_DONE_FOR_END_RE = re.compile(r"\s(?:" + alternation(_DONE_FOR) + r")$", re.IGNORECASE)
_PASSIVE = _words("passive_word")[0]
_COUNTING_VERBS = frozenset(_words("counting_verbs"))
_HARM_VERBS = frozenset(_words("harm_to_people"))
_CAUSATIVE = "làm "
_MEASURED_COUNTS = frozenset(_words("measured_counts"))
# units written with words that count things or people ("cây", "hộ", "lượt người"); the amounts ("ha", "tấn",
# "giường bệnh") and work days of ``units.word_units`` measure rather than count
_AMOUNT_UNIT_RULES = frozenset({"measures", "days_given"})
_COUNTING_UNITS = frozenset(
    word.lower()
    for rule in _BOOK.table("units.word_units")
    if rule.id not in _AMOUNT_UNIT_RULES
    for word in getattr(rule, "words", ())
)
_MEASURE_RE = re.compile(_BOOK.pattern("text.subject_names", "measure_in_name"), re.IGNORECASE)
# words that introduce a figure or a trend, never an action done to what is counted ("đạt", "tăng lên", "ước")
_NOT_ACTIONS = frozenset(w.lower() for w in (*LEAD_WORDS, *HEDGE_WORDS)) | {"lên", "còn", "nâng", "đưa", "với"}
_LEVEL_ENDS = _NOT_ACTIONS - set(_DONE_FOR) - set(_EXISTENCE)  # the last word of a subject reaching a level
# where the words qualifying the counted thing stop: a bracket, a clause mark, a new clause after a comma
_THING_CUT_RE = re.compile(
    r"[();:.]|\strở\s+(?:lên|xuống)(?!\w)|,\s*(?:không còn|tăng|giảm|đạt|bằng|vượt|chiếm|so với|nâng|góp phần|đưa|tương đương|chủ yếu|bao gồm|gồm|"
    + SUB_ITEM_MARKERS
    + r")(?=\s|$)",
    re.IGNORECASE,
)  # (a detail after a comma, "7 công trình, chủ yếu là đường giao thông", is no qualifier of the thing)
# words that join the thing to what follows, never its last word ("131 tụ điểm đánh bạc với 155 đối tượng")
_TRAILING_JOIN_RE = re.compile(
    r"(?:[\s,\-–\"'“”]+(?:và|với|cho|của|trong|tại|có|là|gồm|trên|dưới|hơn|khoảng|gần|đạt|được)(?=[\s,]|$))*[\s,\-–\"'“”]*$",
    re.IGNORECASE,
)
_CONJUNCTIONS = frozenset({"và", "hoặc", "cùng"})
ACTION_WORDS = 7  # an action longer than this is a clause of its own, not what was done to the count
THING_WORDS = 12  # qualifiers longer than this run into the next clause
# what lies between two counts of one list ("84 nhà văn hóa, 27 nhà thi đấu", "(7 trường …, 9 trường … và 7 …")
_LIST_GAP_RE = re.compile(r"^[\s,;()]*(?:và|hoặc)?[\s,()]*$", re.IGNORECASE)


def counts_things(q: TextQuantity) -> bool:
    """Whether ``q`` counts things named by a noun ("84 nhà văn hóa", "7.200 hộ"), not an amount ("ha", "tỷ
    đồng") or a rate."""
    unit = q.unit.lower()
    return (
        unit[:1].isalpha()
        and "%" not in unit
        and "/" not in unit
        and (q.noun_unit or unit in COUNTED_NOUN_SET or unit in _COUNTING_UNITS)
        and unit not in _MEASURED_COUNTS
    )


def counted_thing(text: str, q: TextQuantity, next_start: int, more: bool) -> tuple[str, int]:
    """The thing ``q`` counts: its unit and the words after it that qualify it ("131 tụ điểm đánh bạc với 155 đối
    tượng" → "tụ điểm đánh bạc"), and where those words end. With ``more`` figures after it in the clause, the
    words after the last comma are the next figure's own ("2 chuyên án trộm xe, triệt xóa 131 …" → "chuyên án
    trộm xe")."""
    after = text[q.end : next_start]
    cut = _THING_CUT_RE.search(after)
    if cut:
        after = after[: cut.start()]
    place = _PLACE_AFTER_RE.search(after) or _WITH_MEASURE_AFTER_RE.search(after)
    if place:  # "400 cây trên các tuyến đường": where the action was done; "296 dự án với tổng vốn …": a measure
        after, cut = after[: place.start()], place
    if more and not cut and "," in after:
        after = after[: after.rfind(",")]
    after = after[: _TRAILING_JOIN_RE.search(after).start()]  # type: ignore[union-attr]  # (it matches "" at worst)
    words = " ".join(after.split())
    if len(words.split()) > THING_WORDS:
        return q.unit, q.end
    return f"{q.unit}{'' if words.startswith(',') else ' '}{words}".strip(), q.end + len(after)


def _lower_first(words: str) -> str:
    return words[:1].lower() + words[1:] if words[1:2].islower() or len(words) == 1 else words


def names_an_actor(subject: str) -> bool:
    """Whether ``subject`` writes an actor that ends at a tense word ("Đoàn thanh niên xã đã trồng mới")."""
    return bool(_ACTOR_END_RE.search(subject))


def _without_actor_unit(own: str) -> str:
    """``own`` without a body written alone at its start and the proper name after it ("phường Tân An trồng mới"
    → "trồng mới")."""
    unit = _ACTOR_UNIT_RE.match(own)
    if not unit:
        return own
    words = own[unit.end() :].split()
    while len(words) > 1 and words[0][:1].isupper():
        words = words[1:]
    return " ".join(words)


_JOINED_VERB_RE = re.compile(
    r"(?:^|[\s.;:])(" + alternation(_words("verbs_joined_by_comma")) + r")\s*,\s*$", re.IGNORECASE
)


def with_joined_verb(text: str, subject_start: int, subject: str) -> str:
    """``subject`` with the verb written before it and a comma ("tuyển sinh, đào tạo nghề cho 1.200 người"): two
    actions done to the same count (text.name_words verbs_joined_by_comma)."""
    joined = _JOINED_VERB_RE.search(text[max(0, subject_start - 30) : subject_start])
    return f"{joined.group(1)}, {subject}" if joined else subject


def _names_the_count(subject: str, unit: str) -> bool:
    """Whether ``subject`` already writes the counted noun among other words ("đưa lao động đi làm việc ở nước ngoài"
    before "là 320 lao động"), so it names the count itself (text.name_words existence_verbs)."""
    written = re.search(rf"(?:^|\s){re.escape(unit)}(?=\s|$)", subject, re.IGNORECASE)
    # (a subject holding figures or a slash is the words of other figures: "… 2.379 vụ/3.248 bị can")
    return bool(written) and len(subject.split()) > len(unit.split()) and not re.search(r"[\d/]", subject)


def action_name(subject: str, lead: str, thing: str, unit: str) -> tuple[str, str] | None:
    """The name of a count of ``thing`` written after the verb phrase ``subject`` (``lead``: the words the figure
    was read with, "có", "đạt"), and the words the counts listed after it share; None when ``subject`` measures
    something itself, the figure is introduced as a level or the subject is no short verb phrase (the name is
    then read as before)."""
    written = " ".join(subject.split()).strip(" ,;:-–")
    own = tidy(written).strip(" ,;:-–")
    if not own or _MEASURE_RE.match(own) or not written.endswith(own):
        # "Số lượt khám chữa bệnh …": the subject says what the figure measures; "hộ nghèo giảm xuống còn": how
        # far it moved (cut by ``tidy``), a level reached
        return None
    lead = " ".join(lead.lower().split())
    *lead_action, lead_last = lead.split() or [""]
    if lead_action and lead_last in _DONE_FOR:  # "tạo việc làm tăng thêm cho 21.700 người": the lead is the action's
        lead = lead_last
    if lead and lead not in _EXISTENCE and lead not in _DONE_FOR:
        return None  # "đạt 120 hộ", "tăng 3 xã": a level or a change of what the subject names
    if thing.lower() == unit.lower() and unit.lower() in _GENERIC_COUNTERS and lead not in _DONE_FOR:
        harm = _without_actor_unit(own)
        if harm.lower() in _HARM_VERBS:  # "làm chết 85 người": the people harmed, "người chết"
            return f"{thing} {harm[len(_CAUSATIVE):] if harm.lower().startswith(_CAUSATIVE) else harm}", ""
        return None  # "công chức 941 người", "giáo dục có 211 người": the noun before a counter of people names them
    ends = list(_ACTOR_END_RE.finditer(own))
    action = own[ends[-1].end() :].strip() if ends else _without_actor_unit(own)
    if _MEASURE_RE.match(action):
        return None  # "… đã có tổng số 120 hộ"
    existence = _EXISTENCE_END_RE.search(action) or (re.search(r"$", action) if lead in _EXISTENCE else None)
    if existence:  # "Riêng vùng nông thôn có": a generic area qualifies the thing, a named place does not
        place = action[: existence.start()].strip(" ,")
        level = _LEVEL_OPENER_RE.match(place)
        if level and thing.lower().startswith(unit.lower()):  # "trường mầm non đạt chuẩn": the level follows the noun
            return " ".join([thing[: len(unit)], level.group("category"), thing[len(unit) :].strip()]).strip(), ""
        verb = existence.group().strip().lower() or lead
        if verb == "là" and _names_the_count(place, unit):  # "đưa lao động đi làm việc … là 500 lao động": the subject names the count
            return _lower_first(place), ""
        if not _AREA_START_RE.match(place):
            return thing, ""
        place = _lower_first(place)
        return f"{thing} {place}", place
    words = action.lower().split()
    if not words or len(words) > ACTION_WORDS or words[0] in _NOT_ACTIONS or words[-1] in _LEVEL_ENDS:
        return None  # "giảm xuống còn 412 hộ": the level a subject reached, not an action on what is counted
    if words[-1] in _CONJUNCTIONS or _NOUN_OPENERS_RE.match(action) or (len(action.split()[0]) > 1 and action.split()[0].isupper()):
        return None  # "công chức và 9.653 viên chức", "nhiều hợp tác xã …", "VKSND …": a list, a noun phrase, a body
    if thing.lower() == unit.lower() and not ends and action.lower() in _COUNTING_VERBS:
        return None  # "xây dựng 12 công trình": "số công trình xây dựng" (text.name_words counting_verbs)
    action = " ".join([action, *lead_action]) if lead in _DONE_FOR else action
    done_for = _DONE_FOR_END_RE.search(action) or (re.search(r"$", action) if lead in _DONE_FOR else None)
    if done_for:  # "trợ cấp cho 7.200 hộ": what was done for them
        tail = f"{_PASSIVE} {_lower_first(action[: done_for.start()].strip())}"
    else:
        tail = _lower_first(action)
    return f"{thing} {tail}", tail


# spans of years written in a count's subject ("5 năm kết nạp mới 9.450 đảng viên"): the period, not the action
SPANS_RE = re.compile(r"(?:^|\s)(?:trong|sau)?\s*\d+\s+năm(?=\s|$)", re.IGNORECASE)
_SENTENCE_START_RE = re.compile(r"(?:^|[.:;!?\n]|^\s*[-+•*])\s*$")


def acts_on(text: str, after_figure: str, subject_start: int, q: TextQuantity) -> bool:
    """Whether the subject before a count can be the action done to what it counts: not a level reached
    ("giảm xuống còn 412 hộ"), not the words of the figure before it ("giao 5.802 ha đất cho 6.356 hộ"), not a
    category inside a bracket ("(Đại học 605 người, …)") and not a body named with capitals mid-sentence ("…
    Thanh tra tỉnh lựa chọn 86 người"; one whose actor ends at a tense word is dropped from the name).
    ``after_figure``: the words since the clause's figure before it, "" for its first."""
    if q.level or (after_figure.strip() and not re.search(r"[,;:()]", after_figure)):
        return False
    sentence_open = max(text.rfind(mark, 0, subject_start) for mark in ".;\n")
    if text.count("(", sentence_open + 1, subject_start) > text.count(")", sentence_open + 1, subject_start):
        return False
    first = text[subject_start : subject_start + 40].split()[:1]
    starts_sentence = bool(_SENTENCE_START_RE.search(text[max(0, subject_start - 3) : subject_start]))
    return not first or starts_sentence or not first[0][:1].isupper() or names_an_actor(text[subject_start : q.start])


_BRACKET_RE = re.compile(r"\([^()]*\)")


def listed_after(gap: str) -> bool:
    """Whether the words between two counts only list them ("84 nhà văn hóa, 27 nhà thi đấu"; a bracket between
    them, "47 trường (tỷ lệ 32%), 129 trường", is the first one's own)."""
    return bool(_LIST_GAP_RE.match(_BRACKET_RE.sub(" ", gap)))
