"""HTTP transport on ``http.client``: auth header, JSON, typed errors, idempotency keys and retries.

One connection per request (no pool): the transport keeps no mutable connection state, so one client can
be shared by threads, and the async client can run calls on worker threads (see ``_async.py``).
"""

from __future__ import annotations

import builtins
import http.client
import json
import random
import socket
import ssl
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from . import _errors as errors
from ._version import __version__

__all__ = ["Transport", "Response", "StreamResponse", "RETRY_STATUSES", "path_segment"]

RETRY_STATUSES = frozenset({429, 502, 503, 504})
_WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})
_MAX_RETRY_AFTER = 60.0


def path_segment(value: str) -> str:
    """Percent-encode one path segment (slashes included)."""
    return quote(str(value), safe="")


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        if not self.body.strip():
            return {}
        try:
            return json.loads(self.body)
        except ValueError as e:
            raise errors.SpectronError(f"the server sent a body that is not JSON: {self.body[:200]!r}",
                                       status=self.status, body=self.body) from e

    @property
    def replayed(self) -> bool:
        return self.headers.get("idempotent-replayed", "").lower() == "true"


@dataclass(slots=True)
class StreamResponse:
    """An open 2xx response whose body is read incrementally. Close it when done."""

    status: int
    headers: dict[str, str]
    _response: http.client.HTTPResponse
    _connection: http.client.HTTPConnection
    closed: bool = field(default=False)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def iter_chunks(self) -> Iterator[bytes]:
        """The body line by line as bytes (chunked transfer encoding is decoded by http.client)."""
        try:
            with _read_errors("reading the stream timed out", "the stream was cut"):
                while True:
                    line = self._response.readline()
                    if not line:
                        return
                    yield line
        finally:
            self.close()

    def read_all(self) -> bytes:
        try:
            with _read_errors("reading the response timed out", "reading the response failed"):
                return self._response.read()
        finally:
            self.close()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            try:
                self._response.close()
            finally:
                self._connection.close()


class Transport:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 30.0,
        max_retries: int = 2,
        backoff_base: float = 0.5,
        backoff_max: float = 8.0,
        headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        self.base_url = base_url
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port
        prefix = parts.path.rstrip("/")
        if prefix.endswith("/api/v1"):
            prefix = prefix[: -len("/api/v1")]
        self.prefix = prefix
        self.api_key = api_key
        self.timeout = timeout
        self.max_retries = max(0, int(max_retries))
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.extra_headers = dict(headers or {})
        self.sleep = sleep
        self._ssl_context = ssl.create_default_context() if self.scheme == "https" else None

    # -- public -------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotent: bool = False,
        idempotency_key: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """Send a request and read the whole 2xx response; raise the typed error otherwise."""
        stream = self._send_with_retries(method, path, json_body, query, idempotent, idempotency_key, headers)
        body = stream.read_all()
        return Response(stream.status, stream.headers, body)

    def stream(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        idempotent: bool = False,
        idempotency_key: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> StreamResponse:
        """Like :meth:`request` but returns the open response; retries happen only before a 2xx status
        arrives (a stream that has started is never replayed)."""
        return self._send_with_retries(method, path, json_body, None, idempotent, idempotency_key, headers)

    # -- internals ------------------------------------------------------------------------------

    def _send_with_retries(
        self,
        method: str,
        path: str,
        json_body: Any,
        query: Mapping[str, Any] | None,
        idempotent: bool,
        idempotency_key: str | None,
        extra: Mapping[str, str] | None,
    ) -> StreamResponse:
        method = method.upper()
        headers = self._headers(extra)
        body: bytes | None = None
        if json_body is not None:
            body = json.dumps(json_body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if method in _WRITE_METHODS and not idempotent:
            # Every write carries a key so that a retry is safe: the server replays the stored response.
            headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        elif idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        retryable = method == "GET" or idempotent or "Idempotency-Key" in headers
        url = self.prefix + path
        if query:
            pairs = {k: _query_value(v) for k, v in query.items() if v is not None}
            if pairs:
                url += "?" + urlencode(pairs)
        attempt = 0
        while True:
            try:
                response = self._send_once(method, url, body, headers)
            except errors.ConnectionError:
                if retryable and attempt < self.max_retries:
                    self.sleep(self._backoff(attempt, None))
                    attempt += 1
                    continue
                raise
            if 200 <= response.status < 300:
                return response
            raw = response.read_all()
            error = errors.error_from_response(response.status, raw, response.headers)
            if retryable and response.status in RETRY_STATUSES and attempt < self.max_retries:
                self.sleep(self._backoff(attempt, getattr(error, "retry_after", None)))
                attempt += 1
                continue
            raise error

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Exponential backoff with jitter (half fixed, half random); the server's Retry-After wins when given."""
        if retry_after is not None:
            return min(float(retry_after), _MAX_RETRY_AFTER)
        ceiling = min(self.backoff_max, self.backoff_base * (2.0 ** attempt))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def _headers(self, extra: Mapping[str, str] | None) -> dict[str, str]:
        headers = {
            "Accept": "application/json",
            "User-Agent": f"spectron-python/{__version__}",
            **self.extra_headers,
        }
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        if extra:
            headers.update(extra)
        return headers

    def _connection(self) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout, context=self._ssl_context)
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def _send_once(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> StreamResponse:
        connection = self._connection()
        try:
            connection.request(method, url, body=body, headers=headers)
            response = connection.getresponse()
        except (socket.timeout, builtins.TimeoutError) as e:
            connection.close()
            raise errors.TimeoutError(f"{method} {url} timed out after {self.timeout}s") from e
        except (OSError, http.client.HTTPException) as e:
            connection.close()
            raise errors.ConnectionError(f"{method} {url} failed: {type(e).__name__}: {e}") from e
        response_headers = {k.lower(): v for k, v in response.getheaders()}
        return StreamResponse(response.status, response_headers, response, connection)


@contextmanager
def _read_errors(timed_out: str, failed: str) -> Iterator[None]:
    """A body that cannot be read, as the SDK's timeout or connection error."""
    try:
        yield
    except (socket.timeout, builtins.TimeoutError) as e:
        raise errors.TimeoutError(f"{timed_out}: {e}") from e
    except (OSError, http.client.HTTPException) as e:
        raise errors.ConnectionError(f"{failed}: {e}") from e


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
