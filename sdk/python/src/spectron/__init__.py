"""Spectron Python SDK: a typed client for the Spectron memory layer (standard library only).

>>> from spectron import Spectron
>>> client = Spectron(base_url="http://localhost:9090", api_key="sk-...")
>>> memory = client.memory("default")
>>> session = memory.sessions.create(scope={"user": "ada"})
>>> result = session.chat("I moved to Porto last month.")
>>> result.reply, result.memory_updates.attributes
"""

from ._async import AsyncChatStream, AsyncMemory, AsyncSession, AsyncSessions, AsyncSpectron
from ._client import DEFAULT_BASE_URL, ChatStream, Memory, Scope, Session, Sessions, Spectron
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    ConnectionError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ScopeError,
    ServerError,
    SpectronError,
    TimeoutError,
    ValidationError,
)
from ._models import (
    Attribute,
    CategoryState,
    ChatChunk,
    ChatResult,
    Citation,
    ContextResult,
    Correction,
    Entity,
    EntityDetail,
    Extraction,
    ForgetResult,
    Hit,
    Instruction,
    Invalidation,
    MemoryDiff,
    Profile,
    ProfileItem,
    RecallResult,
    Relation,
    RememberManyResult,
    RememberResult,
    SessionInfo,
    Source,
    State,
    Turn,
    Uncertainty,
)
from ._sse import SSEEvent, iter_lines, iter_sse
from ._version import __version__

__all__ = [
    "__version__",
    "Spectron", "Memory", "Sessions", "Session", "ChatStream", "Scope", "DEFAULT_BASE_URL",
    "AsyncSpectron", "AsyncMemory", "AsyncSessions", "AsyncSession", "AsyncChatStream",
    "SpectronError", "APIStatusError", "ValidationError", "AuthenticationError", "PermissionDeniedError",
    "ScopeError", "NotFoundError", "ConflictError", "PayloadTooLargeError", "RateLimitError", "ServerError",
    "ConnectionError", "TimeoutError", "APIConnectionError", "APITimeoutError",
    "Attribute", "CategoryState", "ChatChunk", "ChatResult", "Citation", "ContextResult", "Correction", "Entity",
    "EntityDetail", "Extraction", "ForgetResult", "Hit", "Instruction", "Invalidation", "MemoryDiff", "Profile",
    "ProfileItem", "RecallResult", "Relation", "RememberManyResult", "RememberResult", "SessionInfo", "Source",
    "State", "Turn", "Uncertainty",
    "SSEEvent", "iter_sse", "iter_lines",
]
