"""The message catalogue: one sentence per code, Vietnamese, all placeholders filled by callers."""

from __future__ import annotations

import string

import pytest

from chitieu.messages import MESSAGES, ChitieuError, Problem, Report, msg


def test_catalogue_is_vietnamese() -> None:
    vietnamese = set("ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ")
    assert all(set(text.lower()) & vietnamese for text in MESSAGES.values())


def test_placeholders_are_named() -> None:
    for code, text in MESSAGES.items():
        for _, name, _, _ in string.Formatter().parse(text):
            assert name is None or name.isidentifier(), code


def test_error_carries_message() -> None:
    err = ChitieuError("missing_column", path="a.csv", column="target", accepted="Mục tiêu")
    assert "a.csv" in err.message and "target" in str(err) and err.code == "missing_column"
    with pytest.raises(KeyError):
        msg("no_such_code")


def test_report_collects_problems() -> None:
    report = Report()
    report.add(Problem.make("bad_number", severity="warning", path="x.csv", row=3, column="value", value="abc"))
    assert report.ok
    report.add(Problem.make("bad_number", path="x.csv", row=4, column="value", value="x"))
    assert not report.ok and report.errors()[0].row == 4
    with pytest.raises(ChitieuError, match="dòng 4"):
        report.raise_first()
