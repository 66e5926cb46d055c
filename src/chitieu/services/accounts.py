"""Accounts of the shared server: users and their roles, API tokens, browser login sessions.

Every function takes the caller's session (the edge opens the transaction). Passwords are hashed with
argon2id (argon2-cffi); tokens and session ids are 256-bit random values of which only the SHA-256
digest is stored, so a copy of the database gives no way in.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor, Role
from chitieu.messages import ChitieuError
from chitieu.store.models_web import ApiTokenRow, LoginSessionRow, MembershipRow, UserRow

ROLES = tuple(role.value for role in Role)
TOKEN_PREFIX = "ct_"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
EMAIL_PATTERN = re.compile(r"^[^@\s<>]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024  # argon2 accepts more, but a megabyte "password" is an attack, not a password
SESSION_LIFETIME = timedelta(hours=12)

_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps the answer time the same (no user enumeration).
_DUMMY_HASH = _hasher.hash("chitieu-dummy-password")


@dataclass(frozen=True, slots=True)
class Principal:
    """A signed-in user as the web sees them: who, which workspace, which role, which units."""

    user_id: int
    name: str
    display_name: str
    workspace: str
    role: str
    units: frozenset[str]

    def actor(self, via: str) -> Actor:
        return Actor(name=self.name, workspace=self.workspace, role=self.role, units=self.units, via=via)


def _now() -> datetime:
    return datetime.now(UTC)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ChitieuError("user_bad_role", value=role, accepted=", ".join(ROLES))
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ChitieuError("user_password_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ChitieuError("user_password_long", maximum=MAX_PASSWORD_LENGTH)
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


def find_user(session: Session, name: str) -> UserRow | None:
    return session.scalar(select(UserRow).where(UserRow.name == name))


def add_user(
    session: Session,
    actor: Actor,
    name: str,
    *,
    role: str,
    password: str | None,
    units: Iterable[str] = (),
    display_name: str = "",
    email: str = "",
) -> UserRow:
    """Create a user with a role in the actor's workspace (one membership per unit for scoped roles)."""
    if not NAME_PATTERN.match(name):
        raise ChitieuError("user_bad_name", value=name)
    check_role(role)
    from chitieu.services.workspaces import workspace_row

    workspace = workspace_row(session, actor.workspace)  # workspace_not_found before anything is written
    if find_user(session, name) is not None:
        raise ChitieuError("user_exists", name=name)
    _check_units(session, workspace.id, units)
    email = email.strip()
    if email and not EMAIL_PATTERN.match(email):
        raise ChitieuError("user_bad_email", value=email)
    user = UserRow(
        name=name,
        display_name=display_name or name,
        email=email,
        password_hash=hash_password(password) if password is not None else None,
        active=True,
        created_at=_now(),
    )
    session.add(user)
    session.flush()
    for unit in sorted(set(units)) or [""]:
        session.add(MembershipRow(user_id=user.id, workspace=actor.workspace, role=role, org_unit_code=unit))
    session.flush()
    return user


def _check_units(session: Session, workspace_id: int, units: Iterable[str]) -> None:
    """Unit codes must name org units of the workspace (once it has any: accounts may come before the registry)."""
    from chitieu.store.models import OrgUnitRow

    wanted = sorted(set(units))
    if not wanted:
        return
    known = set(session.scalars(select(OrgUnitRow.code).where(OrgUnitRow.workspace_id == workspace_id)))
    unknown = [u for u in wanted if u not in known]
    if known and unknown:
        raise ChitieuError("user_unknown_units", units=", ".join(unknown))


def set_password(session: Session, name: str, password: str) -> None:
    user = find_user(session, name)
    if user is None:
        raise ChitieuError("user_not_found", name=name)
    user.password_hash = hash_password(password)
    session.execute(delete(LoginSessionRow).where(LoginSessionRow.user_id == user.id))  # sign out everywhere


