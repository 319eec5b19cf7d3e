"""session.chat() / memory.chat(), plain and streamed, against the real server's builtin response model."""

from __future__ import annotations

import asyncio
import uuid
import unittest

import spectron
from spectron import AsyncSpectron, ChatResult, MemoryDiff, Spectron

import support


class ChatTest(unittest.TestCase):
    server: support.Server
    memory: spectron.Memory
    context_id: str
    api_key: str

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = support.server()
        cls.context_id, cls.api_key = support.fresh_context("chat-")
        cls.memory = Spectron(base_url=cls.server.url, api_key=cls.api_key).memory(cls.context_id)

    def _check_result(self, result: ChatResult, session_id: str) -> None:
        self.assertIsInstance(result, ChatResult)
        self.assertTrue(result.reply.strip())
        self.assertIsInstance(result.memory_updates, MemoryDiff)
        self.assertEqual(result.session_id, session_id)
        self.assertTrue(result.turn_id and result.turn_id.startswith("turn_"), result)
        self.assertTrue(result.assistant_turn_id and result.assistant_turn_id.startswith("turn_"), result)
        self.assertNotEqual(result.turn_id, result.assistant_turn_id)
        self.assertTrue(result.trace_id, result)
        self.assertIsInstance(result.citations, list)

    def test_chat_returns_reply_and_memory_updates(self) -> None:
        user = support.uid("ada")
        session = self.memory.sessions.create(scope={"user": user})
        first = session.chat("I moved to Porto last month and I have a dog named Rex.")
        self._check_result(first, session.id)
        self.assertIn("Porto", [a.value for a in first.memory_updates.attributes])
        second = session.chat("Where do I live?")
        self._check_result(second, session.id)
        turns = session.turns()
        self.assertEqual([t.role for t in turns], ["user", "assistant", "user", "assistant"])
        self.assertEqual(turns[2].id, second.turn_id)
        self.assertEqual(turns[3].id, second.assistant_turn_id)
        self.assertEqual(turns[3].content, second.reply)
        # A new session of the same user remembers what the first one learnt.
        later = self.memory.sessions.create(scope={"user": user})
        third = later.chat("Where do I live?")
        self._check_result(third, later.id)
        evidence = third.reply + " ".join(c.snippet or "" for c in third.citations)
        self.assertIn("Porto", evidence, third)

    def test_chat_stream_yields_deltas_then_the_full_result(self) -> None:
        session = self.memory.sessions.create(scope={"user": support.uid("bo")})
        session.chat("My favourite colour is teal.")
        stream = session.chat("What is my favourite colour?", stream=True)
        chunks = list(stream)
        deltas = [c for c in chunks if not c.done]
        self.assertGreater(len(deltas), 1, "the builtin model streams word by word")
        final = chunks[-1]
        self.assertTrue(final.done)
        self.assertEqual(sum(1 for c in chunks if c.done), 1)
        assert final.result is not None
        self._check_result(final.result, session.id)
        self.assertEqual("".join(c.delta for c in deltas), final.result.reply)
        self.assertIs(stream.result, final.result)
        self.assertEqual(session.turns()[-1].content, final.result.reply)

    def test_chat_idempotency_key_replays(self) -> None:
        session = self.memory.sessions.create()
        key = str(uuid.uuid4())
        first = session.chat("I play the cello.", idempotency_key=key)
        again = session.chat("I play the cello.", idempotency_key=key)
        self.assertEqual((first.turn_id, first.reply), (again.turn_id, again.reply))
        self.assertTrue(again.replayed)
        self.assertEqual(len(session.turns()), 2)
        with self.assertRaises(spectron.ConflictError):
            session.chat("I play the violin.", idempotency_key=key)
        # The stream flag is part of the body: reusing the key for a streamed request is another body.
        with self.assertRaises(spectron.ConflictError):
            session.chat("I play the cello.", stream=True, idempotency_key=key)
        stream_key = str(uuid.uuid4())
        streamed = session.chat("I sing too.", stream=True, idempotency_key=stream_key).until_done()
        replayed = session.chat("I sing too.", stream=True, idempotency_key=stream_key).until_done()
        self.assertEqual((streamed.turn_id, streamed.reply), (replayed.turn_id, replayed.reply))
        self.assertEqual(len(session.turns()), 4)

    def test_chat_errors(self) -> None:
        session = self.memory.sessions.create()
        with self.assertRaises(spectron.ValidationError) as invalid:
            session.chat("")
        self.assertEqual(invalid.exception.status, 400)
        ghost = spectron.Session(self.memory, spectron.SessionInfo(id="sess_ghost"))
        with self.assertRaises(spectron.NotFoundError) as caught:
            ghost.chat("hello")
        self.assertFalse((caught.exception.detail or "").startswith("no route"))

    def test_memory_chat_creates_or_reuses_a_session(self) -> None:
        user = support.uid("cy")
        first = self.memory.chat("I live in Nairobi.", scope={"user": user})
        self.assertTrue(first.session_id and first.session_id.startswith("sess_"))
        self._check_result(first, first.session_id)
        self.assertEqual(self.memory.sessions.get(first.session_id).scopes, [[f"user/{user}/"]])
        second = self.memory.chat("Where do I live?", session_id=first.session_id)
        self._check_result(second, first.session_id)
        streamed = self.memory.chat("Where do I live?", session_id=first.session_id, stream=True).until_done()
        self._check_result(streamed, first.session_id)
        self.assertEqual(len(self.memory.sessions.get(first.session_id).turns()), 6)

    def test_async_chat_and_stream(self) -> None:
        async def run() -> tuple[ChatResult, list[spectron.ChatChunk]]:
            client = AsyncSpectron(base_url=self.server.url, api_key=self.api_key)
            session = await client.memory(self.context_id).sessions.create(scope={"user": support.uid("dee")})
            result = await session.chat("I work at Initech.")
            chunks = [chunk async for chunk in await session.chat("Where do I work?", stream=True)]
            return result, chunks

        result, chunks = asyncio.run(run())
        self.assertTrue(result.reply)
        self.assertTrue(chunks[-1].done and chunks[-1].result)
        assert chunks[-1].result is not None
        self.assertEqual("".join(c.delta for c in chunks), chunks[-1].result.reply)


if __name__ == "__main__":
    unittest.main()
