"""Files safe to open: names that look like formulas never become live formulas in any file we write.

A registry whose indicator names start with = + - @ goes through every writer (registry export as CSV
and XLSX, the Excel appendix, ``assess --format csv``, ``assess-table --format xlsx|csv``); the XLSX
files are inspected at the XML level (no ``<f>`` element anywhere) and the CSV files cell by cell
(every formula-like text carries the apostrophe of the OWASP rule, numbers stay bare), and the files
read back to the same names.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from chitieu.reports.safe_cells import (
    SafeCsvWriter,
    escape_text,
    is_formula_like,
    set_openpyxl_text,
    unescape_cell,
)

pytestmark = pytest.mark.e2e

LINK = '=HYPERLINK("http://example.com/x","Bấm")'
PLUS = "+cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
DANGEROUS = (LINK, PLUS, MINUS, AT)
TAB = "\t=1+1"

INDICATORS = (
    "plan_code,code,name,unit\n"
    + "".join(f'NQ-X,K{k},"{name.replace(chr(34), chr(34) * 2)}",%\n' for k, name in enumerate(DANGEROUS))
    + "NQ-X,AM,Cán cân thương mại,tỷ USD\n"
)
TARGETS = ("plan_code,indicator_code,version,text\n"
           + "".join(f"NQ-X,K{k},adopted,{50 + k}\n" for k in range(len(DANGEROUS)))
           + 'NQ-X,AM,adopted,"-1,5"\n')
OBSERVATIONS = ("plan_code,indicator_code,period,text\n"
                + "".join(f'NQ-X,K{k},2021-2023,"{48 + k},5"\n' for k in range(len(DANGEROUS)))
                + 'NQ-X,AM,2021-2023,"-0,8"\n')
PLANS = "code,title,term_start,term_end\nNQ-X,Nghị quyết Đại hội X,2020,2025\n"


def chitieu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHITIEU_DATABASE_URL"} | {"COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "chitieu.cli.main", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, encoding="utf-8")


def formulas_in(xlsx: Path) -> list[str]:
    """Every formula element of every worksheet of ``xlsx`` (none expected)."""
    with zipfile.ZipFile(xlsx) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert sheets
        return [m for n in sheets for m in re.findall(r"<f[ >].*?</f>", book.read(n).decode("utf-8"))]


def xlsx_texts(xlsx: Path) -> set[str]:
    book = load_workbook(xlsx)
    return {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None}


def csv_cells(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def assert_csv_safe(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not is_formula_like(cell), f"live formula in CSV: {cell!r}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("safe")
    reg = root / "reg"
    reg.mkdir()
    for name, text in (("plans", PLANS), ("indicators", INDICATORS), ("targets", TARGETS),
                       ("observations", OBSERVATIONS)):
        (reg / f"{name}.csv").write_text(text, encoding="utf-8")
    done = chitieu("import", str(reg), "--db", "x.db", cwd=root)
    assert done.returncode == 0, done.stderr
    return root


def test_rule_numbers_stay_numbers() -> None:
    for text in (*DANGEROUS, TAB, "\r=1", "- Nông, lâm nghiệp", " =1+1"):
        assert is_formula_like(text), text
        assert unescape_cell(escape_text(text)) == text
        assert escape_text(text).startswith("'")
    for text in ("-7,8", "+7,5%", "-1.234,5", "-0.5", "- 12", "Tỷ lệ", "", "7,2%", "'quoted"):
        assert not is_formula_like(text), text
        assert escape_text(text) == text
    assert unescape_cell("'quoted") == "'quoted"  # an apostrophe the user wrote is kept


def test_registry_export_xlsx_and_csv(workspace: Path) -> None:
    done = chitieu("export", "out.xlsx", "--format", "xlsx", "--db", "x.db", cwd=workspace)
    assert done.returncode == 0, done.stderr
    xlsx = workspace / "out.xlsx"
    assert formulas_in(xlsx) == []
    assert set(DANGEROUS) <= xlsx_texts(xlsx)
    sheet = load_workbook(xlsx)["observations"]
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, int | float)]
    assert -0.8 in values  # a negative figure is a number cell
    done = chitieu("export", "out-csv", "--format", "csv", "--db", "x.db", cwd=workspace)
    assert done.returncode == 0, done.stderr
    indicators = csv_cells(workspace / "out-csv" / "indicators.csv")
    assert_csv_safe(indicators)
    names = [r[indicators[0].index("name")] for r in indicators[1:]]
    assert {"'" + name for name in DANGEROUS} <= set(names)
    observations = csv_cells(workspace / "out-csv" / "observations.csv")
    assert "-0,8" in {c for r in observations for c in r}  # negative numbers are not escaped


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_registry_imports_back_to_the_same_names(workspace: Path, fmt: str) -> None:
    out = f"back.{fmt}" if fmt == "xlsx" else "back-csv"
    assert chitieu("export", out, "--format", fmt, "--db", "x.db", cwd=workspace).returncode == 0
    done = chitieu("import", out, "--db", f"back-{fmt}.db", cwd=workspace)
    assert done.returncode == 0, done.stderr
    again = chitieu("export", f"again-{fmt}", "--format", "csv", "--db", f"back-{fmt}.db", cwd=workspace)
    assert again.returncode == 0, again.stderr
    indicators = csv_cells(workspace / f"again-{fmt}" / "indicators.csv")
    names = {unescape_cell(r[indicators[0].index("name")]) for r in indicators[1:]}
    assert set(DANGEROUS) <= names


def test_appendix_xlsx_has_no_formula(workspace: Path) -> None:
    done = chitieu("report", "appendix", "--format", "xlsx", "--plan", "NQ-X", "--db", "x.db", "--as-of", "2023",
                   "--out", "phu-luc.xlsx", cwd=workspace)
    assert done.returncode == 0, done.stderr
    xlsx = workspace / "phu-luc.xlsx"
    assert formulas_in(xlsx) == []
    assert set(DANGEROUS) <= xlsx_texts(xlsx)


def test_assess_csv_to_stdout(workspace: Path) -> None:
    done = chitieu("assess", "--plan", "NQ-X", "--db", "x.db", "--as-of", "2023", "--format", "csv", cwd=workspace)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("\ufeff")  # Excel opens the redirected file as UTF-8
    rows = list(csv.reader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert_csv_safe(rows)
    names = [r[rows[0].index("name")] for r in rows[1:]]
    assert {"'" + name for name in DANGEROUS} <= set(names)


def test_assess_table_outputs_are_safe_and_read_back(tmp_path: Path) -> None:
    table = tmp_path / "bang.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả", "Đánh giá"])
        for k, name in enumerate(DANGEROUS):
            writer.writerow([str(k + 1), name, "%", "50", f"{49 + k},5", "Vượt" if k else "Chưa đạt"])
        writer.writerow(["5", "- Trong đó: nông nghiệp", "%", "10", "-2,5", "Không đạt"])
    for fmt in ("xlsx", "csv"):
        out = tmp_path / f"ra.{fmt}"
        done = chitieu("assess-table", str(table), "--format", fmt, "--out", str(out), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        if fmt == "xlsx":
            assert formulas_in(out) == []
            assert set(DANGEROUS) <= xlsx_texts(out)
        else:
            rows = csv_cells(out)
            assert_csv_safe(rows)
            assert "-2,5" in {c for r in rows for c in r}
        again = chitieu("assess-table", str(out), "--format", "json", cwd=tmp_path)
        assert again.returncode == 0, again.stderr
        names = [r["indicator"] for r in json.loads(again.stdout)]
        assert names == [*DANGEROUS, "- Trong đó: nông nghiệp"]
        assert "Khớp với đánh giá chính thức: 5/5 dòng." in again.stderr  # the office's verdicts, not ours


def test_openpyxl_helper_writes_text_not_formula(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row, value in enumerate((LINK, PLUS, -7.5, "-7,5"), start=1):
        set_openpyxl_text(sheet.cell(row, 1), value)
    path = tmp_path / "op.xlsx"
    book.save(path)
    assert formulas_in(path) == []
    back = load_workbook(path).active
    assert [back.cell(r, 1).value for r in range(1, 5)] == [LINK, PLUS, -7.5, "-7,5"]
    assert back.cell(1, 1).quotePrefix


def test_safe_csv_writer_escapes_and_marks(tmp_path: Path) -> None:
    handle = io.StringIO()
    SafeCsvWriter(handle).writerows([[LINK, -3.5, "-3,5", "ok"]])
    text = handle.getvalue()
    assert text.startswith("\ufeff")
    (row,) = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert row == ["'" + LINK, "-3.5", "-3,5", "ok"]
