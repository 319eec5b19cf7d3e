"""Errors and retries through a fault-injecting proxy in front of the real server (403, 429, 5xx,
timeouts, refused and reset connections, lost responses), and SSE edge cases served by the proxy."""

from __future__ import annotations

import asyncio
import json
import time
import unittest

import spectron
from spectron import (
    AsyncSpectron,
    ConnectionError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    Spectron,
    TimeoutError,
)

import support
from support import Fault, FaultProxy


def _writes(proxy: FaultProxy, suffix: str) -> list[support.Recorded]:
    return [r for r in proxy.requests if r.method == "POST" and r.path.endswith(suffix)]


class FaultTest(unittest.TestCase):
    server: support.Server

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = support.server()

    def setUp(self) -> None:
        self.proxy = FaultProxy(self.server.url)
        self.addCleanup(self.proxy.close)
        self.client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, timeout=5,
                               backoff_base=0.01, backoff_max=0.05)
        self.memory = self.client.memory("default")
        self.direct = Spectron(base_url=self.server.url, api_key=self.server.api_key).memory("default")


class ErrorMappingTest(FaultTest):
    def test_403_is_permission_denied(self) -> None:
        self.proxy.plan = [Fault.problem(403, "scope user/bob is outside this key's memory:write region")]
        with self.assertRaises(PermissionDeniedError) as caught:
            self.memory.sessions.create(scope={"user": "bob"})
        error = caught.exception
        self.assertIs(spectron.ScopeError, PermissionDeniedError)
        self.assertEqual(error.status, 403)
        self.assertIn("outside", error.message)
        self.assertEqual(error.request_id, "req_injected")
        self.assertEqual(error.type, "urn:spectron:problem:forbidden")
        self.assertEqual(len(self.proxy.requests), 1, "403 is not retried")

    def test_429_exhausted_carries_retry_after(self) -> None:
        client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, max_retries=0)
        self.proxy.plan = [Fault.problem(429, "slow down", {"Retry-After": "7"})]
        with self.assertRaises(RateLimitError) as caught:
            client.memory("default").state()
        self.assertEqual(caught.exception.retry_after, 7.0)
        self.assertEqual(caught.exception.status, 429)
        self.assertEqual(len(self.proxy.requests), 1)

    def test_500_is_server_error_with_request_id(self) -> None:
        self.proxy.plan = [Fault.problem(500, "boom")]
        with self.assertRaises(ServerError) as caught:
            self.memory.sessions.create()
        self.assertEqual(caught.exception.status, 500)
        self.assertEqual(caught.exception.request_id, "req_injected")
        self.assertEqual(len(self.proxy.requests), 1, "500 is not a retry status")

    def test_502_model_failure_fields(self) -> None:
        problem = Fault.problem(502, "openai: invalid api key", provider="openai", userTurnId="turn_123",
                                sessionId="sess_9")
        problem.body = json.dumps({**json.loads(problem.body), "type": "urn:spectron:problem:model-failed"}).encode()
        self.proxy.plan = [problem]
        session = self.direct.sessions.create()
        client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, max_retries=0)
        proxied = spectron.Session(client.memory("default"), session.info)
        with self.assertRaises(ServerError) as caught:
            proxied.chat("hello")
        error = caught.exception
        self.assertEqual(error.status, 502)
        self.assertEqual(error.provider, "openai")
        self.assertEqual(error.user_turn_id, "turn_123")
        self.assertEqual(error.session_id, "sess_9")
        self.assertTrue(error.is_model_failure)

    def test_non_json_error_body(self) -> None:
        self.proxy.plan = [Fault("respond", 503, {"Content-Type": "text/html"}, b"<h1>Service Unavailable</h1>")]
        client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, max_retries=0)
        with self.assertRaises(ServerError) as caught:
            client.memory("default").profile()
        self.assertEqual(caught.exception.status, 503)
        self.assertIn("Service Unavailable", caught.exception.message)

    def test_connection_refused(self) -> None:
        client = Spectron(base_url=f"http://127.0.0.1:{support.free_port()}", api_key="k", max_retries=1,
                          backoff_base=0.01)
        with self.assertRaises(ConnectionError) as caught:
            client.memory("default").state()
        self.assertEqual(caught.exception.status, 0)
        self.assertNotIsInstance(caught.exception, TimeoutError)
        self.assertIs(spectron.APIConnectionError, ConnectionError)

    def test_timeout(self) -> None:
        client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, timeout=0.3, max_retries=0)
        self.proxy.plan = [Fault("hang", delay=1.5)]
        started = time.monotonic()
        with self.assertRaises(TimeoutError) as caught:
            client.memory("default").state()
        self.assertLess(time.monotonic() - started, 1.4)
        self.assertIsInstance(caught.exception, ConnectionError)

    def test_connection_reset_without_answer(self) -> None:
        client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, max_retries=0)
        self.proxy.plan = [Fault("close")]
        with self.assertRaises(ConnectionError):
            client.memory("default").profile()


