"""Cookies, CSRF tokens, the login throttle and the security headers of every answer."""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "chitieu_session"
PRE_SESSION_COOKIE = "chitieu_csrf"  # double-submit token of the login form (before a session exists)
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

# Scripts and styles come only from this server (vendored); no inline script, no framing, no outside URL.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def set_cookie(response: Response, request: Request, name: str, value: str, *, secure: bool | None,
               max_age: int | None = None) -> None:
    """HttpOnly, SameSite=Lax, Secure over HTTPS (or when the operator says so), for the whole site."""
    response.set_cookie(
        name, value, max_age=max_age, httponly=True, samesite="lax", path="/",
        secure=is_https(request) if secure is None else secure,
    )


def new_token() -> str:
    return secrets.token_urlsafe(32)


class LoginThrottle:
    """Failed logins per (address, name): after ``attempts`` in ``window`` seconds, refuse for ``pause``.

    In memory, per process: enough for the embedded server; several processes each keep their own count.
    """

    def __init__(self, attempts: int, window: int, pause: int) -> None:
        self.attempts, self.window, self.pause = attempts, window, pause
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._blocked: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def _keys(self, address: str, name: str) -> list[tuple[str, str]]:
        # the name alone too, so that one account cannot be guessed from many addresses
        return [(address, name.lower()), ("*", name.lower())]

    def retry_after(self, address: str, name: str) -> int:
        """Seconds to wait before another try (0: may try now)."""
        now = time.monotonic()
        with self._lock:
            until = max((self._blocked.get(k, 0.0) for k in self._keys(address, name)), default=0.0)
        return max(0, int(until - now + 0.999))

    def failed(self, address: str, name: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in self._keys(address, name):
                limit = self.attempts if key[0] != "*" else self.attempts * 4
                times = self._failures.setdefault(key, deque())
                times.append(now)
                while times and times[0] < now - self.window:
                    times.popleft()
                if len(times) >= limit:
                    self._blocked[key] = now + self.pause
                    times.clear()
            if len(self._failures) > 100_000:  # bounded memory under a spray of names
                self._failures.clear()

    def succeeded(self, address: str, name: str) -> None:
        with self._lock:
            self._failures.pop((address, name.lower()), None)


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP answer (pure ASGI, so streaming answers keep streaming)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.decode("latin-1").lower() for k, _ in headers}
                for key, value in SECURITY_HEADERS.items():
                    if key not in present:
                        headers.append((key.encode("latin-1"), value.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuses a request body over ``limit`` bytes with 413, before it is read into memory or a temp file."""

    def __init__(self, app: ASGIApp, limit: int, refuse: Callable[[Scope], Awaitable[Response]]) -> None:
        self.app, self.limit, self.refuse = app, limit, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            response = await self.refuse(scope)
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except BodyTooLarge:
            response = await self.refuse(scope)
            await response(scope, receive, send)


class BodyTooLarge(Exception):
    """A chunked request body grew past the limit."""
