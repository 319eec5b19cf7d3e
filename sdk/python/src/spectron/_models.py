"""Typed results. Every result is a dataclass with snake_case attributes decoded from the server's
camelCase JSON (snake_case wire keys are accepted too); unknown wire fields are kept in ``raw``.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

__all__ = [
    "Turn",
    "SessionInfo",
    "Entity",
    "Source",
    "Attribute",
    "Relation",
    "Instruction",
    "Uncertainty",
    "Correction",
    "Invalidation",
    "Extraction",
    "MemoryDiff",
    "Citation",
    "ContextResult",
    "ChatResult",
    "ChatChunk",
    "RememberResult",
    "RememberManyResult",
    "Hit",
    "RecallResult",
    "ForgetResult",
    "CategoryState",
    "State",
    "ProfileItem",
    "Profile",
    "EntityDetail",
    "decode",
]

T = TypeVar("T")

_CAMEL = re.compile(r"_([a-z])")


def _camel(name: str) -> str:
    return _CAMEL.sub(lambda m: m.group(1).upper(), name)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            return _convert(arg, value)
        return value
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_convert(item, v) for v in value] if isinstance(value, list) else []
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return decode(tp, value) if isinstance(value, dict) else None
    if tp is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def decode(cls: type[T], data: dict[str, Any]) -> T:
    """Decode a wire object into dataclass ``cls``. A field's wire name is its snake name, its camelCase
    name, or one listed in the field's ``metadata["wire"]``; the first present wins."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _HINTS[cls] = hints
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name == "raw":
            continue
        names = list(f.metadata.get("wire", ())) or [_camel(f.name), f.name]
        for name in names:
            if data.get(name) is not None:
                kwargs[f.name] = _convert(hints[f.name], data[name])
                break
    obj = cls(**kwargs)
    if any(f.name == "raw" for f in dataclasses.fields(cls)):  # type: ignore[arg-type]
        object.__setattr__(obj, "raw", dict(data))
    post = getattr(obj, "_after_decode", None)
    if post is not None:
        post(data)
    return obj


def _wire(*names: str) -> Any:
    return field(default=None, metadata={"wire": names})


@dataclass(slots=True)
class Turn:
    """One message of a session's transcript."""

    id: str = ""
    session_id: str | None = _wire("sessionId", "session_id", "session")
    role: str = ""
    content: str = ""
    seq: int = 0
    ts: str | None = None
    created_at: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class SessionInfo:
    """A session's stored fields (see :class:`spectron.Session` for the object with methods)."""

    id: str = ""
    scopes: list[list[str]] = field(default_factory=list)
    scope: dict[str, str] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    created_at: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Entity:
    id: str = ""
    name: str = ""
    entity_type: str = ""
    path: str | None = None
    memory_category: str | None = None
    importance: float | None = None
    created_at: str | None = None
    updated_at: str | None = None
    is_new: bool | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Source:
    kind: str | None = None
    ref: str | None = None
    session_id: str | None = None
    span: dict[str, int] | None = None


@dataclass(slots=True)
class Attribute:
    id: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    key: str = ""
    value: str | None = None
    memory_category: str | None = None
    importance: float | None = None
    confidence: float | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    supersedes: str | None = None
    superseded_by: str | None = None
    source: Source | None = None
    created_at: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Relation:
    id: str | None = None
    subject: str = ""
    label: str = ""
    object: str = ""
    memory_category: str | None = None
    importance: float | None = None
    confidence: float | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    supersedes: str | None = None
    superseded_by: str | None = None
    source: Source | None = None
    created_at: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Instruction:
    id: str | None = None
    label: str = ""
    description: str = ""
    active: bool | None = None


@dataclass(slots=True)
class Uncertainty:
    about: str = ""
    reason: str = ""


@dataclass(slots=True)
class Correction:
    entity_id: str | None = None
    key: str = ""
    old_value: str | None = None
    new_value: str | None = None


@dataclass(slots=True)
class Invalidation:
    id: str | None = None
    entity_id: str | None = None
    key: str = ""
    value: str | None = None


@dataclass(slots=True)
class Extraction:
    """How extraction went: ``status`` is ``"ok"`` or ``"failed"``; ``stages`` ran; ``error`` if failed."""

    status: str = "ok"
    stages: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(slots=True)
class MemoryDiff:
    """What a turn changed in memory (``session.turn()``; also ``ChatResult.memory_updates``)."""

    turn_id: str | None = None
    turn: Turn | None = None
    entities: list[Entity] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    instructions: list[Instruction] = field(default_factory=list)
    uncertainties: list[Uncertainty] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    invalidations: list[Invalidation] = field(default_factory=list)
    extraction: Extraction | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def is_empty(self) -> bool:
        return not (self.entities or self.attributes or self.relations or self.instructions
                    or self.uncertainties or self.corrections or self.invalidations)


