"""The asynchronous client: ``AsyncSpectron`` -> ``AsyncMemory`` -> ``AsyncSessions`` -> ``AsyncSession``.

Design choice: every call runs the synchronous transport on a worker thread (``asyncio.to_thread``).
The standard library has no HTTP client for asyncio; writing one on ``asyncio`` streams would mean
re-implementing HTTP/1.1 (chunked decoding, keep-alive, TLS, header parsing) next to ``http.client``,
and two transports would drift in retries, error mapping and idempotency. With one transport both
clients behave identically by construction. The cost is one thread of the default executor per call
in flight (a stream holds its thread only while waiting for the next line), which suits an SDK whose
calls are few and long (model calls) rather than many and tiny. Cancelling a task stops waiting at
once; the worker thread finishes its current socket read (bounded by ``timeout``) in the background.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, Literal, overload

from ._client import ChatStream, Memory, Role, Scope, Session, SessionAttributes, Spectron
from ._models import (
    Attribute,
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
)

__all__ = ["AsyncSpectron", "AsyncMemory", "AsyncSessions", "AsyncSession", "AsyncChatStream"]


class AsyncSpectron:
    """Asynchronous Spectron client; same constructor and surface as :class:`Spectron`, every call awaited."""

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
        self._sync = Spectron(base_url, api_key, timeout=timeout, max_retries=max_retries, headers=headers,
                              backoff_base=backoff_base, backoff_max=backoff_max)

    @property
    def base_url(self) -> str:
        return self._sync.base_url

    @property
    def timeout(self) -> float:
        return self._sync.timeout

    @property
    def max_retries(self) -> int:
        return self._sync.max_retries

    def memory(self, context_id: str = "default") -> AsyncMemory:
        return AsyncMemory(self._sync.memory(context_id))

    async def health(self) -> dict[str, Any]:
        return await asyncio.to_thread(self._sync.health)

    async def close(self) -> None:
        self._sync.close()

    async def __aenter__(self) -> AsyncSpectron:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


class AsyncMemory:
    """Async twin of :class:`Memory`."""

    def __init__(self, memory: Memory) -> None:
        self._sync = memory
        self.context_id = memory.context_id
        self.sessions = AsyncSessions(self)

    def __repr__(self) -> str:
        return f"AsyncMemory(context_id={self.context_id!r})"

    async def remember(
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
        return await asyncio.to_thread(
            self._sync.remember, text, infer=infer, session_id=session_id, scope=scope, role=role,
            memory_category=memory_category, labels=labels, triples=triples, observed_at=observed_at,
            idempotency_key=idempotency_key)

    async def remember_many(
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
        return await asyncio.to_thread(
            self._sync.remember_many, messages, session_id=session_id, scope=scope, extract=extract, infer=infer,
            labels=labels, idempotency_key=idempotency_key)

    async def recall(
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
        return await asyncio.to_thread(
            self._sync.recall, query, k=k, mode=mode, lens=lens, session_id=session_id, labels=labels,
            as_of=as_of, include=include, extra=extra)

    async def context(
        self,
        query: str,
        *,
        k: int | None = None,
        lens: Scope | None = None,
        labels: Sequence[str] | None = None,
        budget_chars: int | None = None,
    ) -> ContextResult:
        return await asyncio.to_thread(self._sync.context, query, k=k, lens=lens, labels=labels,
                                       budget_chars=budget_chars)

    @overload
    async def chat(self, message: str, *, stream: Literal[False] = False, session_id: str | None = None,
                   scope: Scope | None = None, model: str | None = None, k: int | None = None,
                   idempotency_key: str | None = None) -> ChatResult: ...

    @overload
    async def chat(self, message: str, *, stream: Literal[True], session_id: str | None = None,
                   scope: Scope | None = None, model: str | None = None, k: int | None = None,
                   idempotency_key: str | None = None) -> AsyncChatStream: ...

    async def chat(
        self,
        message: str,
        *,
        stream: bool = False,
        session_id: str | None = None,
        scope: Scope | None = None,
        model: str | None = None,
        k: int | None = None,
        idempotency_key: str | None = None,
    ) -> ChatResult | AsyncChatStream:
        """``await memory.chat(...)``; with ``stream=True`` the awaited value is an :class:`AsyncChatStream`."""
        result = await asyncio.to_thread(self._sync._chat_any, message, stream, session_id, scope, model, k,
                                         idempotency_key)
        return AsyncChatStream(result) if isinstance(result, ChatStream) else result

    async def forget(self, query: str, *, purge: bool = False, dry_run: bool = False,
                     idempotency_key: str | None = None) -> ForgetResult:
        return await asyncio.to_thread(self._sync.forget, query, purge=purge, dry_run=dry_run,
                                       idempotency_key=idempotency_key)

    async def state(self) -> State:
        return await asyncio.to_thread(self._sync.state)

    async def profile(self) -> Profile:
        return await asyncio.to_thread(self._sync.profile)

    async def entities(self, *, type: str | None = None, limit: int | None = None,
                       offset: int | None = None) -> list[Entity]:
        return await asyncio.to_thread(self._sync.entities, type=type, limit=limit, offset=offset)

    async def entity(self, ref: str, *, as_of: str | None = None) -> EntityDetail:
        return await asyncio.to_thread(self._sync.entity, ref, as_of=as_of)

    async def entity_history(self, ref: str, key: str) -> list[Attribute]:
        return await asyncio.to_thread(self._sync.entity_history, ref, key)


class AsyncSessions:
    """Async twin of :class:`Sessions`."""

    def __init__(self, memory: AsyncMemory) -> None:
        self._memory = memory

    async def create(self, scope: Scope | None = None, *, metadata: Mapping[str, Any] | None = None,
                     scopes: Scope | None = None, idempotency_key: str | None = None) -> AsyncSession:
        session = await asyncio.to_thread(self._memory._sync.sessions.create, scope, metadata=metadata, scopes=scopes,
                                          idempotency_key=idempotency_key)
        return AsyncSession(session)

    async def get(self, session_id: str) -> AsyncSession:
        return AsyncSession(await asyncio.to_thread(self._memory._sync.sessions.get, session_id))

    async def list(self, *, limit: int | None = None, offset: int | None = None) -> list[AsyncSession]:
        sessions = await asyncio.to_thread(self._memory._sync.sessions.list, limit=limit, offset=offset)
        return [AsyncSession(s) for s in sessions]

    async def delete(self, session_id: str) -> None:
        await asyncio.to_thread(self._memory._sync.sessions.delete, session_id)


class AsyncSession(SessionAttributes):
    """Async twin of :class:`Session`; same attributes (``id``, ``scopes``, ``scope``, ``metadata``, ``created_at``)."""

    def __init__(self, session: Session) -> None:
        self._sync = session

    @property  # type: ignore[override, misc]
    def info(self) -> SessionInfo:
        return self._sync.info

    async def turn(self, role: Role, content: str, *, ts: str | None = None,
                   idempotency_key: str | None = None) -> MemoryDiff:
        return await asyncio.to_thread(self._sync.turn, role, content, ts=ts, idempotency_key=idempotency_key)

    async def turns(self, limit: int | None = None, offset: int | None = None) -> list[Turn]:
        return await asyncio.to_thread(self._sync.turns, limit, offset)

    async def context(self, query: str, k: int | None = None) -> ContextResult:
        return await asyncio.to_thread(self._sync.context, query, k)

    @overload
    async def chat(self, message: str, *, stream: Literal[False] = False, model: str | None = None,
                   k: int | None = None, idempotency_key: str | None = None) -> ChatResult: ...

    @overload
    async def chat(self, message: str, *, stream: Literal[True], model: str | None = None,
                   k: int | None = None, idempotency_key: str | None = None) -> AsyncChatStream: ...

    async def chat(self, message: str, *, stream: bool = False, model: str | None = None, k: int | None = None,
                   idempotency_key: str | None = None) -> ChatResult | AsyncChatStream:
        """``result = await session.chat(msg)``; ``async for chunk in await session.chat(msg, stream=True)``.
        The request is sent (and a failure before streaming raised) when the call is awaited."""
        result = await asyncio.to_thread(self._sync._chat_any, message, stream, model, k, idempotency_key)
        return AsyncChatStream(result) if isinstance(result, ChatStream) else result

    async def delete(self) -> None:
        await asyncio.to_thread(self._sync.delete)

    close = delete


_END = object()


class AsyncChatStream(AsyncIterator[ChatChunk]):
    """Async iterator over a streamed chat; same chunks as :class:`ChatStream` (last one ``done=True`` with
    ``result``); ``stream.result`` and ``stream.text`` after iteration."""

    def __init__(self, stream: ChatStream) -> None:
        self._sync = stream

    @property
    def result(self) -> ChatResult | None:
        return self._sync.result

    @property
    def text(self) -> str:
        return self._sync.text

    def __aiter__(self) -> AsyncChatStream:
        return self

    async def __anext__(self) -> ChatChunk:
        chunk = await asyncio.to_thread(next, self._sync, _END)
        if chunk is _END:
            raise StopAsyncIteration
        return chunk  # type: ignore[return-value]

    async def until_done(self) -> ChatResult:
        async for _ in self:
            pass
        assert self.result is not None
        return self.result

    async def aclose(self) -> None:
        await asyncio.to_thread(self._sync.close)

    async def __aenter__(self) -> AsyncChatStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
