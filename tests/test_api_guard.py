"""The server guard: security headers, Host check, auth before the body, body limit, serve."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.api.app import create_app
from eventwire.api.guard import allowed_hosts_for, content_security_policy
from eventwire.cli import app as cli_app
from eventwire.db.store import Store

TOKEN = "guard-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("guard") / "guard.duckdb"
    Store.open(path).close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(
        db,
        review_token=TOKEN,
        allowed_hosts=allowed_hosts_for("127.0.0.1", 8000),
        max_body_bytes=2_000,
    )
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/health", "/events", "/no-such-page"):
        r = client.get(path)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        csp = r.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
    # the swagger page starts itself with one inline script; no other page may
    assert (
        "script-src 'self' 'unsafe-inline'"
        in client.get("/docs").headers["content-security-policy"]
    )


def test_tile_server_origin_is_allowed_for_images_only() -> None:
    csp = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: blob: https://*.tile.example.org;" in csp
    assert "connect-src 'self';" in csp


def test_requests_for_another_host_are_refused(client: TestClient) -> None:
    assert client.get("/health", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/health", headers={"host": "[::1]:8000"}).status_code == 200
    r = client.get("/health", headers={"host": "attacker.example"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "EW-API-HOST"
    assert allowed_hosts_for("0.0.0.0", 80, ["events.example.org"]) >= {
        "events.example.org",
        "events.example.org:80",
    }


def test_a_write_without_the_token_is_refused_before_its_body_is_read(db: Path) -> None:
    app = create_app(db, review_token=TOKEN)
    read: list[bool] = []

    async def receive() -> dict[str, Any]:
        read.append(True)
        return {"type": "http.request", "body": b"{" * 10_000, "more_body": False}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    for auth, status in ((None, 401), ("Bearer wrong", 403)):
        headers = [(b"host", b"testserver"), (b"content-type", b"application/json")]
        if auth:
            headers.append((b"authorization", auth.encode()))
        scope = {
            "type": "http",
            "method": "POST",
            "path": "/ingest",
            "raw_path": b"/ingest",
            "query_string": b"",
            "headers": headers,
            "http_version": "1.1",
            "scheme": "http",
            "server": ("testserver", 80),
            "client": ("127.0.0.1", 1),
            "root_path": "",
        }
        sent.clear()
        asyncio.run(app(scope, receive, send))
        assert sent[0]["status"] == status
    assert read == []  # not one chunk of either body was read


def test_bodies_over_the_limit_are_refused(client: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
    big = b'{"documents": [{"text": "' + b"x" * 5_000 + b'"}]}'
    r = client.post("/ingest", content=big, headers=auth)
    assert r.status_code == 413 and r.json()["error"]["code"] == "EW-API-413"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams in
        yield b'{"documents": [{"text": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}]}'

    r = client.post("/ingest", content=chunks(), headers=auth)
    assert r.status_code == 413 and r.json()["error"]["code"] == "EW-API-413"
    small = client.post("/ingest", json={"documents": [{"text": "x"}], "bad": 1}, headers=auth)
    assert small.status_code == 422  # within the limit: read and validated as before


def test_serve_refuses_a_token_on_the_command_line_and_a_silent_public_bind(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "s.duckdb")

    def refusal(*args: str) -> str:
        result = CliRunner().invoke(cli_app, ["serve", "--db", db, *args])
        assert result.exit_code == 2
        return " ".join(result.output.replace("│", " ").split())  # unwrap rich's box

    assert "visible to every user" in refusal("--review-token", "abc")
    assert "--allowed-host" in refusal("--host", "0.0.0.0")
    empty = tmp_path / "token.txt"
    empty.write_text("\n", encoding="utf-8")
    assert "holds no token" in refusal("--review-token-file", str(empty))
