"""Load the grammar's rule files once, validated against ``schema`` (pure: reads package data only).

The rule files ship inside the package (``chitieu/grammar/rules/*.yaml``) and are read through
``importlib.resources``, the one loader the import contract allows the core: it reads the installed
package's own data, never a user's file, a path, the network or a database. ``parse_rule_file`` validates
a text without reading anything, which is what the tests and the loader share.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from chitieu.grammar.schema import (
    TABLES,
    BooleanRule,
    ComparatorRule,
    DirectionRule,
    GradeRule,
    LevelRule,
    MagnitudeRule,
    PolarityAliasRule,
    Rule,
    TaskProgressRule,
)
from chitieu.messages import ChitieuError

RULE_FILES: tuple[str, ...] = ("words.yaml", "units.yaml", "headers.yaml", "polarity.yaml", "sections.yaml",
                               "cues.yaml", "text.yaml", "programmes.yaml")
# Tables where a word may have one meaning only.
_UNIQUE_WORD_MODELS = (ComparatorRule, LevelRule, DirectionRule, BooleanRule, GradeRule, MagnitudeRule,
                       PolarityAliasRule, TaskProgressRule)

R = TypeVar("R", bound=Rule)
# Pydantic's error types said in Vietnamese (others keep pydantic's own words).
_REASONS: dict[str, str] = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong lược đồ",
    "too_short": "cần ít nhất một mục",
    "string_too_short": "không được để trống",
    "string_pattern_mismatch": "chỉ dùng chữ thường không dấu, số, '.', '_', '-'",
    "literal_error": "giá trị không thuộc các giá trị cho phép",
    "enum": "giá trị không thuộc các giá trị cho phép",
}


class GrammarRuleError(ChitieuError):
    """A rule file does not follow the schema; the message names the file, table, rule and field."""


def _error(file: str, table: str, rule: str, field: str, reason: str) -> GrammarRuleError:
    return GrammarRuleError("grammar_rule_invalid", file=file, table=table, rule=rule, field=field, reason=reason)


def _yaml_loader() -> type[yaml.SafeLoader]:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster


def parse_rule_file(file: str, text: str) -> dict[str, tuple[Rule, ...]]:
    """Validate one rule file's text; tables are keyed "file.table" ("words.comparators")."""
    stem = file.removesuffix(".yaml")
    try:
        data = yaml.load(text, Loader=_yaml_loader())  # a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError as exc:
        raise _error(file, "-", "-", "-", f"không đọc được YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise _error(file, "-", "-", "-", "tệp phải là một ánh xạ tên bảng → {about, rules}")
    tables: dict[str, tuple[Rule, ...]] = {}
    for table_name, body in data.items():
        key = f"{stem}.{table_name}"
        model = TABLES.get(key)
        if model is None:
            raise _error(file, str(table_name), "-", "-", f"bảng không có trong lược đồ (có: {', '.join(sorted(TABLES))})")
        if not isinstance(body, dict) or set(body) - {"about", "rules"} or not isinstance(body.get("rules"), list):
            raise _error(file, str(table_name), "-", "-", "bảng phải có 'about' (mô tả) và 'rules' (danh sách luật)")
        if not str(body.get("about") or "").strip():
            raise _error(file, str(table_name), "-", "about", "thiếu mô tả bảng")
        tables[key] = _rules(file, str(table_name), model, body["rules"])
    return tables


def _rules(file: str, table: str, model: type[Rule], raw_rules: list[Any]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    seen_ids: set[str] = set()
    seen_words: dict[str, str] = {}
    for i, raw in enumerate(raw_rules, start=1):
        name = str(raw.get("id", f"số {i}")) if isinstance(raw, dict) else f"số {i}"
        try:
            rule = model.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "-"
            reason = _REASONS.get(first["type"], str(first["msg"]).removeprefix("Value error, "))
            raise _error(file, table, name, field, reason) from exc
        if rule.id in seen_ids:
            raise _error(file, table, rule.id, "id", "mã luật bị trùng trong bảng")
        seen_ids.add(rule.id)
        if isinstance(rule, _UNIQUE_WORD_MODELS):
            for word in rule.words:
                if word in seen_words:
                    raise _error(file, table, rule.id, "words", f"'{word}' đã có trong luật '{seen_words[word]}'")
                seen_words[word] = rule.id
        rules.append(rule)
    return tuple(rules)


@dataclass(frozen=True, slots=True)
class RuleBook:
    """Every validated table of the grammar, keyed "file.table"."""

    tables: Mapping[str, tuple[Rule, ...]]

    def table(self, name: str) -> tuple[Rule, ...]:
        return self.tables[name]

    def typed(self, name: str, model: type[R]) -> tuple[R, ...]:
        rules = self.tables[name]
        assert all(isinstance(r, model) for r in rules), name
        return rules  # type: ignore[return-value]

    def rule(self, name: str, rule_id: str) -> Rule:
        for rule in self.tables[name]:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"{name}: {rule_id}")

    def words(self, name: str) -> tuple[str, ...]:
        """Every word of a word table, in the order written (duplicates across rules dropped)."""
        out: dict[str, None] = {}
        for rule in self.tables[name]:
            for word in getattr(rule, "words", ()):  # word tables' rules all have words
                out.setdefault(word, None)
        return tuple(out)

    def pattern(self, name: str, rule_id: str) -> str:
        return self.rule(name, rule_id).pattern  # type: ignore[attr-defined,no-any-return]

    def __iter__(self) -> Iterator[tuple[str, Rule]]:
        for name, rules in self.tables.items():
            for rule in rules:
                yield name, rule


def _package_text(file: str) -> str:
    return resources.files("chitieu.grammar").joinpath("rules", file).read_text(encoding="utf-8")


@cache
def rulebook() -> RuleBook:
    """The grammar's tables, read and validated once per process."""
    tables: dict[str, tuple[Rule, ...]] = {}
    for file in RULE_FILES:
        tables.update(parse_rule_file(file, _package_text(file)))
    missing = sorted(set(TABLES) - set(tables))
    if missing:
        raise _error(", ".join(RULE_FILES), ", ".join(missing), "-", "-", "thiếu bảng bắt buộc")
    return RuleBook(tables)
