"""Vietnamese numbers and quantities, one grammar for table cells and running text (pure).

- ``numbers``: the one number pattern, parsing and formatting ("2.134,6");
- ``cells``: quantities as written in table cells ("≤ 15,0%", "9-10", "Hoàn thành");
- ``text``: the one normalisation (``norm``) and folding (``fold``) helper;
- ``rules/*.yaml``: the word and pattern tables, validated by ``schema`` when ``loader`` reads them.
"""

from chitieu.grammar.loader import GrammarRuleError, RuleBook, parse_rule_file, rulebook

__all__ = ["GrammarRuleError", "RuleBook", "parse_rule_file", "rulebook"]