class RetryTest(FaultTest):
    def test_503_once_then_success_write_happens_once(self) -> None:
        session = self.direct.sessions.create()
        proxied = spectron.Session(self.memory, session.info)
        self.proxy.match = lambda method, path: method == "POST"
        self.proxy.plan = [Fault.problem(503, "try again")]
        diff = proxied.turn("user", "I have a parrot named Kiwi.")
        self.assertTrue(diff.turn_id)
        writes = _writes(self.proxy, "/turns")
        self.assertEqual(len(writes), 2)
        self.assertEqual(writes[0].headers["Idempotency-Key"], writes[1].headers["Idempotency-Key"])
        self.assertEqual(writes[0].body, writes[1].body)
        self.assertEqual([t.content for t in session.turns()], ["I have a parrot named Kiwi."])

    def test_lost_response_is_replayed_not_duplicated(self) -> None:
        session = self.direct.sessions.create()
        proxied = spectron.Session(self.memory, session.info)
        self.proxy.match = lambda method, path: method == "POST"
        # The first attempt reaches the server and is stored, but the client sees a 502.
        self.proxy.plan = [Fault("forward_then_respond", 502, {"Content-Type": "application/problem+json"},
                                 b'{"status":502,"title":"Bad gateway"}')]
        diff = proxied.turn("user", "I drink oolong tea.")
        turns = session.turns()
        self.assertEqual(len(turns), 1, "the retry must not store the turn twice")
        self.assertEqual(diff.turn_id, turns[0].id)
        self.assertEqual(len(_writes(self.proxy, "/turns")), 2)

    def test_connection_error_then_success(self) -> None:
        self.proxy.plan = [Fault("close")]
        created = self.memory.sessions.create(metadata={"retry": True})
        self.assertEqual(self.direct.sessions.get(created.id).metadata, {"retry": True})
        posts = _writes(self.proxy, "/sessions")
        self.assertEqual(len(posts), 2)
        self.assertEqual(posts[0].headers["Idempotency-Key"], posts[1].headers["Idempotency-Key"])

    def test_429_honours_retry_after(self) -> None:
        self.proxy.plan = [Fault.problem(429, "slow down", {"Retry-After": "1"})]
        started = time.monotonic()
        self.memory.state()
        self.assertGreaterEqual(time.monotonic() - started, 0.9)
        self.assertEqual(len(self.proxy.requests), 2)

    def test_gets_retry_504_up_to_max_retries(self) -> None:
        self.proxy.plan = [Fault.problem(504), Fault.problem(504), Fault.problem(504)]
        with self.assertRaises(ServerError) as caught:
            self.memory.profile()
        self.assertEqual(caught.exception.status, 504)
        self.assertEqual(len(self.proxy.requests), 3, "1 attempt + max_retries=2")

    def test_reads_over_post_are_retried_without_a_key(self) -> None:
        self.proxy.plan = [Fault.problem(503)]
        self.memory.recall("anything", k=1)
        self.assertEqual(len(self.proxy.requests), 2)
        self.assertNotIn("Idempotency-Key", self.proxy.requests[0].headers)

    def test_delete_is_not_retried(self) -> None:
        session = self.direct.sessions.create()
        self.proxy.plan = [Fault.problem(503)]
        with self.assertRaises(ServerError):
            self.memory.sessions.delete(session.id)
        self.assertEqual(len(self.proxy.requests), 1)
        self.memory.sessions.delete(session.id)
        with self.assertRaises(NotFoundError):
            self.direct.sessions.get(session.id)

    def test_max_retries_zero(self) -> None:
        client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, max_retries=0)
        self.proxy.plan = [Fault.problem(503)]
        with self.assertRaises(ServerError):
            client.memory("default").sessions.create()
        self.assertEqual(len(self.proxy.requests), 1)

    def test_async_client_retries_the_same_way(self) -> None:
        async def run() -> None:
            client = AsyncSpectron(base_url=self.proxy.url, api_key=self.server.api_key, backoff_base=0.01)
            session = await client.memory("default").sessions.create()
            self.proxy.plan = [Fault.problem(503)]
            await session.turn("user", "I collect stamps.")
            self.assertEqual(len(await session.turns()), 1)
        asyncio.run(run())
        self.assertEqual(len(_writes(self.proxy, "/turns")), 2)


