"""The synchronous client: ``Spectron`` -> ``Memory`` -> ``Sessions`` -> ``Session``."""

from __future__ import annotations

import json
import os
from collections.abc import Generator, Iterator, Mapping, Sequence
from typing import Any, Literal, overload

from . import _errors as errors
from ._models import (
    ChatChunk,
    ChatResult,
    ContextResult,
    Entity,
    EntityDetail,
    ForgetResult,
    MemoryDiff,
    Profile,
    RecallResult,
    RememberManyResult,
    RememberResult,
    SessionInfo,
    State,
    Turn,
    Attribute,
    decode,
)
from ._sse import iter_lines, iter_sse
from ._transport import Response, StreamResponse, Transport, path_segment

__all__ = ["Spectron", "Memory", "Sessions", "Session", "ChatStream", "Scope", "DEFAULT_BASE_URL"]

DEFAULT_BASE_URL = "http://localhost:9090"

#: A scope: key-value dimensions ``{"user": "ada"}``, or DNF slash paths ``[["org/acme/", "user/ada/"]]``
#: (outer list = OR of clauses, inner list = AND of paths), or one path string.
Scope = Mapping[str, str] | Sequence[Sequence[str]] | Sequence[str] | str

Role = Literal["user", "assistant", "system", "tool"]


def _drop_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _scope_value(scope: Scope | None) -> Any:
    if scope is None:
        return None
    if isinstance(scope, str):
        return scope
    if isinstance(scope, Mapping):
        return dict(scope)
    return [item if isinstance(item, str) else list(item) for item in scope]


