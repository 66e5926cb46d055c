"""Per-request context: the database, who is asking (cookie session or bearer token) and what they may do.

Authorisation is decided here, on the server, for every request: handlers call ``require(...)`` with the
permission they need; a missing login is 401, a role without the permission 403.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor, Permission
from chitieu.messages import ChitieuError
from chitieu.services.accounts import (
    Principal,
    principal_for_token,
    resume_login_session,
    same_secret,
)
from chitieu.services.database import Database
from chitieu.web.security import CSRF_FIELD, CSRF_HEADER, PRE_SESSION_COOKIE, SESSION_COOKIE
from chitieu.web.settings import WebSettings

# What a web action needs, in the services' own terms (domain.actors.ROLE_PERMISSIONS decides who has it):
# uploading a report is reporting figures; publishing a plan on the portal is editing the registry.
PERMISSIONS: dict[str, Permission] = {
    "read": Permission.READ,
    "edit_registry": Permission.EDIT_REGISTRY,
    "review": Permission.REVIEW,
    "upload": Permission.REPORT_FIGURES,
    "publish": Permission.EDIT_REGISTRY,
    "manage_users": Permission.MANAGE_WORKSPACE,
}


@dataclass(frozen=True, slots=True)
class Caller:
    """Who made the request and how: ``via`` is "web" for a browser session, "api" for a bearer token."""

    principal: Principal | None
    via: str  # web | api | anonymous
    csrf_token: str = ""  # the session's token (browser sessions only)
    workspace: str = "default"  # an anonymous visitor's workspace (the signed-in one's comes from membership)

    @property
    def signed_in(self) -> bool:
        return self.principal is not None

    def can(self, permission: str) -> bool:
        return self.principal is not None and self.actor().may(PERMISSIONS[permission])

    def actor(self) -> Actor:
        if self.principal is None:
            return Actor(name="anonymous", workspace=self.workspace, role="viewer", via="web")
        return self.principal.actor("api" if self.via == "api" else "web")


def database_of(request: Request) -> Database:
    return request.app.state.database  # type: ignore[no-any-return]


def settings_of(request: Request) -> WebSettings:
    return request.app.state.settings  # type: ignore[no-any-return]


@contextmanager
def transaction(request: Request, *, write: bool = False) -> Iterator[Session]:
    """One unit of work for this request: committed on success, rolled back on any error.

    ``write=True`` when it changes data (SQLite then takes its write lock at once, so writers queue).
    """
    with database_of(request).session(write=write) as session:
        yield session


def caller(request: Request) -> Caller:
    """Resolve the caller once per request (bearer token first, then the session cookie)."""
    cached = getattr(request.state, "caller", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    header = request.headers.get("authorization", "")
    result = Caller(None, "anonymous", workspace=settings_of(request).workspace)
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ChitieuError("auth_bad_token")
        with transaction(request) as session:
            principal = principal_for_token(session, token.strip())
        if principal is None:
            raise ChitieuError("auth_bad_token")
        result = Caller(principal, "api")
    else:
        session_id = request.cookies.get(SESSION_COOKIE, "")
        if session_id:
            with transaction(request) as session:
                login = resume_login_session(session, session_id)
            if login is not None:
                result = Caller(login.principal, "web", login.csrf_token)
    request.state.caller = result
    return result


def require(request: Request, permission: str) -> Caller:
    """The caller, if allowed ``permission``: ``auth_required`` (401) or ``auth_forbidden`` (403) otherwise."""
    who = caller(request)
    if who.principal is None:
        raise ChitieuError("auth_required")
    if not who.can(permission):
        raise ChitieuError("auth_forbidden", role=who.principal.role)
    return who


def check_csrf(request: Request, who: Caller, submitted: str | None = None) -> None:
    """Writes from a browser carry the session's CSRF token (form field or X-CSRF-Token header).

    Bearer-token calls need none: a browser never sends that header by itself.
    """
    if who.via == "api":
        return
    token = submitted if submitted is not None else request.headers.get(CSRF_HEADER)
    # a browser session's own token; before login, the double-submit cookie of the login form
    expected = who.csrf_token if who.via == "web" else request.cookies.get(PRE_SESSION_COOKIE, "")
    if not expected or not same_secret(token, expected):
        raise ChitieuError("auth_csrf")


async def form_csrf(request: Request) -> str | None:
    form = await request.form()
    value = form.get(CSRF_FIELD)
    return value if isinstance(value, str) else None