SSE_OK = (
    b": keep-alive\n\n"
    b'data: {"delta":"Hello "}\n\n'
    b"data: {\"delta\":\n"
    b'data: "world"}\n\n'
    b'data: {"token":"!"}\n\n'
    b"event: done\n"
    b'data: {"done":true,"reply":"Hello world!","sessionId":"sess_1","turnId":"turn_u","assistantTurnId":"turn_a",'
    b'"traceId":"trace_1","model":"builtin/builtin","memory_updates":{"attributes":[{"key":"home","value":"Porto"}]},'
    b'"citations":[{"marker":"[S1]","id":"doc_1","kind":"attribute","snippet":"home: Porto","score":0.8}]}\n\n'
)


class StreamTest(FaultTest):
    def _session(self) -> spectron.Session:
        return spectron.Session(self.memory, spectron.SessionInfo(id="sess_1"))

    def test_stream_parses_deltas_comments_multiline_and_done(self) -> None:
        self.proxy.plan = [Fault("sse", body=SSE_OK)]
        stream = self._session().chat("hi", stream=True)
        chunks = list(stream)
        self.assertEqual([c.delta for c in chunks[:-1]], ["Hello ", "world", "!"])
        final = chunks[-1]
        self.assertTrue(final.done)
        self.assertEqual(final.delta, "")
        assert final.result is not None
        self.assertIs(stream.result, final.result)
        self.assertEqual(final.result.reply, "Hello world!")
        self.assertEqual(stream.text, "Hello world!")
        self.assertEqual(final.result.memory_updates.attributes[0].value, "Porto")
        self.assertEqual(final.result.citations[0].marker, "[S1]")
        self.assertEqual((final.result.turn_id, final.result.assistant_turn_id), ("turn_u", "turn_a"))
        request = self.proxy.requests[0]
        self.assertEqual(json.loads(request.body), {"message": "hi", "stream": True})
        self.assertEqual(request.headers["Accept"], "text/event-stream")
        self.assertIn("Idempotency-Key", request.headers)

    def test_done_sentinel_ends_and_reply_falls_back_to_deltas(self) -> None:
        self.proxy.plan = [Fault("sse", body=b'data: {"delta":"a"}\r\n\r\ndata: {"delta":"b"}\r\n\r\ndata: [DONE]\r\n\r\n'
                                             b'data: {"delta":"never"}\r\n\r\n')]
        stream = self._session().chat("hi", stream=True)
        self.assertEqual([c.delta for c in stream], ["a", "b", ""])
        self.assertEqual(stream.result.reply if stream.result else None, "ab")

    def test_done_flag_without_event_name(self) -> None:
        self.proxy.plan = [Fault("sse", body=b'data: {"delta":"x"}\n\ndata: {"done":true,"reply":"x","memoryUpdates":{}}\n\n')]
        result = self._session().chat("hi", stream=True).until_done()
        self.assertEqual(result.reply, "x")
        self.assertTrue(result.memory_updates.is_empty)

    def test_error_event_raises_typed_error_after_deltas(self) -> None:
        self.proxy.plan = [Fault("sse", body=b'data: {"delta":"Par"}\n\nevent: error\ndata: {"type":"urn:spectron:problem:model-unavailable",'
                                             b'"status":503,"detail":"openai: timeout","provider":"openai","userTurnId":"turn_7"}\n\n')]
        stream = self._session().chat("hi", stream=True)
        self.assertEqual(next(stream).delta, "Par")
        with self.assertRaises(ServerError) as caught:
            next(stream)
        self.assertEqual(caught.exception.status, 503)
        self.assertEqual(caught.exception.provider, "openai")
        self.assertEqual(caught.exception.user_turn_id, "turn_7")
        self.assertEqual(len(self.proxy.requests), 1, "a started stream is never retried")

    def test_stream_cut_before_done_is_a_connection_error(self) -> None:
        self.proxy.plan = [Fault("sse", body=b'data: {"delta":"half"}\n\n')]
        stream = self._session().chat("hi", stream=True)
        self.assertEqual(next(stream).delta, "half")
        with self.assertRaises(ConnectionError):
            next(stream)

    def test_problem_before_stream_is_raised_at_call_and_retried(self) -> None:
        self.proxy.plan = [Fault.problem(503, "model unavailable", {"Retry-After": "0"}), Fault("sse", body=SSE_OK)]
        stream = self._session().chat("hi", stream=True)
        self.assertEqual(stream.until_done().reply, "Hello world!")
        self.assertEqual(len(self.proxy.requests), 2)
        self.assertEqual(self.proxy.requests[0].headers["Idempotency-Key"], self.proxy.requests[1].headers["Idempotency-Key"])
        client = Spectron(base_url=self.proxy.url, api_key=self.server.api_key, max_retries=0)
        self.proxy.plan = [Fault.problem(404, "session 'sess_1' does not exist")]
        with self.assertRaises(NotFoundError):
            spectron.Session(client.memory("default"), spectron.SessionInfo(id="sess_1")).chat("hi", stream=True)

    def test_json_answer_to_a_stream_request_becomes_one_delta_and_done(self) -> None:
        body = json.dumps({"reply": "stored", "sessionId": "sess_1", "traceId": "t", "memoryUpdates": {}}).encode()
        self.proxy.plan = [Fault("respond", 200, {"Content-Type": "application/json", "Idempotent-Replayed": "true"}, body)]
        chunks = list(self._session().chat("hi", stream=True))
        self.assertEqual([(c.delta, c.done) for c in chunks], [("stored", False), ("", True)])
        assert chunks[-1].result is not None
        self.assertTrue(chunks[-1].result.replayed)

    def test_async_stream(self) -> None:
        self.proxy.plan = [Fault("sse", body=SSE_OK)]

        async def run() -> list[spectron.ChatChunk]:
            client = AsyncSpectron(base_url=self.proxy.url, api_key=self.server.api_key)
            session = spectron.AsyncSession(spectron.Session(client.memory("default")._sync, spectron.SessionInfo(id="sess_1")))
            return [chunk async for chunk in await session.chat("hi", stream=True)]

        chunks = asyncio.run(run())
        self.assertEqual("".join(c.delta for c in chunks), "Hello world!")
        self.assertTrue(chunks[-1].done and chunks[-1].result and chunks[-1].result.reply == "Hello world!")


if __name__ == "__main__":
    unittest.main()
