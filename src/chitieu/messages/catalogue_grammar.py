"""Messages of the grammar area: rule files of words and patterns (Vietnamese)."""

GRAMMAR_MESSAGES: dict[str, str] = {
    "grammar_rule_invalid": (
        "Tệp luật ngữ pháp «{file}», bảng «{table}», luật «{rule}», trường «{field}»: {reason}."
    ),
}
