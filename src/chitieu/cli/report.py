"""``chitieu report appendix``: the official appendix table as XLSX or DOCX."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import typer

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg
from chitieu.reports.filing import DocumentStyle, FilingDetails

FORMATS = ("xlsx", "docx")
LAYOUTS = ("auto", "state", "party")


def parse_report_date(text: str | None) -> date | None:
    """"08/11/2023", "8-11-2023" or "2023-11-08" → a date; anything else is a Vietnamese error."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ChitieuError("report_bad_date", value=value)


def filing_details(
    appendix_number: str, report_kind: str, report_number: str, report_date: str | None, reported_by: str,
    signer: str, signer_title: str, on_behalf: str, layout: str, agency: list[str] | None,
) -> FilingDetails:
    """The filing options as one value (shared with ``chitieu demo``)."""
    layout = layout.strip().lower()
    if layout not in LAYOUTS:
        raise ChitieuError("report_bad_layout", value=layout, accepted=", ".join(LAYOUTS))
    return FilingDetails(
        appendix_number=appendix_number, report_kind=report_kind, report_number=report_number,
        report_date=parse_report_date(report_date), reported_by=reported_by, signer=signer,
        signer_title=signer_title.replace("\\n", "\n"), on_behalf=on_behalf.replace("\\n", "\n"),
        style=None if layout == "auto" else DocumentStyle(layout), agency=tuple(a for a in agency or () if a.strip()),
    )


def appendix_command(
    fmt: str = typer.Option(..., "--format", "-f", help="Định dạng: xlsx hoặc docx."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help="Mã nghị quyết/kế hoạch (mặc định: kế hoạch duy nhất có chỉ tiêu)."),
    as_of: int | None = typer.Option(None, "--as-of", help="Năm đánh giá của cột thứ nhất (mặc định: năm cuối có số liệu thực hiện)."),
    out: Path | None = typer.Option(None, "--out", help="Tệp đầu ra (mặc định: phu-luc-<mã>.<định dạng>)."),
    appendix_number: str = typer.Option("", "--appendix-number", help="Số phụ lục («Phụ lục số …»), ví dụ 03."),
    report_kind: str = typer.Option("Báo cáo", "--report-kind", help="Loại văn bản kèm theo (mặc định: Báo cáo)."),
    report_number: str = typer.Option("", "--report-number", help="Số, ký hiệu văn bản, ví dụ 123-BC/TU."),
    report_date: str | None = typer.Option(None, "--report-date", help="Ngày văn bản: 08/11/2023 hoặc 2023-11-08."),
    reported_by: str = typer.Option("", "--reported-by", help="«của …»: cơ quan ký văn bản (mặc định suy từ cơ quan ban hành)."),
    signer: str = typer.Option("", "--signer", help="Họ tên người ký."),
    signer_title: str = typer.Option("", "--signer-title", help="Chức vụ người ký, ví dụ «PHÓ BÍ THƯ» (nhiều dòng: dùng \\n)."),
    on_behalf: str = typer.Option("", "--on-behalf", help="Dòng thẩm quyền, ví dụ «T/M BAN THƯỜNG VỤ», «TM. ỦY BAN NHÂN DÂN»."),
    layout: str = typer.Option("auto", "--layout", help="auto | state (NĐ 30/2020) | party (HD 36-HD/VPTW)."),
    agency: list[str] | None = typer.Option(None, "--agency", help="Tên cơ quan góc trái, mỗi dòng một lần (cấp trên trước)."),
    convention: str | None = typer.Option(
        None, "--convention", help="Quy ước đánh giá: «mac-dinh» hoặc tệp .json (xem «chitieu convention»)."
    ),
) -> None:
    """Lập phụ lục «Kết quả thực hiện các chỉ tiêu» theo mẫu chính thức (Excel hoặc Word).

    Thể thức theo cơ quan ban hành kế hoạch: văn bản của Đảng (Đảng bộ, Tỉnh ủy, Ban Chấp hành…) theo Hướng dẫn 36-HD/VPTW, văn bản của chính quyền (UBND, HĐND…) theo Nghị định 30/2020/NĐ-CP.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ChitieuError("report_bad_format", value=fmt, accepted=", ".join(FORMATS))
    details = filing_details(appendix_number, report_kind, report_number, report_date, reported_by, signer,
                             signer_title, on_behalf, layout, agency)
    from chitieu.services.conventions import workspace_profile
    from chitieu.services.registry import default_as_of, default_plan, load_bundle
    from chitieu.services.reports import write_appendix
    from chitieu.services.workspaces import get_workspace

    with unit_of_work(db, workspace) as (session, actor):
        code = plan or default_plan(session, actor)
        bundle = load_bundle(session, actor, code)
        year = as_of if as_of is not None else default_as_of(bundle, get_workspace(session, actor).settings)
        profile = workspace_profile(session, actor, convention)
    target = out if out is not None else Path(f"phu-luc-{code}.{fmt}")
    written = write_appendix(bundle, target, fmt, as_of=year, filing=details, profile=profile)
    typer.echo(msg("report_written", path=written))


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Báo cáo theo mẫu chính thức.", no_args_is_help=True)
    group.command("appendix")(appendix_command)
    app.add_typer(group, name="report")
