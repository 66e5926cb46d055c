"""The document page: a workbook's sheets shown as tables whose cells keep their places, and the progress line
saying its state once. Workbooks are built here from figures of our own."""

from __future__ import annotations

import html
import re
from pathlib import Path

import openpyxl
from tests.web.conftest import PLAN, REPORT_TEXT, Site, client_for, login, wait_for_document

from chitieu.web.highlight import segments
from chitieu.web.sheet_view import SheetLayout, sheet_blocks


def test_sheet_blocks_cut_a_workbook_text_into_rows_and_cells_with_their_places() -> None:
    text = "Biểu 02\nTT\tChỉ tiêu\tKế hoạch\n1\tSố xã đạt chuẩn\t37\n"
    header, row = text.index("TT"), text.index("1\t")
    cells = ((header, header + 2, "Biểu 02!B5"), (header + 3, header + 11, "Biểu 02!C5"),
             (header + 12, header + 20, "Biểu 02!E5"), (row, row + 1, "Biểu 02!B6"),
             (row + 2, row + 17, "Biểu 02!C6"), (row + 18, row + 20, "Biểu 02!E6"))
    layout = SheetLayout(((len(text) - 1, (header, row)),), cells)
    claim = {"id": 7, "status": "candidate"}
    blocks = sheet_blocks(text, segments(text, [(row, len(text) - 1, claim)]), layout)
    title, table = blocks
    assert "".join(c.text for c in title.pieces) == "Biểu 02\n" and not title.rows
    assert table.columns == ["B", "C", "E"]  # the sheet's own column letters (D hidden or empty-trimmed)
    assert [r.number for r in table.rows] == ["5", "6"]
    assert [[("".join(p.text for p in c.pieces), c.place) for c in r.cells] for r in table.rows] == [
        [("TT", "Biểu 02!B5"), ("Chỉ tiêu", "Biểu 02!C5"), ("Kế hoạch", "Biểu 02!E5")],
        [("1", "Biểu 02!B6"), ("Số xã đạt chuẩn", "Biểu 02!C6"), ("37", "Biểu 02!E6")],
    ]
    marked = [p for c in table.rows[1].cells for p in c.pieces]
    assert all(p.mark is claim for p in marked)  # the row's highlight is cut at the cell borders
    assert [p.anchor for p in marked] == [True, False, False]  # one id per highlight


def _workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu 03"
    sheet.append(["BIỂU KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2024"])
    sheet.merge_cells("A1:E1")
    sheet.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2024", "Thực hiện 2024"])
    sheet.append([1, "Tỷ lệ che phủ rừng", "%", 52, 52.4])
    sheet.append([2, "Số xã đạt chuẩn nông thôn mới", "Xã", 40, 43])
    path = tmp_path / "bieu-03.xlsx"
    book.save(path)
    return path


def test_an_uploaded_workbook_shows_each_sheet_as_a_table_with_cell_places(site: Site, tmp_path: Path) -> None:
    with client_for(site) as client:
        csrf = login(client, "office")
        answer = client.post("/documents", files={"file": ("bieu-03.xlsx", _workbook(tmp_path).read_bytes(),
                                                            "application/octet-stream")},
                             data={"plan": PLAN, "csrf_token": csrf}, follow_redirects=False)
        assert answer.status_code == 303
        document_id = int(answer.headers["location"].rsplit("/", 1)[1])
        assert wait_for_document(client, document_id, site.headers("office"))["status"] == "done"
        page = client.get(f"/documents/{document_id}").text
    assert '<table class="sheet">' in page
    cells = dict(re.findall(r'<td title="([^"]+)" data-cell="[^"]+">(.*?)</td>', page))
    assert [re.sub(r"<[^>]+>", "", cells[f"Biểu 03!{c}4"]) for c in "DE"] == ["40", "43"]  # highlighted or not
    assert html.unescape(re.sub(r"<[^>]+>", "", cells["Biểu 03!B3"])) == "Tỷ lệ che phủ rừng"
    assert "<th scope=\"row\">4</th>" in page and "<th scope=\"col\">E</th>" in page
    ids = re.findall(r'<mark id="(q-\d+)"', page)
    assert ids and len(ids) == len(set(ids))  # each claim's highlight has one anchor
    assert "STT\tChỉ tiêu" not in page  # no run-on tab-separated lines


def test_the_progress_line_says_done_once(site: Site) -> None:
    with client_for(site) as client:
        csrf = login(client, "office")
        answer = client.post("/documents", files={"file": ("r.txt", REPORT_TEXT.encode(), "text/plain")},
                             data={"plan": PLAN, "csrf_token": csrf}, follow_redirects=False)
        document_id = int(answer.headers["location"].rsplit("/", 1)[1])
        state = wait_for_document(client, document_id, site.headers("office"))
        page = client.get(f"/documents/{document_id}").text
    line = re.search(r'<div class="progress-label">(.*?)</div>', page, re.S)
    assert line is not None
    shown = re.sub(r"<[^>]+>", "", line.group(1)).strip()
    assert shown == f"Đã xong: {state['claims']} đề xuất", shown
