"""The server's outer guard: security headers, the Host check, auth before the body, a body limit.

One pure ASGI middleware, in front of everything FastAPI does:

* every response gets ``Content-Security-Policy`` (scripts only from this server; the
  swagger page its one inline start-up script), ``X-Content-Type-Options: nosniff``,
  ``X-Frame-Options: DENY`` and ``Referrer-Policy: no-referrer``;
* with ``allowed_hosts`` set (``eventwire serve`` sets it from the address it binds), a
  request for another ``Host`` is refused with 400 ``EW-API-HOST``: a web page on another
  site cannot read the API through DNS rebinding;
* a write (every POST/PUT/PATCH/DELETE route needs the review token) without the right
  ``Authorization: Bearer`` token is refused before a byte of its body is read;
* a body over ``max_body_bytes`` is refused with 413 ``EW-API-413``: at once when its
  ``Content-Length`` says so, or as soon as a streamed body passes the limit.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException as StarletteHTTPException

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024  # /ingest takes up to 1,000 documents a request
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")


def content_security_policy(tiles: str | None = None, *, inline_script: bool = False) -> str:
    """The CSP of a page: everything from this server, map tiles from their own origin."""
    tile_origin = ""
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parts.netloc
        tile_origin = f" {parts.scheme}://{host}" if parts.scheme and host else ""
    script = "'self' 'unsafe-inline'" if inline_script else "'self'"
    return (
        f"default-src 'self'; script-src {script}; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob:{tile_origin}; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def allowed_hosts_for(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` values a server bound to ``host`` answers: its own name and the loopback
    names for a loopback bind, plus ``extra`` (names it is reached by behind a proxy)."""
    names = set(LOOPBACK_HOSTS) if host in LOOPBACK_HOSTS else {host}
    names.update(extra)
    out = set()
    for name in names:
        bare = name.strip("[]").lower()
        shown = f"[{bare}]" if ":" in bare else bare
        out.update({shown, f"{shown}:{port}"})
    return frozenset(out)


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        check_token: Callable[[str | None], tuple[int, str, str] | None],
        allowed_hosts: frozenset[str] | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        tiles: str | None = None,
    ) -> None:
        self.app = app
        self.check_token = check_token
        self.allowed_hosts = allowed_hosts
        self.max_body_bytes = max_body_bytes
        self.csp = content_security_policy(tiles)
        self.docs_csp = content_security_policy(tiles, inline_script=True)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path: str = scope.get("path", "")
        csp = self.docs_csp if path == "/docs" else self.csp
        refused = self._refusal(scope, headers)
        if refused is not None:
            await _reply(send, *refused, csp=csp)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_security_headers(csp)]
            await send(message)

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise StarletteHTTPException(413, _too_large(self.max_body_bytes))
            return message

        await self.app(scope, limited_receive, send_with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, str] | None:
        """(status, code, message) when the request is refused before the app sees it."""
        host = headers.get("host", "").lower()
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            return 400, "EW-API-HOST", f"this server does not answer for host {host!r}"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body_bytes:
            return 413, "EW-API-413", _too_large(self.max_body_bytes)
        if scope.get("method") in WRITE_METHODS:
            given = headers.get("authorization", "")
            scheme, _, credentials = given.partition(" ")
            bearer = credentials.strip() if scheme.lower() == "bearer" else None
            return self.check_token(bearer or None)
        return None


def _security_headers(csp: str) -> list[tuple[bytes, bytes]]:
    """The headers every response gets, the app's and the guard's own refusals alike."""
    return [
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
    ]


def _too_large(limit: int) -> str:
    return f"request body over the server's limit of {limit:,} bytes"


async def _reply(send: Send, status: int, code: str, message: str, *, csp: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "status": status}}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *_security_headers(csp),
    ]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