def principal_of(session: Session, user: UserRow, workspace: str | None = None) -> Principal | None:
    """The user's role in ``workspace`` (or their first workspace); None without any membership."""
    query = select(MembershipRow).where(MembershipRow.user_id == user.id).order_by(MembershipRow.id)
    if workspace is not None:
        query = query.where(MembershipRow.workspace == workspace)
    memberships = list(session.scalars(query))
    if not memberships or not user.active:
        return None
    chosen = memberships[0].workspace
    mine = [m for m in memberships if m.workspace == chosen]
    units = frozenset(m.org_unit_code for m in mine if m.org_unit_code)
    return Principal(user.id, user.name, user.display_name or user.name, chosen, mine[0].role, units)


def authenticate(session: Session, name: str, password: str) -> Principal | None:
    """The principal for a correct name and password, else None (same work either way)."""
    user = find_user(session, name) if len(name) <= 100 else None
    stored = user.password_hash if user is not None and user.active and user.password_hash else _DUMMY_HASH
    try:
        ok = _hasher.verify(stored, password[:MAX_PASSWORD_LENGTH]) and stored is not _DUMMY_HASH
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        return None
    if _hasher.check_needs_rehash(stored):
        user.password_hash = _hasher.hash(password)
    return principal_of(session, user)


# --- API tokens -----------------------------------------------------------------------------------


def create_token(session: Session, user_name: str) -> str:
    """A new bearer token for ``user_name``; the plain token is returned once and never stored."""
    user = find_user(session, user_name)
    if user is None:
        raise ChitieuError("user_not_found", name=user_name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiTokenRow(user_id=user.id, token_hash=digest(token), prefix=token[:10], created_at=_now()))
    session.flush()
    return token


def principal_for_token(session: Session, token: str) -> Principal | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(ApiTokenRow).where(ApiTokenRow.token_hash == digest(token)))
    if row is None or row.revoked:
        return None
    user = session.get(UserRow, row.user_id)
    if user is None:
        return None
    now = _now()
    if row.last_used_at is None or now - _aware(row.last_used_at) > timedelta(minutes=5):
        row.last_used_at = now  # coarse, so that reads do not write on every request
    return principal_of(session, user)


def revoke_tokens(session: Session, user_name: str) -> int:
    user = find_user(session, user_name)
    if user is None:
        raise ChitieuError("user_not_found", name=user_name)
    rows = list(session.scalars(select(ApiTokenRow).where(ApiTokenRow.user_id == user.id, ApiTokenRow.revoked.is_(False))))
    for row in rows:
        row.revoked = True
    return len(rows)


# --- browser sessions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginSession:
    session_id: str  # goes into the cookie; only its digest is stored
    csrf_token: str
    principal: Principal


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def open_login_session(session: Session, principal: Principal) -> LoginSession:
    session_id = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = _now()
    session.add(LoginSessionRow(user_id=principal.user_id, session_hash=digest(session_id), csrf_token=csrf,
                                created_at=now, expires_at=now + SESSION_LIFETIME))
    session.execute(delete(LoginSessionRow).where(LoginSessionRow.expires_at < now))  # tidy expired ones
    session.flush()
    return LoginSession(session_id, csrf, principal)


def resume_login_session(session: Session, session_id: str) -> LoginSession | None:
    if not session_id or len(session_id) > 100:
        return None
    row = session.scalar(select(LoginSessionRow).where(LoginSessionRow.session_hash == digest(session_id)))
    if row is None or _aware(row.expires_at) < _now():
        return None
    user = session.get(UserRow, row.user_id)
    principal = principal_of(session, user) if user is not None else None
    if principal is None:
        return None
    return LoginSession(session_id, row.csrf_token, principal)


def close_login_session(session: Session, session_id: str) -> None:
    session.execute(delete(LoginSessionRow).where(LoginSessionRow.session_hash == digest(session_id)))


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a submitted token with the expected one."""
    return bool(given) and hmac.compare_digest(str(given).encode(), expected.encode())
