"""``chitieu remind``: mail each user the reminders of reporting rounds (late units, stale data, Khó đạt)."""

from __future__ import annotations

import os
from datetime import date

import typer

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        if "/" in text:
            d, m, y = (int(p) for p in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        raise ChitieuError("remind_bad_day", value=text) from None


def remind(
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    today: str | None = typer.Option(None, "--today", help="Ngày tính hạn (mặc định hôm nay), dạng 2025-12-15."),
    smtp_host: str = typer.Option("localhost", "--smtp-host", envvar="CHITIEU_SMTP_HOST", help="Máy chủ SMTP."),
    smtp_port: int = typer.Option(25, "--smtp-port", envvar="CHITIEU_SMTP_PORT", help="Cổng SMTP."),
    sender: str = typer.Option("chitieu@localhost", "--from", envvar="CHITIEU_SMTP_FROM", help="Địa chỉ người gửi."),
    starttls: bool = typer.Option(False, "--starttls", envvar="CHITIEU_SMTP_STARTTLS", help="Dùng STARTTLS."),
    to: list[str] = typer.Option([], "--to", help="Gửi thêm bản tổng hợp tới địa chỉ này (lặp lại được)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Chỉ liệt kê thư sẽ gửi, không gửi."),
) -> None:
    """Gửi thư nhắc việc của các kỳ báo cáo (đơn vị quá hạn, sắp đến hạn, chờ duyệt, thiếu số liệu, khó đạt).

    Tài khoản SMTP (nếu cần): biến môi trường CHITIEU_SMTP_USER, CHITIEU_SMTP_PASSWORD.
    """
    from chitieu.services.reminders import SmtpSettings, send_reminders

    settings = SmtpSettings(host=smtp_host, port=smtp_port, sender=sender, starttls=starttls,
                            user=os.environ.get("CHITIEU_SMTP_USER", ""), password=os.environ.get("CHITIEU_SMTP_PASSWORD", ""))
    with unit_of_work(db, workspace, write=not dry_run) as (session, actor):
        sent = send_reminders(session, actor, _day(today), settings, extra_to=list(to), dry_run=dry_run)
    for address, count in sent.recipients:
        typer.echo(msg("remind_line", to=address, count=count))
    typer.echo(msg("remind_sent", count=0 if dry_run else len(sent.recipients)) if sent.recipients
               else msg("remind_nothing"), err=True)


def register(app: typer.Typer) -> None:
    app.command("remind")(remind)
