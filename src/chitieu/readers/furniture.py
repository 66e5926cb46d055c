"""Marks and parts: which lines of a read document are furniture, and where each bound document begins.

Works on the text of any format (line by line; a table row's cells one by one), with the rules of
``furniture_rules``. Marks say where extraction should not look for claims (recipients, signature
blocks, legal-basis lines, the motto and numbering block); parts say which document of a bound volume
a place belongs to ("BÁO CÁO CHÍNH TRỊ …", "NGHỊ QUYẾT …", "PHỤ LỤC …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chitieu.readers.document import Document, Mark, Part
from chitieu.readers.furniture_rules import (
    CONTENTS_LINE,
    HEADED_TITLES,
    LEGAL_BASIS,
    PART_TITLES,
    RECIPIENTS,
    SIGNATURE,
    SIGNED,
    SIGNER,
    STANDS_ALONE,
    TITLE_BLOCK,
)

LIST_ITEM = re.compile(r"^\s*(?:[-+•–](?:\s|$)|\*\s)")
NAME_LINE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,5}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*$")
MAX_TITLE_LINE = 220
MAX_BLOCK_LINES = 15
HEAD_LOOKBACK = 12  # lines before a part's title where its own motto/numbering block may start


def annotate(document: Document) -> Document:
    """Fill ``document.marks`` and ``document.parts`` (in place) from its text; returns the document."""
    lines = list(_lines(document.text))
    marks = find_marks(lines)
    document.marks.extend(marks)
    document.marks.sort(key=lambda m: (m.start, m.end))
    if document.kind != "xlsx":  # a workbook's parts are its sheets, named by the reader
        document.parts = find_parts(lines, marks, len(document.text), document.page_at)
    return document


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _cells(start: int, line: str) -> list[tuple[int, str]]:
    out, pos = [], start
    for cell in line.split("\t"):
        out.append((pos, cell))
        pos += len(cell) + 1
    return out


def _lead_upper(text: str) -> str:
    """The leading words written in capitals ("TRƯỞNG PHÒNG Huỳnh Thị Lòng" → "TRƯỞNG PHÒNG")."""
    words = []
    for word in text.split():
        if word != word.upper() or not any(c.isalpha() for c in word):
            break
        words.append(word)
    return " ".join(words)


def _signature_head(text: str) -> bool:
    head = _lead_upper(text)
    return (bool(head) and SIGNATURE.matches(head)) or SIGNED.matches(text) or SIGNER.matches(text)


def find_marks(lines: list[tuple[int, str]]) -> list[Mark]:
    marks: list[Mark] = []
    i = 0
    while i < len(lines):
        start, line = lines[i]
        if "\t" in line:
            marks.extend(_row_marks(start, line))
            i += 1
            continue
        text = line.strip()
        if not text:
            i += 1
            continue
        if RECIPIENTS.matches(text):
            end = _block_end(lines, i, lambda t: bool(LIST_ITEM.match(t)))
            marks.append(Mark("recipients", start, end))
            i += 1
            continue
        if _signature_head(text):
            end = _block_end(lines, i, _signature_follow)
            marks.append(Mark("signature", start, end))
            i += 1
            continue
        if LEGAL_BASIS.matches(text):
            marks.append(Mark("legal_basis", start, start + len(line)))
        elif TITLE_BLOCK.matches(text):
            marks.append(Mark("title_block", start, start + len(line)))
            if text.upper().startswith(("CỘNG HÒA", "CỘNG HOÀ", "ĐẢNG CỘNG SẢN")):
                marks.extend(_agency_lines(lines, i))
        i += 1
    return _merged(marks)


def _row_marks(start: int, line: str) -> list[Mark]:
    """A table row of furniture: the header table (agency | motto, number | place and date) and the
    closing table (recipients | signatory) that Word documents are laid out with."""
    cells = _cells(start, line)
    kinds: list[str | None] = []
    for _, cell in cells:
        text = cell.strip()
        if RECIPIENTS.matches(text):
            kinds.append("recipients")
        elif _signature_head(text) and len(text) < 120:
            kinds.append("signature")
        elif TITLE_BLOCK.matches(text):
            kinds.append("title_block")
        else:
            kinds.append(None)
    header = "title_block" in kinds and all(k in (None, "title_block") for k in kinds)
    if header and all(not any(ch.isdigit() for ch in c) or k for (_, c), k in zip(cells, kinds, strict=True)):
        return [Mark("title_block", start, start + len(line))]
    # a lone "Số …" cell in a list of documents is not a header: only recipients and signatures count
    return [Mark(k, s, s + len(c)) for (s, c), k in zip(cells, kinds, strict=True)
            if k in ("recipients", "signature") and c.strip()]


def _signature_follow(text: str) -> bool:
    return bool(_signature_head(text) or NAME_LINE.match(text) or text in ("(Đã ký)",) or SIGNED.matches(text))


def _block_end(lines: list[tuple[int, str]], i: int, follows: object) -> int:
    """End offset of the block opened by line ``i``: the lines after it that ``follows`` accepts."""
    start, line = lines[i]
    end = start + len(line)
    blanks = 0
    for start, line in lines[i + 1 : i + 1 + MAX_BLOCK_LINES]:
        text = line.strip()
        if not text:
            blanks += 1
            if blanks > 2:
                break
            continue
        if "\t" in line or not follows(text):  # type: ignore[operator]
            break
        blanks = 0
        end = start + len(line)
    return end


def _agency_lines(lines: list[tuple[int, str]], i: int) -> list[Mark]:
    """The issuing body's name in capitals just above the national motto ("ỦY BAN NHÂN DÂN / TỈNH …")."""
    out = []
    for start, line in reversed(lines[max(0, i - 3) : i]):
        text = line.strip()
        if not text or text != text.upper() or len(text) > 120 or any(c.isdigit() for c in text):
            break
        out.append(Mark("title_block", start, start + len(line)))
    return out