class Spectron:
    """Synchronous Spectron client.

    ``base_url`` defaults to ``$SPECTRON_URL`` then ``http://localhost:9090`` (a trailing ``/api/v1`` is
    accepted); ``api_key`` to ``$SPECTRON_API_KEY``. ``timeout`` (seconds) bounds connecting and each socket
    read, also between two chunks of a stream. ``max_retries`` is how many times an idempotent call is
    retried on 429/502/503/504 and connection errors (GETs, and writes, which all carry an Idempotency-Key).
    """

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 2,
        headers: Mapping[str, str] | None = None,
        backoff_base: float = 0.5,
        backoff_max: float = 8.0,
    ) -> None:
        base_url = base_url or os.environ.get("SPECTRON_URL") or DEFAULT_BASE_URL
        api_key = api_key if api_key is not None else os.environ.get("SPECTRON_API_KEY")
        if not api_key:
            raise ValueError("no API key: pass api_key=... or set SPECTRON_API_KEY")
        self._transport = Transport(base_url, api_key, timeout=timeout, max_retries=max_retries,
                                    backoff_base=backoff_base, backoff_max=backoff_max, headers=headers)

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def timeout(self) -> float:
        return self._transport.timeout

    @property
    def max_retries(self) -> int:
        return self._transport.max_retries

    def memory(self, context_id: str = "default") -> Memory:
        """The memory of one context (the unit of isolation; ``"default"`` exists on every server)."""
        return Memory(self._transport, context_id)

    def health(self) -> dict[str, Any]:
        """GET /api/v1/health (needs no key)."""
        data = self._transport.request("GET", "/api/v1/health").json()
        return data if isinstance(data, dict) else {"value": data}

    def close(self) -> None:
        """Nothing to release (one connection per request); kept for symmetry and ``with`` blocks."""

    def __enter__(self) -> Spectron:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Memory:
    """The verbs of one context. Create it with ``client.memory(context_id)``."""

    def __init__(self, transport: Transport, context_id: str) -> None:
        if not context_id:
            raise ValueError("context_id must not be empty")
        self._transport = transport
        self.context_id = context_id
        self._base = f"/api/v1/{path_segment(context_id)}"
        self.sessions = Sessions(self)

    def __repr__(self) -> str:
        return f"Memory(context_id={self.context_id!r})"

    # -- plumbing shared with Sessions/Session ---------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> Response:
        return self._transport.request(method, self._base + path, **kwargs)

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        data = self._request(method, path, **kwargs).json()
        return data if isinstance(data, dict) else {"value": data}

    def _chat(self, path: str, body: dict[str, Any], stream: bool, idempotency_key: str | None) -> ChatResult | ChatStream:
        if stream:
            body = {**body, "stream": True}
            opened = self._transport.stream("POST", self._base + path, json_body=body,
                                            idempotency_key=idempotency_key,
                                            headers={"Accept": "text/event-stream"})
            return ChatStream(opened)
        response = self._request("POST", path, json_body=body, idempotency_key=idempotency_key)
        result = decode(ChatResult, response.json())
        result.replayed = response.replayed
        return result

    # -- verbs ----------------------------------------------------------------------------------

    def remember(
        self,
        text: str | None = None,
        *,
        infer: Literal["full", "triples", "preview", "none"] | None = None,
        session_id: str | None = None,
        scope: Scope | None = None,
        role: Role | None = None,
        memory_category: Literal["identity", "knowledge", "context"] | None = None,
        labels: Sequence[str] | None = None,
        triples: Sequence[Mapping[str, Any]] | None = None,
        observed_at: str | None = None,
        idempotency_key: str | None = None,
    ) -> RememberResult:
        """POST /facts: remember one text (extracted into facts), caller-supplied ``triples``
        (``infer="triples"``), a dry run (``infer="preview"``) or literal text (``infer="none"``)."""
        body = _drop_none({
            "text": text, "infer": infer, "session_id": session_id, "scopes": _scope_value(scope), "role": role,
            "memory_category": memory_category, "labels": list(labels) if labels is not None else None,
            "triples": [dict(t) for t in triples] if triples is not None else None, "observed_at": observed_at,
        })
        return decode(RememberResult, self._json("POST", "/facts", json_body=body, idempotency_key=idempotency_key))

    def remember_many(
        self,
        messages: Sequence[Mapping[str, Any]],
        *,
        session_id: str | None = None,
        scope: Scope | None = None,
        extract: Literal["whole_conversation", "per_message"] | None = None,
        infer: Literal["full", "triples", "preview", "none"] | None = None,
        labels: Sequence[str] | None = None,
        idempotency_key: str | None = None,
    ) -> RememberManyResult:
        """POST /facts/batch: remember a whole conversation; ``messages`` are ``{"role", "content", "ts"?}``."""
        body = _drop_none({
            "messages": [dict(m) for m in messages], "session_id": session_id, "scopes": _scope_value(scope),
            "extract": extract, "infer": infer, "labels": list(labels) if labels is not None else None,
        })
        return decode(RememberManyResult, self._json("POST", "/facts/batch", json_body=body, idempotency_key=idempotency_key))

    def recall(
        self,
        query: str,
        *,
        k: int | None = None,
        mode: str | None = None,
        lens: Scope | None = None,
        session_id: str | None = None,
        labels: Sequence[str] | None = None,
        as_of: str | None = None,
        include: Sequence[str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> RecallResult:
        """POST /query: ranked hits. ``extra`` passes further request fields (camelCase) as they are."""
        body = _drop_none({
            "query": query, "k": k, "mode": mode, "lens": _scope_value(lens), "sessionId": session_id,
            "labels": list(labels) if labels is not None else None, "asOf": as_of,
            "include": list(include) if include is not None else None, **(extra or {}),
        })
        return decode(RecallResult, self._json("POST", "/query", json_body=body, idempotent=True))

    def context(
        self,
        query: str,
        *,
        k: int | None = None,
        lens: Scope | None = None,
        labels: Sequence[str] | None = None,
        budget_chars: int | None = None,
    ) -> ContextResult:
        """POST /context: the formatted context block for a prompt, over the whole context."""
        body = _drop_none({
            "query": query, "k": k, "lens": _scope_value(lens), "labels": list(labels) if labels is not None else None,
            "budgetChars": budget_chars,
        })
        return decode(ContextResult, self._json("POST", "/context", json_body=body, idempotent=True))

    @overload
    def chat(self, message: str, *, stream: Literal[False] = False, session_id: str | None = None,
             scope: Scope | None = None, model: str | None = None, k: int | None = None,
             idempotency_key: str | None = None) -> ChatResult: ...

    @overload
    def chat(self, message: str, *, stream: Literal[True], session_id: str | None = None,
             scope: Scope | None = None, model: str | None = None, k: int | None = None,
             idempotency_key: str | None = None) -> ChatStream: ...

    def chat(
        self,
        message: str,
        *,
        stream: bool = False,
        session_id: str | None = None,
        scope: Scope | None = None,
        model: str | None = None,
        k: int | None = None,
        idempotency_key: str | None = None,
    ) -> ChatResult | ChatStream:
        """POST /chat: one chat turn; without ``session_id`` the server creates a session (its id is
        ``result.session_id``). ``stream=True`` returns a :class:`ChatStream`."""
        return self._chat_any(message, stream, session_id, scope, model, k, idempotency_key)

    def _chat_any(self, message: str, stream: bool, session_id: str | None, scope: Scope | None, model: str | None,
                  k: int | None, idempotency_key: str | None) -> ChatResult | ChatStream:
        body = _drop_none({"message": message, "sessionId": session_id, "scopes": _scope_value(scope),
                           "model": model, "k": k})
        return self._chat("/chat", body, stream, idempotency_key)

    def forget(self, query: str, *, purge: bool = False, dry_run: bool = False,
               idempotency_key: str | None = None) -> ForgetResult:
        """POST /forget: retire (or with ``purge`` erase) the memories matching ``query``; ``dry_run`` only counts."""
        body: dict[str, Any] = {"query": query}
        if purge:
            body["purge"] = True
        if dry_run:
            body["dryRun"] = True
        return decode(ForgetResult, self._json("POST", "/forget", json_body=body, idempotency_key=idempotency_key))

    def state(self) -> State:
        """GET /state: live memory by category (identity, knowledge, context), instructions, unknowns."""
        return decode(State, self._json("GET", "/state"))

    def profile(self) -> Profile:
        """GET /profile: static, dynamic, preferences, instructions."""
        return decode(Profile, self._json("GET", "/profile"))

    def entities(self, *, type: str | None = None, limit: int | None = None, offset: int | None = None) -> list[Entity]:
        """GET /entities: entities ordered by type then name (``type`` filters, e.g. ``"person"``)."""
        data = self._json("GET", "/entities", query={"type": type, "limit": limit, "offset": offset})
        return [decode(Entity, e) for e in data.get("entities") or []]

    def entity(self, ref: str, *, as_of: str | None = None) -> EntityDetail:
        """GET /entities/{type}/{name}: one entity (``ref`` like ``"person/ada"``) with attributes and relations."""
        return decode(EntityDetail, self._json("GET", "/entities/" + _entity_path(ref), query={"asOf": as_of}))

    def entity_history(self, ref: str, key: str) -> list[Attribute]:
        """GET /entities/{type}/{name}/history/{key}: the supersession chain of one key, oldest first."""
        data = self._json("GET", f"/entities/{_entity_path(ref)}/history/{path_segment(key)}")
        return [decode(Attribute, a) for a in data.get("history") or []]


def _entity_path(ref: str) -> str:
    if ref.startswith("entity:"):
        ref = ref[len("entity:"):]
    entity_type, sep, name = ref.partition("/")
    if not sep or not entity_type or not name:
        raise ValueError(f"an entity ref is 'type/name', e.g. 'person/ada'; got {ref!r}")
    return f"{path_segment(entity_type)}/{path_segment(name)}"


class Sessions:
    """``memory.sessions``: create, get, list, delete."""

    def __init__(self, memory: Memory) -> None:
        self._memory = memory

    def create(self, scope: Scope | None = None, *, metadata: Mapping[str, Any] | None = None,
               scopes: Scope | None = None, idempotency_key: str | None = None) -> Session:
        """POST /sessions. ``scope`` as key-value dimensions ``{"user": "ada"}`` or DNF paths
        ``[["org/acme/", "user/ada/"]]`` (``scopes=`` is an alias)."""
        body = _drop_none({"scopes": _scope_value(scope if scope is not None else scopes),
                           "metadata": dict(metadata) if metadata is not None else None})
        data = self._memory._json("POST", "/sessions", json_body=body, idempotency_key=idempotency_key)
        return Session(self._memory, decode(SessionInfo, data))

    def get(self, session_id: str) -> Session:
        """GET /sessions/{id}; :class:`NotFoundError` if unknown."""
        return Session(self._memory, decode(SessionInfo, self._memory._json("GET", f"/sessions/{path_segment(session_id)}")))

    def list(self, *, limit: int | None = None, offset: int | None = None) -> list[Session]:
        """GET /sessions, newest first."""
        data = self._memory._json("GET", "/sessions", query={"limit": limit, "offset": offset})
        return [Session(self._memory, decode(SessionInfo, s)) for s in data.get("sessions") or []]

    def delete(self, session_id: str) -> None:
        """DELETE /sessions/{id}: the session and its transcript (extracted facts stay). Not retried."""
        self._memory._request("DELETE", f"/sessions/{path_segment(session_id)}")


class SessionAttributes:
    """``id``, ``scopes``, ``scope``, ``metadata`` and ``created_at`` of a session handle, read from its ``info``;
    shared by :class:`Session` and its async twin."""

    info: SessionInfo

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def scopes(self) -> list[list[str]]:
        return self.info.scopes

    @property
    def scope(self) -> dict[str, str] | None:
        return self.info.scope

    @property
    def metadata(self) -> dict[str, Any]:
        return self.info.metadata

    @property
    def created_at(self) -> str | None:
        return self.info.created_at

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, scopes={self.scopes!r})"


class Session(SessionAttributes):
    """One conversation. Attributes: ``id``, ``scopes`` (DNF), ``scope`` (key-value form when it has one),
    ``metadata``, ``created_at``, ``info`` (the decoded :class:`SessionInfo`)."""

    def __init__(self, memory: Memory, info: SessionInfo) -> None:
        self._memory = memory
        self.info = info

    def _path(self, suffix: str = "") -> str:
        return f"/sessions/{path_segment(self.id)}{suffix}"

    def turn(self, role: Role, content: str, *, ts: str | None = None,
             idempotency_key: str | None = None) -> MemoryDiff:
        """POST /sessions/{id}/turns: append one turn; returns what it changed in memory. ``ts`` (RFC 3339)
        is when it was said."""
        body = _drop_none({"role": role, "content": content, "ts": ts})
        return decode(MemoryDiff, self._memory._json("POST", self._path("/turns"), json_body=body,
                                                     idempotency_key=idempotency_key))

    def turns(self, limit: int | None = None, offset: int | None = None) -> list[Turn]:
        """GET /sessions/{id}/turns: the transcript, oldest first."""
        data = self._memory._json("GET", self._path("/turns"), query={"limit": limit, "offset": offset})
        return [decode(Turn, t) for t in data.get("turns") or []]

    def context(self, query: str, k: int | None = None) -> ContextResult:
        """POST /sessions/{id}/context: the context block this session would inject for ``query``."""
        body = _drop_none({"query": query, "k": k})
        return decode(ContextResult, self._memory._json("POST", self._path("/context"), json_body=body, idempotent=True))

    @overload
    def chat(self, message: str, *, stream: Literal[False] = False, model: str | None = None,
             k: int | None = None, idempotency_key: str | None = None) -> ChatResult: ...

    @overload
    def chat(self, message: str, *, stream: Literal[True], model: str | None = None,
             k: int | None = None, idempotency_key: str | None = None) -> ChatStream: ...

    def chat(self, message: str, *, stream: bool = False, model: str | None = None, k: int | None = None,
             idempotency_key: str | None = None) -> ChatResult | ChatStream:
        """POST /sessions/{id}/chat: store the user turn, retrieve context, call the context's response model,
        store the reply. Returns :class:`ChatResult` (``reply``, ``memory_updates``, ``citations``, ...), or with
        ``stream=True`` a :class:`ChatStream` of :class:`ChatChunk` whose last chunk has ``done=True`` and
        ``result`` set."""
        return self._chat_any(message, stream, model, k, idempotency_key)

    def _chat_any(self, message: str, stream: bool, model: str | None, k: int | None,
                  idempotency_key: str | None) -> ChatResult | ChatStream:
        body = _drop_none({"message": message, "model": model, "k": k})
        return self._memory._chat(self._path("/chat"), body, stream, idempotency_key)

    def delete(self) -> None:
        """DELETE the session (its transcript goes; extracted facts stay)."""
        self._memory.sessions.delete(self.id)

    close = delete


class ChatStream(Iterator[ChatChunk]):
    """Iterator over a streamed chat reply.

    Yields :class:`ChatChunk` items with ``done=False`` and a text ``delta``; the last item has
    ``done=True`` and the full :class:`ChatResult` in ``chunk.result``. After iteration the same result is
    ``stream.result`` and the concatenated deltas are ``stream.text``. An ``event: error`` frame raises the
    typed error (usually :class:`ServerError`); a stream that ends without its final frame raises
    :class:`ConnectionError`. Close early with ``stream.close()`` or a ``with`` block.
    """

    def __init__(self, response: StreamResponse) -> None:
        self._response = response
        self.result: ChatResult | None = None
        self._parts: list[str] = []
        self._chunks: Generator[ChatChunk, None, None] = self._generate()

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def __iter__(self) -> ChatStream:
        return self

    def __next__(self) -> ChatChunk:
        return next(self._chunks)

    def until_done(self) -> ChatResult:
        """Consume the rest of the stream and return the final result."""
        for _ in self:
            pass
        assert self.result is not None
        return self.result

    def close(self) -> None:
        self._chunks.close()
        self._response.close()

    def __enter__(self) -> ChatStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _finish(self, payload: dict[str, Any]) -> ChatChunk:
        result = decode(ChatResult, payload)
        if not result.reply:
            result.reply = self.text
        self.result = result
        return ChatChunk(delta="", done=True, result=result, trace_id=result.trace_id,
                         session_id=result.session_id, raw=payload)

    def _generate(self) -> Generator[ChatChunk, None, None]:
        if self._response.content_type != "text/event-stream":
            # A replayed (idempotent) chat answers with its stored JSON response: one delta, then done.
            stored = json.loads(self._response.read_all() or b"{}")
            result = decode(ChatResult, stored if isinstance(stored, dict) else {})
            result.replayed = self._response.headers.get("idempotent-replayed", "").lower() == "true"
            if result.reply:
                self._parts.append(result.reply)
                yield ChatChunk(delta=result.reply, trace_id=result.trace_id, session_id=result.session_id)
            self.result = result
            yield ChatChunk(delta="", done=True, result=result, trace_id=result.trace_id,
                            session_id=result.session_id, raw=result.raw)
            return
        try:
            for event in iter_sse(iter_lines(self._response.iter_chunks())):
                data = event.data.strip()
                if data == "[DONE]":
                    yield self._finish({})
                    return
                payload: Any
                try:
                    payload = json.loads(data) if data else {}
                except ValueError:
                    payload = {"delta": event.data}
                if not isinstance(payload, dict):
                    payload = {"delta": str(payload)}
                if event.event == "error":
                    status = payload.get("status")
                    raise errors.error_from_problem(status if isinstance(status, int) else 502, payload,
                                                    self._response.headers)
                if event.event == "done" or payload.get("done") is True:
                    yield self._finish(payload)
                    return
                delta = payload.get("delta", payload.get("token", ""))
                delta = delta if isinstance(delta, str) else ""
                self._parts.append(delta)
                yield ChatChunk(delta=delta, trace_id=payload.get("traceId") or payload.get("trace_id"),
                                session_id=payload.get("sessionId") or payload.get("session_id"), raw=payload)
            raise errors.ConnectionError("the chat stream ended before its final frame")
        finally:
            self._response.close()
