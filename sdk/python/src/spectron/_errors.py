"""Typed errors. Every HTTP failure becomes one subclass of :class:`APIStatusError`, chosen by status;
network failures become :class:`ConnectionError` (or its subclass :class:`TimeoutError`).

The names ``ConnectionError`` and ``TimeoutError`` deliberately mirror the brief's surface; they do not
derive from the builtins of the same name (catch ``spectron.ConnectionError``, or the aliases
``APIConnectionError`` / ``APITimeoutError`` if you prefer not to shadow builtins).
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Mapping
from typing import Any

__all__ = [
    "SpectronError",
    "APIStatusError",
    "ValidationError",
    "AuthenticationError",
    "PermissionDeniedError",
    "ScopeError",
    "NotFoundError",
    "ConflictError",
    "PayloadTooLargeError",
    "RateLimitError",
    "ServerError",
    "ConnectionError",
    "TimeoutError",
    "APIConnectionError",
    "APITimeoutError",
    "error_from_response",
    "parse_retry_after",
]


class SpectronError(Exception):
    """Base of every error this package raises.

    ``status`` is the HTTP status (0 for network failures); ``type``/``title``/``detail`` come from the
    problem+json body; ``request_id`` from its ``requestId`` field or the ``X-Request-Id`` header.
    """

    status: int = 0

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        type: str | None = None,
        title: str | None = None,
        detail: str | None = None,
        request_id: str | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.request_id = request_id
        self.body = body
        self.headers: dict[str, str] = dict(headers or {})

    def __str__(self) -> str:
        parts = [self.message]
        if self.status:
            parts.insert(0, f"[{self.status}]")
        if self.request_id:
            parts.append(f"(request {self.request_id})")
        return " ".join(parts)


class APIStatusError(SpectronError):
    """The server answered with a non-2xx status."""

    @property
    def problem(self) -> dict[str, Any]:
        """The problem+json body as a dict (empty if the body was not JSON)."""
        return self.body if isinstance(self.body, dict) else {}


class ValidationError(APIStatusError):
    """400 invalid input or 422 unprocessable. ``field`` names the offending request field when known."""

    @property
    def field(self) -> str | None:
        value = self.problem.get("field")
        return value if isinstance(value, str) else None


class AuthenticationError(APIStatusError):
    """401: missing, unknown or expired API key, or a key of another context."""


class PermissionDeniedError(APIStatusError):
    """403: the key's grants do not cover the requested scope."""


ScopeError = PermissionDeniedError


class NotFoundError(APIStatusError):
    """404: unknown session, entity, context or route."""


class ConflictError(APIStatusError):
    """409: idempotency key reused with another body (or still in flight), duplicate name."""


class PayloadTooLargeError(APIStatusError):
    """413: the request body is over the server's limit."""


class RateLimitError(APIStatusError):
    """429. ``retry_after`` is the server's Retry-After in seconds, if it sent one."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx. For chat model failures (502 ``model-failed`` / 503 ``model-unavailable``) ``provider``,
    ``user_turn_id`` and ``session_id`` say which provider failed and which user turn was kept."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after

    @property
    def provider(self) -> str | None:
        return _str(self.problem.get("provider"))

    @property
    def user_turn_id(self) -> str | None:
        return _str(self.problem.get("userTurnId") or self.problem.get("user_turn_id"))

    @property
    def session_id(self) -> str | None:
        return _str(self.problem.get("sessionId") or self.problem.get("session_id"))

    @property
    def is_model_failure(self) -> bool:
        return bool(self.type) and ("model-" in str(self.type))


class ConnectionError(SpectronError):  # noqa: A001 - the public name is part of the SDK surface
    """The request never got an HTTP answer: refused, reset, DNS failure, stream cut short."""


class TimeoutError(ConnectionError):  # noqa: A001
    """Connecting or reading took longer than the client's ``timeout``."""


APIConnectionError = ConnectionError
APITimeoutError = TimeoutError


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds (decimals tolerated) or an HTTP date. None if absent/invalid."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
        return max(0.0, seconds)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def error_from_problem(status: int, problem: Any, headers: Mapping[str, str] | None = None) -> APIStatusError:
    """Build the typed error for ``status`` from a decoded problem body (dict or anything else)."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    body = problem if isinstance(problem, dict) else {}
    detail = _str(body.get("detail"))
    title = _str(body.get("title"))
    message = _str(body.get("message")) or detail or title or _str(body.get("error"))
    if not message:
        message = f"HTTP {status}" if not isinstance(problem, str) or not problem else problem[:500]
    request_id = _str(body.get("requestId") or body.get("request_id")) or headers.get("x-request-id")
    kwargs: dict[str, Any] = dict(
        status=status,
        type=_str(body.get("type")),
        title=title,
        detail=detail,
        request_id=request_id,
        body=problem,
        headers=headers,
    )
    retry_after = parse_retry_after(headers.get("retry-after"))
    if retry_after is None and isinstance(body.get("retry_after"), (int, float)):
        retry_after = float(body["retry_after"])
    if status in (400, 422):
        return ValidationError(message, **kwargs)
    if status == 401:
        return AuthenticationError(message, **kwargs)
    if status == 403:
        return PermissionDeniedError(message, **kwargs)
    if status == 404:
        return NotFoundError(message, **kwargs)
    if status == 409:
        return ConflictError(message, **kwargs)
    if status == 413:
        return PayloadTooLargeError(message, **kwargs)
    if status == 429:
        return RateLimitError(message, retry_after=retry_after, **kwargs)
    if status >= 500:
        return ServerError(message, retry_after=retry_after, **kwargs)
    return APIStatusError(message, **kwargs)


def error_from_response(status: int, raw: bytes, headers: Mapping[str, str] | None = None) -> APIStatusError:
    """Build the typed error from a raw HTTP error response."""
    text = raw.decode("utf-8", errors="replace")
    try:
        problem: Any = json.loads(text) if text.strip() else {}
    except ValueError:
        problem = text
    return error_from_problem(status, problem, headers)
