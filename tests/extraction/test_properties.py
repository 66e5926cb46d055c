"""Hypothesis: numbers written the Vietnamese way read back; extraction never crashes on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.extraction.claims import extract_claims
from chitieu.extraction.quantity import find_quantities
from chitieu.numbers import format_number

ALPHABET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãếệởữ0123456789 .,;:%‰/-–()*¹²³\n\tTĐIVX≥≤<>½"))


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
@settings(max_examples=200, deadline=None)
def test_number_round_trip(value) -> None:
    written = format_number(float(value), 2)
    found = find_quantities(f"đạt {written} tấn")
    assert len(found) == 1
    assert abs(found[0].value - float(value)) < 1e-6 * max(1.0, float(value))


@given(st.text(ALPHABET, max_size=300))
@settings(max_examples=300, deadline=None)
def test_never_crashes_and_offsets_in_range(text: str) -> None:
    for claim in extract_claims("II- Các chỉ tiêu chủ yếu\n" + text):
        full = "II- Các chỉ tiêu chủ yếu\n" + text
        assert 0 <= claim.start <= claim.end <= len(full)
        assert full[claim.start : claim.end] == claim.quote


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_arbitrary_unicode(text: str) -> None:
    for claim in extract_claims(text):
        assert 0 <= claim.start <= claim.end <= len(text)
