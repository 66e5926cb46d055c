"""Reminders of reporting rounds: units late (or due soon), indicators with stale data, targets turning Khó đạt;
and tasks (nhiệm vụ) past their deadline (``chitieu.services.tasks.overdue_tasks``).

``reminders_for(session, actor, today)`` is what the person sees in the app (``/rounds``): an officer or
approver the units they report for; the office, administrators and leaders everything. ``send_reminders``
mails each user with an address their own list (SMTP, standard library), plus a digest to extra addresses;
``chitieu remind`` runs it (from cron or the app's scheduler). Each mail sent records an event.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.assessment import assess_bundle
from chitieu.domain import Actor
from chitieu.domain.actors import Role
from chitieu.domain.rounds import UnitAction, UnitStatus, may_act
from chitieu.messages import ChitieuError, msg
from chitieu.services.events import record_event
from chitieu.services.registry import load_bundle
from chitieu.services.rounds import list_rounds
from chitieu.store.models_web import MembershipRow, UserRow

DUE_DAYS = 7  # a deadline this close is "due soon"
STALE_YEARS = 2  # no value for the plan's area for this many years before today's is "stale"
MAX_ITEMS = 50


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: str  # late | due | stale | at_risk
    round_id: int
    plan: str
    unit: str | None
    indicator: str | None
    message: str
    task: str | None = None  # the task's code, for an overdue task (round_id is then 0)


def _sees_everything(actor: Actor) -> bool:
    return Role(actor.role) in (Role.OFFICE, Role.ADMIN, Role.VIEWER)


def reminders_for(session: Session, actor: Actor, today: date, *, due_days: int = DUE_DAYS,
                  stale_years: int = STALE_YEARS) -> list[Reminder]:
    out: list[Reminder] = []
    plans_seen: set[str] = set()
    for r in list_rounds(session, actor):
        if r.status != "open":
            continue
        for u in r.units:
            status = UnitStatus(u.status)
            if not status.writable and status is not UnitStatus.SUBMITTED:
                continue
            mine = may_act(actor, UnitAction.WRITE, u.code) if not _sees_everything(actor) else True
            approving = status is UnitStatus.SUBMITTED and may_act(actor, UnitAction.APPROVE, u.code)
            if not mine and not approving:
                continue
            if status is UnitStatus.SUBMITTED:
                if approving and Role(actor.role) is not Role.VIEWER:
                    out.append(Reminder("approve", r.id, r.plan, u.code, None,
                                        msg("remind_approve", unit=u.name, code=u.code, title=r.title)))
                continue
            days = (r.deadline - today).days
            if days < 0:
                out.append(Reminder("late", r.id, r.plan, u.code, None,
                                    msg("remind_late", unit=u.name, code=u.code, title=r.title,
                                        deadline=r.deadline.strftime("%d/%m/%Y"), days=-days,
                                        entered=u.entered, asked=u.values)))
            elif days <= due_days:
                out.append(Reminder("due", r.id, r.plan, u.code, None,
                                    msg("remind_due", unit=u.name, code=u.code, title=r.title,
                                        deadline=r.deadline.strftime("%d/%m/%Y"), days=days,
                                        entered=u.entered, asked=u.values)))
        if _sees_everything(actor) and r.plan not in plans_seen:
            plans_seen.add(r.plan)
            out += _plan_reminders(session, actor, r.id, r.plan, set(r.indicators), today, stale_years)
    out += _task_reminders(session, actor, today)
    return out[:MAX_ITEMS]


def _task_reminders(session: Session, actor: Actor, today: date) -> list[Reminder]:
    """Tasks not done by their deadline: all of them for those who see everything, else the tasks the
    actor's units own."""
    from chitieu.services.tasks import overdue_tasks

    out = []
    for view in overdue_tasks(session, actor, today):
        t = view.task
        if not _sees_everything(actor) and (t.owner_unit_code is None or not actor.covers_unit(t.owner_unit_code)):
            continue
        deadline = t.deadline.strftime("%d/%m/%Y") if t.deadline else ""
        out.append(Reminder("task_overdue", 0, t.plan_code, t.owner_unit_code, None,
                            msg("remind_task_overdue", title=t.title, code=t.code, plan=t.plan_code,
                                deadline=deadline, days=view.days_overdue), task=t.code))
    return out


