"""The loopback server the screenshot scripts, browser tests and API bench share."""
from __future__ import annotations

import httpx

from newsgraph.web.loopback import serve_app


async def _hello(scope, receive, send) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": scope["path"].encode()})


def test_serves_an_app_on_a_free_loopback_port() -> None:
    server, url = serve_app(_hello)
    try:
        assert url.startswith("http://127.0.0.1:") and not url.endswith("/")
        assert httpx.get(url + "/ping").text == "/ping"
    finally:
        server.should_exit = True
