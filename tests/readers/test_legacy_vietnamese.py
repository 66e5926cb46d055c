"""TCVN3 (ABC) and UTF-8-as-cp1252 mojibake: round-trips of sentences, detection, reading .txt files."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.readers import read_document
from chitieu.readers.legacy_vietnamese import (
    TCVN3_TABLE,
    decode_tcvn3,
    encode_tcvn3,
    looks_like_tcvn3,
    repair_legacy_text,
    repair_mojibake,
)

SENTENCES = [
    "chương trình hành động thực hiện nghị quyết đại hội đảng bộ tỉnh nhiệm kỳ 2025 - 2030.",
    "tỷ lệ hộ nghèo giảm bình quân 3 - 4%/năm; thu nhập bình quân đầu người đạt 90 triệu đồng.",
    "phấn đấu tỷ lệ che phủ rừng đạt 54%, giải quyết việc làm cho 8.500 lao động mỗi năm.",
    "xây dựng nông thôn mới, ưu tiên kết cấu hạ tầng giao thông ở các xã vùng sâu, vùng xa.",
]


def _as_cp1252(text: str) -> str:
    """What Windows shows when UTF-8 bytes are read as Windows-1252 (undefined bytes pass through)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def test_table_covers_every_lowercase_vietnamese_letter_once() -> None:
    letters = set("ăâđêôơư") | set("áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
    lower = {v for v in TCVN3_TABLE.values() if v.islower()}
    assert lower == letters
    assert len(set(TCVN3_TABLE.values())) == len(TCVN3_TABLE)
    assert all(0xA1 <= code <= 0xFE for code in TCVN3_TABLE)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_round_trip(sentence: str) -> None:
    garbled = encode_tcvn3(sentence).decode("latin-1")
    assert garbled != sentence
    assert decode_tcvn3(garbled) == sentence
    assert len(garbled) == len(sentence)  # offsets are kept


def test_known_tcvn3_sample_reads_as_vietnamese() -> None:
    assert decode_tcvn3("Ch\xad\xacng tr\xd7nh") == "Chương trình"


def test_unicode_and_english_text_are_never_converted() -> None:
    text = " ".join(SENTENCES)
    assert not looks_like_tcvn3(text)
    assert repair_legacy_text(text) == (text, None)
    foreign = "Le café « Zoé » a été rénové en 2024 © Société Générale; prix 12,50 € (hors taxe). " * 5
    assert repair_legacy_text(foreign) == (foreign, None)


def test_mojibake_repaired_only_when_whole_text_decodes() -> None:
    text = "\n".join(SENTENCES).replace("chương", "Chương").replace("đại hội", "Đại hội")
    assert repair_mojibake(_as_cp1252(text)) == text
    mixed = _as_cp1252(SENTENCES[0]) + " Đã có chữ đúng ở đây."
    assert repair_mojibake(mixed) is None


def test_tcvn3_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "nghi-quyet-cu.txt"
    path.write_bytes(encode_tcvn3("\r\n".join(SENTENCES)))
    document = read_document(path)
    assert document.text == "\n".join(SENTENCES)
    assert document.encoding == "tcvn3"


def test_tcvn3_copied_into_utf8_txt(tmp_path: Path) -> None:
    path = tmp_path / "chep-lai.txt"
    path.write_text(encode_tcvn3("\n".join(SENTENCES)).decode("latin-1"), encoding="utf-8")
    assert read_document(path).text == "\n".join(SENTENCES)


def test_mojibake_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "loi-phong.txt"
    path.write_text(_as_cp1252("\n".join(SENTENCES)), encoding="utf-8")
    document = read_document(path)
    assert document.text == "\n".join(SENTENCES)
    assert "mojibake" in document.encoding
