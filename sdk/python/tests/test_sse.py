"""The SSE parser and the chat stream's frame handling, without a server."""

from __future__ import annotations

import unittest

from spectron import SSEEvent, iter_lines, iter_sse


def events(raw: bytes, split: int | None = None) -> list[SSEEvent]:
    chunks = [raw] if split is None else [raw[i:i + split] for i in range(0, len(raw), split)]
    return list(iter_sse(iter_lines(chunks)))


class SSEParserTest(unittest.TestCase):
    def test_frames_are_split_on_blank_lines(self) -> None:
        got = events(b'data: {"delta":"Hello "}\n\ndata: {"delta":"world"}\n\nevent: done\ndata: {"done":true}\n\n')
        self.assertEqual([e.data for e in got], ['{"delta":"Hello "}', '{"delta":"world"}', '{"done":true}'])
        self.assertEqual([e.event for e in got], [None, None, "done"])

    def test_multi_line_data_is_joined_with_newline(self) -> None:
        got = events(b"data: line one\ndata: line two\ndata:line three\n\n")
        self.assertEqual(got, [SSEEvent(None, "line one\nline two\nline three")])

    def test_comments_are_ignored(self) -> None:
        got = events(b": keep-alive\n\n: another\ndata: x\n: inside a frame\n\n")
        self.assertEqual(got, [SSEEvent(None, "x")])

    def test_crlf_and_cr_line_endings(self) -> None:
        self.assertEqual(events(b"data: a\r\n\r\ndata: b\r\rdata: c\n\n"),
                         [SSEEvent(None, "a"), SSEEvent(None, "b"), SSEEvent(None, "c")])

    def test_byte_by_byte_delivery(self) -> None:
        raw = 'event: done\r\ndata: {"reply":"héllo"}\r\n\r\ndata: [DONE]\n\n'.encode()
        self.assertEqual(events(raw, split=1), [SSEEvent("done", '{"reply":"héllo"}'), SSEEvent(None, "[DONE]")])

    def test_last_frame_without_blank_line_is_delivered(self) -> None:
        self.assertEqual(events(b"data: tail"), [SSEEvent(None, "tail")])

    def test_only_one_leading_space_is_stripped_and_ids_kept(self) -> None:
        self.assertEqual(events(b"id: 7\ndata:   spaced\n\n"), [SSEEvent(None, "  spaced", "7")])

    def test_empty_frames_and_unknown_fields_are_skipped(self) -> None:
        self.assertEqual(events(b"\n\nretry: 100\n\nfoo: bar\ndata: x\n\n"), [SSEEvent(None, "x")])


if __name__ == "__main__":
    unittest.main()
