"""Vocabularies as data tables: units, comparators, hedges, verdict labels, polarity cues.

Each table is plain data checked by tests (tests/vocab); code looks words up here instead of
growing ``if`` chains.
"""
