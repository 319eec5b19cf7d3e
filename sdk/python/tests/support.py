"""Test support: one real Spectron server per test run, and a fault-injecting HTTP proxy.

The server is started lazily by the first test that needs it and stopped at interpreter exit, so
``python -m unittest discover`` starts exactly one. Env: SPECTRON_JAR (else <repo>/spectron-cli/target/
spectron.jar), JAVA_HOME (else the Temurin 25 JDK). SPECTRON_TEST_URL + SPECTRON_TEST_API_KEY (+
SPECTRON_TEST_MANAGEMENT_KEY) use an already running server instead.
"""

from __future__ import annotations

import atexit
import http.client
import http.server
import json
import os
import queue
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[3]
BANNER = re.compile(r"listening on (http://127\.0\.0\.1:\d+)")


@dataclass
class Server:
    url: str
    api_key: str
    management_key: str
    log_path: Path | None = None

    def management(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """A management API call (management key), returns (status, decoded JSON or None)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.management_key}", "Content-Type": "application/json"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, json.loads(raw) if raw else None


_server: Server | None = None
_lock = threading.Lock()


def _java() -> str:
    home = os.environ.get("JAVA_HOME") or "/usr/lib/jvm/temurin-25-jdk-amd64"
    return str(Path(home) / "bin" / "java")


def server() -> Server:
    """The shared server of this test run (started on first use)."""
    global _server
    with _lock:
        if _server is None:
            _server = _start()
        return _server


def _start() -> Server:
    if os.environ.get("SPECTRON_TEST_URL"):
        return Server(os.environ["SPECTRON_TEST_URL"], os.environ["SPECTRON_TEST_API_KEY"],
                      os.environ.get("SPECTRON_TEST_MANAGEMENT_KEY", ""))
    jar = Path(os.environ.get("SPECTRON_JAR") or REPO / "spectron-cli" / "target" / "spectron.jar")
    if not jar.is_file():
        raise RuntimeError(f"no server jar at {jar}: run bin/spectron --help once, or set SPECTRON_JAR")
    data_dir = Path(tempfile.mkdtemp(prefix="spectron-py-test-"))
    api_key = "sk-test-" + secrets.token_hex(16)
    management_key = "sk-mgmt-test-" + secrets.token_hex(16)
    env = {**os.environ, "SPECTRON_BIND_ADDRESS": "127.0.0.1:0", "SPECTRON_DATA_DIR": str(data_dir),
           "SPECTRON_API_KEY": api_key, "SPECTRON_MANAGEMENT_API_KEY": management_key}
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"):
        env.pop(name, None)  # the embedded default: builtin models, no provider
    log_path = data_dir / "server.log"
    log = open(log_path, "wb")
    process = subprocess.Popen([_java(), "--enable-native-access=ALL-UNNAMED", "-jar", str(jar), "serve"],
                               stdout=subprocess.PIPE, stderr=log, env=env)
    lines: queue.Queue[bytes] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
            log.write(b"[stdout] " + line)
            log.flush()
        lines.put(b"")

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + 120
    url = None
    while url is None:
        remaining = deadline - time.monotonic()
        try:
            line = lines.get(timeout=max(0.1, remaining))
        except queue.Empty:
            line = None
        if line is None or remaining <= 0 or (line == b"" and process.poll() is not None):
            process.kill()
            raise RuntimeError(f"the server did not start; log: {log_path}\n{log_path.read_text(errors='replace')[-4000:]}")
        match = BANNER.search(line.decode(errors="replace"))
        if match:
            url = match.group(1)

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        if os.environ.get("SPECTRON_TEST_KEEP_DATA"):
            print(f"server data kept in {data_dir}", file=sys.stderr)
        else:
            shutil.rmtree(data_dir, ignore_errors=True)

    atexit.register(stop)
    return Server(url, api_key, management_key, log_path)


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------------
# Fault-injecting proxy


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Fault:
    """What the proxy does with one request.

    kind: "forward" (pass to upstream), "respond" (answer status/headers/body without forwarding),
    "forward_then_respond" (forward, drop upstream's answer, answer status/... instead: a lost response),
    "hang" (sleep ``delay`` seconds then close), "close" (close the connection without answering),
    "sse" (answer 200 text/event-stream with ``body`` as is).
    """

    kind: str = "forward"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0

    @staticmethod
    def problem(status: int, detail: str = "injected", headers: dict[str, str] | None = None,
                **extra: Any) -> Fault:
        kind = {400: "invalid-input", 401: "unauthorized", 403: "forbidden", 404: "not-found", 409: "conflict",
                429: "rate-limited", 500: "internal", 502: "bad-gateway", 503: "unavailable",
                504: "gateway-timeout"}.get(status, "error")
        body = {"type": f"urn:spectron:problem:{kind}", "title": kind, "status": status, "detail": detail,
                "message": detail, "requestId": "req_injected", **extra}
        return Fault("respond", status, {"Content-Type": "application/problem+json", **(headers or {})},
                     json.dumps(body).encode())


class FaultProxy:
    """A local HTTP server in front of ``upstream``; ``plan`` is consumed one Fault per request, then
    every request is forwarded. ``requests`` records what clients sent."""

    def __init__(self, upstream: str | None = None) -> None:
        self.upstream = upstream
        self.plan: list[Fault] = []
        self.requests: list[Recorded] = []
        self.match: Callable[[str, str], bool] = lambda method, path: True
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                proxy.requests.append(Recorded(self.command, self.path, dict(self.headers.items()), body))
                fault = proxy.plan.pop(0) if proxy.plan and proxy.match(self.command, self.path) else Fault()
                if fault.kind == "close":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if fault.kind == "hang":
                    time.sleep(fault.delay)
                    self.close_connection = True
                    return
                if fault.kind == "respond":
                    return self._send(fault.status, fault.headers, fault.body)
                if fault.kind == "sse":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(fault.body)
                    self.wfile.flush()
                    self.close_connection = True
                    return
                status, headers, data = proxy._forward(self.command, self.path, dict(self.headers.items()), body)
                if fault.kind == "forward_then_respond":
                    return self._send(fault.status, fault.headers, fault.body)
                self._send(status, headers, data)

            def _send(self, status: int, headers: dict[str, str], data: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)
                self.close_connection = True

            do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _handle

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def _forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        if not self.upstream:
            return 502, {"Content-Type": "text/plain"}, b"no upstream"
        target = self.upstream.split("://", 1)[1]
        host, port = target.split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        try:
            headers = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection")}
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------------------------------
# Helpers for tests


def uid(prefix: str = "u") -> str:
    return f"{prefix}{secrets.token_hex(4)}"


def fresh_context(prefix: str = "py-") -> tuple[str, str]:
    """A new context with its own data-plane key (management API): isolation from other tests' data."""
    srv = server()
    name = uid(prefix)
    status, body = srv.management("POST", "/api/v1/contexts", {"id": name})
    if status != 201:
        raise RuntimeError(f"creating context {name}: {status} {body}")
    status, minted = srv.management("POST", f"/api/v1/contexts/{name}/keys", {"name": "sdk-test"})
    if status != 201:
        raise RuntimeError(f"minting a key for {name}: {status} {minted}")
    return name, minted["key"]