def _plan_reminders(session: Session, actor: Actor, round_id: int, plan: str, asked: set[str], today: date,
                    stale_years: int) -> list[Reminder]:
    bundle = load_bundle(session, actor, plan)
    out: list[Reminder] = []
    for indicator in bundle.indicators:
        if indicator.code not in asked or bundle.current_target(indicator.code) is None:
            continue
        ends = [o.period.end for o in bundle.observations_of(indicator.code) if o.value is not None]
        if not ends or max(ends) < today.year - stale_years:
            out.append(Reminder("stale", round_id, plan, None, indicator.code,
                                msg("remind_stale", indicator=indicator.code, name=indicator.name,
                                    last=max(ends) if ends else msg("remind_never"))))
    for row in assess_bundle(bundle, forecast=True):
        if row.code in asked and row.status == "at_risk":
            out.append(Reminder("at_risk", round_id, plan, None, row.code,
                                msg("remind_at_risk", indicator=row.code, name=row.name, target=row.target)))
    return out


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    sender: str = "chitieu@localhost"
    user: str = ""
    password: str = ""
    starttls: bool = False
    timeout: float = 30.0


@dataclass(slots=True)
class Sent:
    recipients: list[tuple[str, int]] = field(default_factory=list)  # (address, reminders in the mail)
    skipped: list[str] = field(default_factory=list)  # users with nothing to remind


def _compose(settings: SmtpSettings, to: str, name: str, items: list[Reminder], today: date) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = to
    mail["Subject"] = msg("remind_subject", count=len(items), day=today.strftime("%d/%m/%Y"))
    lines = [msg("remind_greeting", name=name), ""] + [f"- {r.message}" for r in items] + ["", msg("remind_footer")]
    mail.set_content("\n".join(lines))
    return mail


def send_reminders(session: Session, actor: Actor, today: date, settings: SmtpSettings, *,
                   extra_to: list[str] | None = None, dry_run: bool = False) -> Sent:
    """Mail every member of the actor's workspace who has an address their reminders; ``extra_to`` get the
    whole list. Nothing is sent for an empty list. SMTP failures are a Vietnamese error, not a traceback."""
    sent = Sent()
    mails: list[tuple[str, str, list[Reminder]]] = []
    users = session.execute(
        select(UserRow, MembershipRow).join(MembershipRow, MembershipRow.user_id == UserRow.id)
        .where(MembershipRow.workspace == actor.workspace, UserRow.active.is_(True)).order_by(UserRow.id)).all()
    people: dict[int, tuple[UserRow, str, set[str]]] = {}
    for user, member in users:
        _, role, units = people.get(user.id, (user, member.role, set()))
        if member.org_unit_code:
            units.add(member.org_unit_code)
        people[user.id] = (user, role, units)
    for user, role, units in people.values():
        if not user.email:
            continue
        items = reminders_for(session, Actor(user.name, actor.workspace, role, frozenset(units), "worker"), today)
        if items:
            mails.append((user.email, user.display_name or user.name, items))
        else:
            sent.skipped.append(user.name)
    everything = reminders_for(session, Actor(actor.name, actor.workspace, Role.OFFICE.value, via="worker"), today)
    for address in extra_to or []:
        if everything:
            mails.append((address, address, everything))
    if dry_run or not mails:
        sent.recipients = [(to, len(items)) for to, _, items in mails]
        return sent
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
            if settings.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.user:
                smtp.login(settings.user, settings.password)
            for to, name, items in mails:
                smtp.send_message(_compose(settings, to, name, items, today))
                sent.recipients.append((to, len(items)))
                record_event(session, actor, action="remind.sent", entity="reminder", key=to,
                             after={"count": len(items), "kinds": sorted({r.kind for r in items})})
    except (OSError, smtplib.SMTPException) as exc:
        raise ChitieuError("remind_smtp_failed", host=settings.host, port=settings.port,
                           reason=str(exc) or type(exc).__name__) from exc
    return sent
