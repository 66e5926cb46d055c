"""Rule files are validated when loaded: a bad rule is refused with a message naming file, table, rule, field."""

from __future__ import annotations

import pytest

from chitieu.grammar import GrammarRuleError, parse_rule_file, rulebook
from chitieu.grammar.schema import TABLES


def _error(file: str, text: str) -> str:
    with pytest.raises(GrammarRuleError) as caught:
        parse_rule_file(file, text)
    return caught.value.message


def test_the_shipped_rule_files_hold_every_table_of_the_schema() -> None:
    book = rulebook()
    assert set(book.tables) == set(TABLES)
    assert all(book.table(name) for name in TABLES)


def test_a_bad_pattern_names_the_rule_and_the_field() -> None:
    message = _error("cues.yaml", """
sentence:
  about: cues
  rules:
    - {id: good, kind: target, pattern: 'mục tiêu', examples: ["mục tiêu"]}
    - {id: broken.paren, kind: target, pattern: '(mục tiêu', examples: ["mục tiêu"]}
""")
    assert "«cues.yaml»" in message and "«sentence»" in message and "«broken.paren»" in message
    assert "«pattern»" in message and "biểu thức chính quy" in message


@pytest.mark.parametrize(
    ("rule", "field", "reason"),
    [
        ("{id: a, op: '>=', words: [Trên], examples: ['trên 5']}", "words.0", "phải viết thường"),
        ("{id: a, op: '>=', words: [trên]}", "examples", "thiếu trường bắt buộc"),
        ("{id: a, op: '>=', words: [trên], examples: []}", "examples", "cần ít nhất một mục"),
        ("{id: a, op: 'about', words: [trên], examples: ['x']}", "op", "không thuộc"),
        ("{id: a, op: '>=', words: [trên], examples: ['x'], colour: red}", "colour", "không có trong lược đồ"),
        ("{id: Bad Id, op: '>=', words: [trên], examples: ['x']}", "id", "chữ thường"),
    ],
)
def test_schema_errors_are_said_in_vietnamese(rule: str, field: str, reason: str) -> None:
    message = _error("words.yaml", f"comparators:\n  about: x\n  rules:\n    - {rule}\n")
    assert f"«{field}»" in message and reason in message


def test_duplicate_ids_and_words_of_two_meanings_are_refused() -> None:
    twice = "{id: a, op: '>=', words: [trên], examples: ['x']}"
    assert "trùng" in _error("words.yaml", f"comparators:\n  about: x\n  rules:\n    - {twice}\n    - {twice}\n")
    two_meanings = "- {id: a, op: '>=', words: [trên], examples: ['x']}\n    - {id: b, op: '<', words: [trên], examples: ['x']}"
    assert "'trên' đã có trong luật 'a'" in _error("words.yaml", f"comparators:\n  about: x\n  rules:\n    {two_meanings}\n")


def test_unknown_tables_and_malformed_files_are_refused() -> None:
    assert "không có trong lược đồ" in _error("words.yaml", "colours:\n  about: x\n  rules: []\n")
    assert "'about'" in _error("words.yaml", "comparators:\n  rules: {}\n")
    assert "YAML" in _error("words.yaml", "comparators: [unclosed\n")