@dataclass(slots=True)
class Citation:
    marker: str = ""
    id: str | None = None
    kind: str | None = None
    snippet: str | None = None
    score: float | None = None
    occurred_at: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class ContextResult:
    """``session.context()`` / ``memory.context()``: the injection-ready context block and how it was found."""

    context: str = ""
    tier: str | None = None
    query_ms: float | None = None
    trace_id: str | None = None
    citations: list[Citation] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def __str__(self) -> str:
        return self.context


@dataclass(slots=True)
class ChatResult:
    """``session.chat()``: the model's reply and the combined memory diff of the user + assistant turns."""

    reply: str = ""
    memory_updates: MemoryDiff = _wire("memoryUpdates", "memory_updates")
    citations: list[Citation] = field(default_factory=list)
    trace_id: str | None = None
    turn_id: str | None = None
    assistant_turn_id: str | None = None
    session_id: str | None = None
    model: str | None = None
    replayed: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def _after_decode(self, data: dict[str, Any]) -> None:
        if self.memory_updates is None:
            self.memory_updates = MemoryDiff()
        if self.citations is None:
            self.citations = []


@dataclass(slots=True)
class ChatChunk:
    """One item of a streamed chat. Delta chunks have ``done=False`` and a text ``delta``; the last chunk
    has ``done=True``, ``delta=""`` and the full :class:`ChatResult` in ``result``."""

    delta: str = ""
    done: bool = False
    result: ChatResult | None = None
    trace_id: str | None = None
    session_id: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class RememberResult:
    """``memory.remember()`` (POST /facts)."""

    mode: str = ""
    session_id: str = ""
    turn_id: str | None = None
    chunk_id: str | None = None
    preview: bool = False
    extraction: MemoryDiff | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class RememberManyResult:
    """``memory.remember_many()`` (POST /facts/batch)."""

    session_id: str = ""
    turn_ids: list[str] = field(default_factory=list)
    extractions: list[MemoryDiff] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Hit:
    id: str = ""
    score: float = 0.0
    source: str = ""
    text: str = ""
    occurred_at: str | None = None
    kind: str | None = None
    ref_id: str | None = None
    turn_id: str | None = None
    session_id: str | None = None
    speaker: str | None = None
    role: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class RecallResult:
    """``memory.recall()`` (POST /query): ranked hits."""

    hits: list[Hit] = field(default_factory=list)
    tier: str | None = None
    classification_kind: str | None = None
    seed_entities: list[str] = field(default_factory=list)
    context_hits: list[Hit] = field(default_factory=list)
    query_ms: float | None = None
    trace: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def trace_id(self) -> str | None:
        value = (self.trace or {}).get("traceId") or self.raw.get("traceId")
        return value if isinstance(value, str) else None

    def _after_decode(self, data: dict[str, Any]) -> None:
        for name in ("hits", "seed_entities", "context_hits"):
            if getattr(self, name) is None:
                setattr(self, name, [])
        if self.trace is None:
            self.trace = {}


@dataclass(slots=True)
class ForgetResult:
    """``memory.forget()``: how many records were (or, with ``dry_run``, would be) forgotten, and their ids
    when the server lists them."""

    deleted: int = 0
    ids: list[str] = field(default_factory=list)
    dry_run: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class CategoryState:
    entities: list[Entity] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


@dataclass(slots=True)
class State:
    """``memory.state()``: live memory by category."""

    identity: CategoryState = field(default_factory=CategoryState)
    knowledge: CategoryState = field(default_factory=CategoryState)
    context: CategoryState = field(default_factory=CategoryState)
    instructions: list[Instruction] = field(default_factory=list)
    unknowns: list[Uncertainty] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class ProfileItem:
    key: str = ""
    value: str | None = None
    entity: str | None = None


@dataclass(slots=True)
class Profile:
    """``memory.profile()``: static (identity), dynamic (context), preferences (knowledge), instructions."""

    static: list[ProfileItem] = field(default_factory=list)
    dynamic: list[ProfileItem] = field(default_factory=list)
    preferences: list[ProfileItem] = field(default_factory=list)
    instructions: list[Instruction] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class EntityDetail:
    """``memory.entity("person/ada")``: one entity with its live attributes and relations."""

    entity: Entity = field(default_factory=Entity)
    attributes: list[Attribute] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