def _merged(marks: list[Mark]) -> list[Mark]:
    out: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if out and out[-1].kind == mark.kind and mark.start <= out[-1].end + 1:
            last = out[-1]
            out[-1] = Mark(last.kind, last.start, max(last.end, mark.end))
        else:
            out.append(mark)
    return out


def find_parts(lines: list[tuple[int, str]], marks: list[Mark], length: int, page_at: object) -> list[Part]:
    """Parts from their title lines; each runs to the next part's start (or the end of the text)."""
    heads: list[tuple[int, str, str]] = []  # (start offset, kind, title)
    block_starts = sorted(m.start for m in marks if m.kind == "title_block")
    for i, (start, line) in enumerate(lines):
        text = " ".join(line.split())
        if not text or "\t" in line or len(text) > MAX_TITLE_LINE or CONTENTS_LINE.search(text):
            continue
        kind = next((rule.kind for rule in PART_TITLES if rule.matches(text)), None)
        if kind is None and _after_header(lines, i, marks):
            kind = next((rule.kind for rule in HEADED_TITLES if rule.matches(text)), None)
        if kind is None:
            continue
        if not text.startswith("(") and _continues_heading(lines, i, marks):
            continue  # "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU / NGHỊ QUYẾT ĐẠI HỘI …": one heading on two lines
        if heads and heads[-1][1] == kind and _near(lines, heads[-1][0], start):
            continue  # "NGHỊ QUYẾT" then "ĐẠI HỘI …" on the next line: one title
        title = _title(lines, i, text)
        head = _head_start(lines, i, block_starts, heads[-1][0] if heads else -1)
        heads.append((head, kind, title))
    parts = []
    for n, (start, kind, title) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else length
        page = page_at(start)  # type: ignore[operator]
        parts.append(Part(title, kind, start, end, page))
    return parts


