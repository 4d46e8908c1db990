"""The HTTP API served on a free loopback port in a background thread: for the scripts
that take screenshots, the browser tests and the API benchmark (`newsgraph serve` is the
way to serve a store for people)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from ..errors import NewsgraphError

HOST = "127.0.0.1"
CHROMIUM = Path("/usr/bin/chromium")    # Debian's; the screenshots and browser tests use it
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def serve_app(app: Any, *, timeout: float = 20.0) -> tuple[uvicorn.Server, str]:
    """Start `app` (an ASGI app) on a free loopback port; (server, 'http://127.0.0.1:PORT').
    Stop it with `server.should_exit = True`."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline:
            server.should_exit = True
            raise NewsgraphError(f"the server on port {port} did not start in {timeout:g} s")
        time.sleep(0.05)
    return server, f"http://{HOST}:{port}"


def serve(db: str | Path, **kwargs: Any) -> tuple[uvicorn.Server, str]:
    """Serve the store at `db` (the API's `create_app(db, **kwargs)`)."""
    from ..api import create_app
    return serve_app(create_app(db, **kwargs))
