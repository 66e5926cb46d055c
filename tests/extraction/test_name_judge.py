"""The names measure of issue 10 item 8: verdicts on a claim's name against the accepted ones."""

from __future__ import annotations

from chitieu.extraction.name_judge import (
    ACCEPTED,
    EXTRA_WORDS,
    FRAGMENT,
    WRONG,
    NameTally,
    judge_name,
    name_words,
)

ACCEPT = ["Tốc độ tăng trưởng tổng sản phẩm (GDP) theo giá so sánh", "tốc độ tăng trưởng GDP"]


def test_words_ignore_case_brackets_and_punctuation_but_keep_decimals() -> None:
    assert name_words("Tỉ lệ (CPI), 3,25%") == ("tỷ", "lệ", "cpi", "3,25", "%")


def test_the_same_name_written_differently_is_accepted() -> None:
    assert judge_name("tốc độ tăng trưởng tổng sản phẩm GDP theo giá so sánh", ACCEPT) == ACCEPTED
    assert judge_name("Tốc độ tăng trưởng (GDP)", ACCEPT) == ACCEPTED


def test_an_opening_or_trailing_words_are_extra_words() -> None:
    assert judge_name("Nhìn chung, tốc độ tăng trưởng GDP năm nay", ACCEPT) == EXTRA_WORDS


def test_a_strict_part_or_a_name_without_its_head_is_a_fragment() -> None:
    assert judge_name("GDP) theo giá so sánh", ACCEPT) == FRAGMENT
    assert judge_name("tăng trưởng GDP bình quân", ["tốc độ tăng trưởng GDP"]) == FRAGMENT


def test_a_name_of_something_else_is_wrong() -> None:
    assert judge_name("khu phố", ACCEPT) == WRONG
    assert judge_name("", ACCEPT) == WRONG
    # two shared words that are less than half of the accepted name do not make a fragment
    assert judge_name("tốc độ giải ngân", ["tốc độ tăng trưởng tổng sản phẩm"]) == WRONG


def test_the_best_verdict_over_the_alternatives_counts() -> None:
    assert judge_name("tốc độ tăng trưởng GDP", ["tốc độ tăng trưởng GDP theo giá so sánh", "tốc độ tăng trưởng GDP"]) == ACCEPTED


def test_a_tally_counts_what_needs_an_edit() -> None:
    tally, other = NameTally(), NameTally()
    for verdict in (ACCEPTED, ACCEPTED, EXTRA_WORDS, FRAGMENT):
        tally.add(verdict)
    other.add(WRONG)
    other.unmatched = 2
    tally.merge(other)
    assert (tally.judged, tally.needs_edit, tally.unmatched) == (5, 3, 2)
    assert tally.share(tally.counts[ACCEPTED]) == 0.4