def _continues_heading(lines: list[tuple[int, str]], i: int, marks: list[Mark]) -> bool:
    """The line above is a heading line in capitals (not the motto block): this line continues it."""
    for start, line in reversed(lines[max(0, i - 3) : i]):
        if not line.strip():
            continue
        text = line.strip().strip("*_ ")
        if not text or any(rule.matches(line) for rule in STANDS_ALONE):
            return False  # a rule, "DỰ THẢO", "PHẦN THỨ HAI", "… NHIỆM KỲ 2025 - 2030" above: no heading goes on
        if any(m.start <= start < m.end for m in marks) or CONTENTS_LINE.search(text):
            return False
        return text == text.upper() and any(c.isalpha() for c in text) and "\t" not in line
    return False


def _after_header(lines: list[tuple[int, str]], i: int, marks: list[Mark]) -> bool:
    """The line above line ``i`` closes a header block: a rule under the motto or the congress header, or the
    header's term line ("LẦN THỨ XII, NHIỆM KỲ 2025 - 2028")."""
    for start, line in reversed(lines[max(0, i - 3) : i]):
        text = line.strip()
        if not text:
            continue
        return any(m.start <= start < m.end and m.kind == "title_block" for m in marks) or any(
            rule.matches(text) for rule in STANDS_ALONE[:1] + STANDS_ALONE[3:]
        )
    return False


def _near(lines: list[tuple[int, str]], previous: int, start: int) -> bool:
    between = [ln for s, ln in lines if previous < s < start and ln.strip()]
    return len(between) <= 1


def _title(lines: list[tuple[int, str]], i: int, text: str) -> str:
    """The title line, with the line below when the title line is only the document type; a bracketed
    designation ("(Báo cáo chính trị của … trình Đại hội …)") is the title through its closing bracket."""
    if text.startswith("("):
        for _, line in lines[i + 1 : i + 4]:
            if ")" in text or not line.strip() or len(text) > MAX_TITLE_LINE:
                break
            text = f"{text} {' '.join(line.split())}"
        return text.strip("() ")
    last = i
    if len(text.split()) <= 3:
        for j in range(i + 1, min(i + 3, len(lines))):
            follow = " ".join(lines[j][1].split())
            if follow:
                if "\t" in lines[j][1] or len(follow) > MAX_TITLE_LINE or LIST_ITEM.match(follow):
                    break
                text, last = f"{text} {follow}", j
                break
    return _title_goes_on(lines, last, text)


# A numbered heading ("I- TÁN THÀNH …", "A- BỐI CẢNH", "1. CÁC CHỈ TIÊU") or a line ending in a colon ("QUYẾT NGHỊ:")
# starts the body, not a further line of the title.
BODY_START = re.compile(r"^(?:[IVXLC]+|\d+|[A-ZĐ])\s*[-.)–]\s|:$")


def _title_goes_on(lines: list[tuple[int, str]], last: int, text: str) -> str:
    """A title in capitals wrapped over more lines ("… MINH SƠN LẦN" / "THỨ XX," / "NHIỆM KỲ 2025 - 2030") takes
    the lines in capitals below its last line, up to the body, a rule or a division."""
    if not text.isupper():
        return text
    for _, line in lines[last + 1 : last + 4]:
        follow = " ".join(line.split())
        if (
            not follow
            or not follow.isupper()
            or "\t" in line
            or BODY_START.search(follow)
            or any(rule.matches(follow) for rule in STANDS_ALONE[:3])
            or len(text) + len(follow) > MAX_TITLE_LINE
        ):
            break
        text = f"{text} {follow}"
    return text


def _head_start(lines: list[tuple[int, str]], i: int, block_starts: list[int], previous: int) -> int:
    """Where the part begins: its own motto/numbering block a few lines above the title, if any, else
    the title lines in capitals just above it (a volume's part named by "(Báo cáo chính trị …)")."""
    title_start = lines[i][0]
    window_start = lines[max(0, i - HEAD_LOOKBACK)][0]
    earlier = [s for s in block_starts if max(window_start, previous + 1) <= s < title_start]
    if earlier:
        return earlier[0]
    if not lines[i][1].lstrip().startswith("("):
        return title_start
    start = title_start
    for offset, line in reversed(lines[max(0, i - 5) : i]):
        text = line.strip()
        if not text or text != text.upper() or "\t" in line or offset <= previous or CONTENTS_LINE.search(text):
            break
        start = offset
    return start
