"""AsyncSpectron: the same surface as Spectron, awaited, against the real server."""

from __future__ import annotations

import asyncio
import inspect
import unittest

import spectron
from spectron import AsyncSpectron, Spectron

import support


class AsyncSurfaceTest(unittest.TestCase):
    def test_same_public_methods_as_the_sync_client(self) -> None:
        pairs = [(spectron.Spectron, spectron.AsyncSpectron), (spectron.Memory, spectron.AsyncMemory),
                 (spectron.Sessions, spectron.AsyncSessions), (spectron.Session, spectron.AsyncSession),
                 (spectron.ChatStream, spectron.AsyncChatStream)]
        for sync_cls, async_cls in pairs:
            sync_names = {n for n, v in vars(sync_cls).items() if not n.startswith("_") and (callable(v) or isinstance(v, property))}
            async_names = {n for n, v in vars(async_cls).items() if not n.startswith("_") and (callable(v) or isinstance(v, property))}
            missing = sync_names - async_names - {"close"} if sync_cls is spectron.ChatStream else sync_names - async_names
            self.assertFalse(missing, f"{async_cls.__name__} lacks {missing}")
            for name in sync_names & async_names:
                sync_attr, async_attr = getattr(sync_cls, name), getattr(async_cls, name)
                if isinstance(sync_attr, property) or name in ("memory",):
                    continue
                self.assertTrue(inspect.iscoroutinefunction(async_attr), f"{async_cls.__name__}.{name} is not async")
                sync_params = list(inspect.signature(sync_attr).parameters)
                async_params = list(inspect.signature(async_attr).parameters)
                self.assertEqual(sync_params, async_params, f"{name}: {sync_params} != {async_params}")


class AsyncVerbsTest(unittest.TestCase):
    server: support.Server

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = support.server()

    def run_async(self, coro):  # type: ignore[no-untyped-def]
        return asyncio.run(coro)

    def test_sessions_turns_context(self) -> None:
        async def run() -> None:
            async with AsyncSpectron(base_url=self.server.url, api_key=self.server.api_key) as client:
                self.assertEqual((await client.health())["status"], "ok")
                memory = client.memory("default")
                user = support.uid("ana")
                session = await memory.sessions.create(scope={"user": user}, metadata={"k": "v"})
                self.assertEqual(session.scope, {"user": user})
                self.assertEqual(session.metadata, {"k": "v"})
                diff = await session.turn(role="user", content="I moved to Lima last month.")
                self.assertIn("Lima", [a.value for a in diff.attributes])
                # Concurrent writes on worker threads.
                diffs = await asyncio.gather(*(session.turn("assistant", f"ack {i}") for i in range(4)))
                self.assertEqual(len({d.turn_id for d in diffs}), 4)
                turns = await session.turns(limit=10)
                self.assertEqual(len(turns), 5)
                context = await session.context(query="where do I live", k=5)
                self.assertIn("Lima", context.context)
                fetched = await memory.sessions.get(session.id)
                self.assertEqual(fetched.id, session.id)
                self.assertIn(session.id, [s.id for s in await memory.sessions.list(limit=500)])
                await session.delete()
                with self.assertRaises(spectron.NotFoundError):
                    await memory.sessions.get(session.id)
        self.run_async(run())

    def test_memory_verbs(self) -> None:
        async def run() -> None:
            memory = AsyncSpectron(base_url=self.server.url, api_key=self.server.api_key).memory("default")
            user = support.uid("bea")
            remembered = await memory.remember("I live in Tallinn.", scope={"user": user})
            self.assertEqual(remembered.mode, "full")
            batch = await memory.remember_many([{"role": "user", "content": "I love sailing."}], scope={"user": user})
            self.assertEqual(len(batch.turn_ids), 1)
            recall = await memory.recall(f"Where does {user} live?", k=3)
            self.assertTrue(any("Tallinn" in h.text for h in recall.hits))
            context = await memory.context("Tallinn", k=3)
            self.assertIn("Tallinn", context.context)
            state = await memory.state()
            self.assertIn(f"person/{user}", [e.path for e in state.identity.entities])
            profile = await memory.profile()
            self.assertIn("Tallinn", [p.value for p in profile.static])
            self.assertIn(user, [e.name for e in await memory.entities(type="person", limit=500)])
            detail = await memory.entity(f"person/{user}")
            self.assertEqual(detail.entity.name, user)
            history = await memory.entity_history(f"person/{user}", "home")
            self.assertEqual([a.value for a in history], ["Tallinn"])
            forgotten = await memory.forget("sailing", dry_run=True)
            self.assertGreaterEqual(forgotten.deleted, 1)
        self.run_async(run())

    def test_errors(self) -> None:
        async def run() -> None:
            bad = AsyncSpectron(base_url=self.server.url, api_key="sk-wrong").memory("default")
            with self.assertRaises(spectron.AuthenticationError):
                await bad.sessions.list()
            memory = AsyncSpectron(base_url=self.server.url, api_key=self.server.api_key).memory("default")
            session = await memory.sessions.create()
            with self.assertRaises(spectron.ValidationError):
                await session.turn("user", "")
            with self.assertRaises(spectron.NotFoundError):
                await memory.sessions.get("sess_missing")
        self.run_async(run())

    def test_sync_and_async_see_the_same_data(self) -> None:
        sync_memory = Spectron(base_url=self.server.url, api_key=self.server.api_key).memory("default")
        session = sync_memory.sessions.create()
        session.turn("user", "hello from sync")

        async def run() -> list[str]:
            memory = AsyncSpectron(base_url=self.server.url, api_key=self.server.api_key).memory("default")
            return [t.content for t in await (await memory.sessions.get(session.id)).turns()]
        self.assertEqual(self.run_async(run()), ["hello from sync"])


if __name__ == "__main__":
    unittest.main()
