"""Server-sent events, as the chat stream uses them (spectron-api.md §2.2.5 / §3).

Frames are separated by a blank line; ``data:`` lines of one frame are joined with ``\\n``; lines
starting with ``:`` are comments (keep-alives) and ignored; ``event:`` names the frame; one optional
space after the colon is removed. Line endings may be LF, CRLF or CR.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["SSEEvent", "iter_sse", "iter_lines"]


@dataclass(frozen=True, slots=True)
class SSEEvent:
    event: str | None
    data: str
    id: str | None = None


def iter_lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """Split a byte stream into text lines (without their terminator), accepting LF, CRLF and CR."""
    buffer = b""
    pending_cr = False
    for chunk in chunks:
        if not chunk:
            continue
        if pending_cr:
            # The previous chunk ended in CR: a following LF belongs to that terminator.
            if chunk.startswith(b"\n"):
                chunk = chunk[1:]
            pending_cr = False
        buffer += chunk
        while True:
            cr = buffer.find(b"\r")
            lf = buffer.find(b"\n")
            if cr < 0 and lf < 0:
                break
            if lf >= 0 and (cr < 0 or lf < cr):
                line, buffer = buffer[:lf], buffer[lf + 1:]
            elif cr == len(buffer) - 1:
                line, buffer = buffer[:cr], b""
                pending_cr = True
            elif buffer[cr + 1:cr + 2] == b"\n":
                line, buffer = buffer[:cr], buffer[cr + 2:]
            else:
                line, buffer = buffer[:cr], buffer[cr + 1:]
            yield line.decode("utf-8", errors="replace")
    if buffer:
        yield buffer.decode("utf-8", errors="replace")


def iter_sse(lines: Iterable[str]) -> Iterator[SSEEvent]:
    """Group lines into events. A frame with neither data nor an event name is skipped; a trailing frame
    without its blank line is still delivered when the stream ends."""
    event: str | None = None
    data: list[str] = []
    event_id: str | None = None
    seen = False
    for line in lines:
        if line == "":
            if seen and (data or event is not None):
                yield SSEEvent(event, "\n".join(data), event_id)
            event, data, event_id, seen = None, [], None, False
            continue
        if line.startswith(":"):
            continue
        name, sep, value = line.partition(":")
        if not sep:
            value = ""
        elif value.startswith(" "):
            value = value[1:]
        if name == "data":
            data.append(value)
            seen = True
        elif name == "event":
            event = value
            seen = True
        elif name == "id":
            event_id = value
        # "retry" and unknown field names are ignored, as the SSE spec says.
    if seen and (data or event is not None):
        yield SSEEvent(event, "\n".join(data), event_id)
