"""Login and logout (CSRF-protected forms, rate-limited login, server-side sessions)."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from chitieu.messages import ChitieuError, msg
from chitieu.services.accounts import SESSION_LIFETIME, authenticate, close_login_session, open_login_session
from chitieu.web.context import caller, check_csrf, settings_of, transaction
from chitieu.web.security import PRE_SESSION_COOKIE, SESSION_COOKIE, new_token, set_cookie
from chitieu.web.templating import render

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme) may follow a login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target[:500]


def _login_page(request: Request, *, error: str = "", next_url: str = "/", name: str = "", status: int = 200) -> Response:
    token = request.cookies.get(PRE_SESSION_COOKIE) or new_token()
    request.state.pre_csrf = token
    response = render(request, "login.html", {"error": error, "next_url": next_url, "name": name}, status_code=status)
    set_cookie(response, request, PRE_SESSION_COOKIE, token, secure=settings_of(request).cookie_secure, max_age=3600)
    return response


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return _login_page(request, next_url=_safe_next(next))


@router.post("/login")
def login(
    request: Request,
    name: str = Form("", max_length=200),
    password: str = Form("", max_length=2000),
    csrf_token: str = Form(""),
    next: str = Form("/"),
) -> Response:
    who = caller(request)
    try:
        check_csrf(request, who if who.via == "web" else who.__class__(None, "anonymous"), csrf_token)
    except ChitieuError as exc:
        return _login_page(request, error=exc.message, next_url=_safe_next(next), name=name, status=403)
    throttle = request.app.state.throttle
    address = request.client.host if request.client else "?"
    wait = throttle.retry_after(address, name)
    if wait:
        return _login_page(request, error=msg("auth_rate_limited", seconds=wait), next_url=_safe_next(next),
                           name=name, status=429)
    with transaction(request) as session:
        principal = authenticate(session, name.strip(), password)
        login_session = open_login_session(session, principal) if principal is not None else None
    if login_session is None:
        throttle.failed(address, name)
        return _login_page(request, error=msg("auth_bad_login"), next_url=_safe_next(next), name=name, status=401)
    throttle.succeeded(address, name)
    response = RedirectResponse(_safe_next(next), status_code=303)
    secure = settings_of(request).cookie_secure
    set_cookie(response, request, SESSION_COOKIE, login_session.session_id, secure=secure,
               max_age=int(SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(PRE_SESSION_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form("")) -> Response:
    who = caller(request)
    if who.via == "web":
        check_csrf(request, who, csrf_token)
        with transaction(request) as session:
            close_login_session(session, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
