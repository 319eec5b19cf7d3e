"""Every verb of the sync client against the real server started by the test run."""

from __future__ import annotations

import os
import unittest
import uuid

import spectron
from spectron import (
    AuthenticationError,
    ConflictError,
    MemoryDiff,
    NotFoundError,
    Spectron,
    ValidationError,
)

import support


class ServerTest(unittest.TestCase):
    server: support.Server
    client: Spectron
    memory: spectron.Memory

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = support.server()
        cls.client = Spectron(base_url=cls.server.url, api_key=cls.server.api_key)
        cls.memory = cls.client.memory("default")


class ConstructionTest(ServerTest):
    def test_env_fallbacks(self) -> None:
        saved = {k: os.environ.get(k) for k in ("SPECTRON_URL", "SPECTRON_API_KEY")}
        try:
            os.environ["SPECTRON_URL"] = self.server.url + "/api/v1/"
            os.environ["SPECTRON_API_KEY"] = self.server.api_key
            client = Spectron()
            self.assertEqual(client.health()["status"], "ok")
            self.assertEqual(client.max_retries, 2)
            self.assertEqual(client.memory("default").sessions.list(limit=1).__class__, list)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    def test_missing_key_is_a_value_error(self) -> None:
        saved = os.environ.pop("SPECTRON_API_KEY", None)
        try:
            with self.assertRaises(ValueError):
                Spectron(base_url=self.server.url)
        finally:
            if saved is not None:
                os.environ["SPECTRON_API_KEY"] = saved

    def test_context_manager_and_repr(self) -> None:
        with Spectron(base_url=self.server.url, api_key=self.server.api_key, timeout=5) as client:
            self.assertEqual(client.timeout, 5)
            self.assertIn("default", repr(client.memory("default")))


class SessionVerbsTest(ServerTest):
    def test_create_with_key_value_scope_and_metadata(self) -> None:
        user = support.uid("ada")
        session = self.memory.sessions.create(scope={"user": user}, metadata={"channel": "web"})
        self.assertTrue(session.id.startswith("sess_"))
        self.assertEqual(session.scopes, [[f"user/{user}/"]])
        self.assertEqual(session.scope, {"user": user})
        self.assertEqual(session.metadata, {"channel": "web"})
        self.assertTrue(session.created_at)

    def test_create_with_dnf_scope(self) -> None:
        session = self.memory.sessions.create(scope=[["org/acme/", "user/ada/"]])
        self.assertEqual(session.scopes, [["org/acme/", "user/ada/"]])
        session2 = self.memory.sessions.create(scopes=[["org/acme"]])
        self.assertEqual(session2.scopes, [["org/acme/"]])

    def test_get_list_delete(self) -> None:
        session = self.memory.sessions.create(scope={"user": support.uid()})
        fetched = self.memory.sessions.get(session.id)
        self.assertEqual(fetched.id, session.id)
        self.assertEqual(fetched.scopes, session.scopes)
        listed = self.memory.sessions.list(limit=500)
        self.assertIn(session.id, [s.id for s in listed])
        self.assertTrue(all(isinstance(s, spectron.Session) for s in listed))
        session.delete()
        with self.assertRaises(NotFoundError):
            self.memory.sessions.get(session.id)
        other = self.memory.sessions.create()
        self.memory.sessions.delete(other.id)
        with self.assertRaises(NotFoundError) as caught:
            self.memory.sessions.delete(other.id)
        self.assertEqual(caught.exception.status, 404)

    def test_turn_returns_typed_diff(self) -> None:
        user = support.uid("ada")
        session = self.memory.sessions.create(scope={"user": user})
        diff = session.turn(role="user", content="I moved to Porto last month. I have a dog named Rex.",
                            ts="2026-05-08T13:56:00Z")
        self.assertIsInstance(diff, MemoryDiff)
        self.assertTrue(diff.turn_id and diff.turn_id.startswith("turn_"))
        self.assertEqual(diff.turn.content if diff.turn else None, "I moved to Porto last month. I have a dog named Rex.")
        self.assertEqual(diff.turn.ts if diff.turn else None, "2026-05-08T13:56:00Z")
        home = [a for a in diff.attributes if a.key == "home"]
        self.assertEqual([a.value for a in home], ["Porto"])
        self.assertEqual(home[0].entity, f"person/{user}")
        self.assertEqual(home[0].valid_from, "2026-04-01T00:00:00Z")
        self.assertEqual(home[0].source.kind if home[0].source else None, "turn")
        self.assertIn("lives_in", [r.label for r in diff.relations])
        self.assertIn("location/porto", [e.path for e in diff.entities])
        self.assertEqual(diff.extraction.status if diff.extraction else None, "ok")
        self.assertFalse(diff.is_empty)
        for name in ("instructions", "uncertainties", "corrections", "invalidations"):
            self.assertIsInstance(getattr(diff, name), list)

    def test_corrections_and_instructions_in_the_diff(self) -> None:
        session = self.memory.sessions.create(scope={"user": support.uid("bo")})
        session.turn("user", "I live in Lisbon.")
        diff = session.turn("user", "Actually I live in Madrid now. From now on, always answer in bullet points.")
        self.assertTrue(any(c.key == "home" and c.new_value == "Madrid" for c in diff.corrections), diff.corrections)
        self.assertTrue(diff.instructions, diff)
        assistant = session.turn(role="assistant", content="Noted.")
        self.assertEqual(assistant.turn.role if assistant.turn else None, "assistant")

    def test_turns_transcript_with_limit_and_offset(self) -> None:
        session = self.memory.sessions.create(scope={"user": support.uid()})
        for i in range(3):
            session.turn("user" if i % 2 == 0 else "assistant", f"message {i}")
        turns = session.turns()
        self.assertEqual([t.content for t in turns], ["message 0", "message 1", "message 2"])
        self.assertEqual([t.seq for t in turns], [1, 2, 3])
        self.assertEqual(turns[1].role, "assistant")
        self.assertEqual(turns[0].session_id, session.id)
        self.assertEqual([t.content for t in session.turns(limit=1, offset=1)], ["message 1"])

    def test_context(self) -> None:
        user = support.uid("cy")
        session = self.memory.sessions.create(scope={"user": user})
        session.turn("user", "I have a cat named Miso.")
        result = session.context(query="what pet do I have", k=10)
        self.assertIn("Miso", result.context)
        self.assertIn("<memory", str(result))
        self.assertIn(result.tier, ("direct", "hybrid", "full_context", "cache"))
        self.assertIsInstance(result.query_ms, float)
        self.assertTrue(result.trace_id and result.trace_id.startswith("trace_"))
        self.assertTrue(result.citations)
        self.assertTrue(result.citations[0].marker)
        self.assertTrue(result.citations[0].id)

    def test_scopes_isolate_users(self) -> None:
        alice = self.memory.sessions.create(scope={"user": support.uid("al")})
        bob = self.memory.sessions.create(scope={"user": support.uid("bob")})
        secret = "Zanzibar" + uuid.uuid4().hex[:4]
        alice.turn("user", f"My favourite city is {secret}.")
        self.assertIn(secret, alice.context("favourite city").context)
        self.assertNotIn(secret, bob.context("favourite city").context)


class MemoryVerbsTest(ServerTest):
    def test_remember_full_triples_preview_none(self) -> None:
        user = support.uid("di")
        full = self.memory.remember("I am allergic to peanuts.", scope={"user": user})
        self.assertEqual(full.mode, "full")
        self.assertTrue(full.session_id.startswith("sess_"))
        self.assertTrue(full.turn_id)
        self.assertIn("allergy", [a.key for a in full.extraction.attributes] if full.extraction else [])

        sku = support.uid("SKU-")
        triples = self.memory.remember(infer="triples", triples=[
            {"entity": {"type": "product", "name": sku}, "key": "price", "value": "12 EUR"}])
        self.assertEqual(triples.mode, "triples")
        self.assertEqual([a.value for a in triples.extraction.attributes] if triples.extraction else [], ["12 EUR"])

        preview = self.memory.remember("My favourite colour is green.", infer="preview", scope={"user": user})
        self.assertTrue(preview.preview)

        literal = self.memory.remember("Meeting notes: budget approved.", infer="none", session_id=full.session_id)
        self.assertEqual(literal.mode, "none")
        self.assertEqual(literal.session_id, full.session_id)
        self.assertTrue(literal.chunk_id)

    def test_remember_many(self) -> None:
        result = self.memory.remember_many(
            [{"role": "user", "content": "I love hiking.", "ts": "2025-05-08T13:56:00Z"},
             {"role": "assistant", "content": "Nice!"}],
            scope={"user": support.uid("ed")}, extract="per_message")
        self.assertEqual(len(result.turn_ids), 2)
        self.assertEqual(len(result.extractions), 2)
        self.assertIn("likes", [a.key for a in result.extractions[0].attributes])
        turns = self.memory.sessions.get(result.session_id).turns()
        self.assertEqual([t.role for t in turns], ["user", "assistant"])

    def test_recall_and_context(self) -> None:
        user = support.uid("fa")
        session = self.memory.sessions.create(scope={"user": user})
        session.turn("user", "I moved to Reykjavik last month.")
        recall = self.memory.recall(f"Where does {user} live?", k=5)
        self.assertTrue(recall.hits)
        self.assertTrue(any("Reykjavik" in h.text for h in recall.hits), recall.hits)
        hit = recall.hits[0]
        self.assertTrue(hit.id and hit.source and isinstance(hit.score, float))
        self.assertIn(recall.tier, ("direct", "hybrid", "full_context", "cache"))
        self.assertTrue(recall.trace_id)
        self.assertIsInstance(recall.query_ms, float)
        lensed = self.memory.recall("Reykjavik", k=3, lens=[[f"user/{user}"]], mode="bm25")
        self.assertTrue(all(h.session_id in (None, session.id) for h in lensed.hits))
        context = self.memory.context("Reykjavik", k=5, lens=[[f"user/{user}"]], budget_chars=2000)
        self.assertIn("Reykjavik", context.context)
        self.assertTrue(context.tier)

    def test_state_profile_entities_entity_history(self) -> None:
        user = support.uid("gus")
        session = self.memory.sessions.create(scope={"user": user})
        session.turn("user", "I live in Oslo.")
        session.turn("user", "Actually I live in Bergen now.")
        state = self.memory.state()
        self.assertIn(f"person/{user}", [e.path for e in state.identity.entities])
        self.assertIn("Bergen", [a.value for a in state.identity.attributes if a.entity == f"person/{user}"])
        self.assertNotIn("Oslo", [a.value for a in state.identity.attributes if a.entity == f"person/{user}"])
        for category in (state.identity, state.knowledge, state.context):
            self.assertIsInstance(category.relations, list)
        self.assertIsInstance(state.instructions, list)
        self.assertIsInstance(state.unknowns, list)

        profile = self.memory.profile()
        self.assertIn(("home", "Bergen"), [(p.key, p.value) for p in profile.static if p.entity == f"person/{user}"])
        self.assertIsInstance(profile.preferences, list)

        people = self.memory.entities(type="person", limit=500)
        self.assertIn(user, [e.name for e in people])
        self.assertTrue(all(e.entity_type == "person" for e in people))
        self.assertEqual(len(self.memory.entities(limit=1)), 1)

        detail = self.memory.entity(f"person/{user}")
        self.assertEqual(detail.entity.name, user)
        self.assertEqual([a.value for a in detail.attributes if a.key == "home"], ["Bergen"])
        self.assertIn("lives_in", [r.label for r in detail.relations])
        self.assertEqual(self.memory.entity(f"entity:person/{user}").entity.id, detail.entity.id)

        history = self.memory.entity_history(f"person/{user}", "home")
        self.assertEqual([a.value for a in history], ["Oslo", "Bergen"])
        self.assertEqual(history[0].superseded_by, history[1].id)

        with self.assertRaises(NotFoundError):
            self.memory.entity("person/nobody-" + support.uid())
        with self.assertRaises(ValueError):
            self.memory.entity("no-slash")

    def test_forget(self) -> None:
        user = support.uid("hal")
        session = self.memory.sessions.create(scope={"user": user})
        session.turn("user", "I am allergic to shellfish.")
        dry = self.memory.forget("shellfish", dry_run=True)
        self.assertGreaterEqual(dry.deleted, 1)
        self.assertTrue(dry.dry_run)
        self.assertIn("shellfish", [a.value for a in self.memory.entity(f"person/{user}").attributes])
        done = self.memory.forget("shellfish")
        self.assertGreaterEqual(done.deleted, 1)
        self.assertFalse(done.dry_run)
        self.assertEqual(len(done.ids), done.deleted)
        self.assertNotIn("shellfish", [a.value for a in self.memory.entity(f"person/{user}").attributes])
        self.assertEqual(self.memory.forget("shellfish", dry_run=True).deleted, 0)


class ErrorsAndIdempotencyTest(ServerTest):
    def test_401_wrong_key(self) -> None:
        client = Spectron(base_url=self.server.url, api_key="sk-wrong")
        with self.assertRaises(AuthenticationError) as caught:
            client.memory("default").sessions.list()
        error = caught.exception
        self.assertEqual(error.status, 401)
        self.assertTrue(error.type and error.type.endswith("unauthorized"), error.type)
        self.assertTrue(error.request_id and error.request_id.startswith("req_"))
        self.assertTrue(error.detail)
        self.assertIsInstance(error, spectron.APIStatusError)
        self.assertIsInstance(error, spectron.SpectronError)

    def test_401_key_of_another_context(self) -> None:
        name = support.uid("ctx-")
        status, _ = self.server.management("POST", "/api/v1/contexts", {"id": name})
        self.assertEqual(status, 201)
        status, minted = self.server.management("POST", f"/api/v1/contexts/{name}/keys", {"name": "sdk"})
        self.assertEqual(status, 201)
        other = Spectron(base_url=self.server.url, api_key=minted["key"]).memory(name)
        session = other.sessions.create(scope={"user": "ada"})
        session.turn("user", "I live in Quito.")
        self.assertIn("Quito", session.context("where do I live").context)
        with self.assertRaises(AuthenticationError):
            Spectron(base_url=self.server.url, api_key=minted["key"]).memory("default").sessions.list()
        self.assertNotIn(session.id, [s.id for s in self.memory.sessions.list(limit=500)])

    def test_404_unknown_session(self) -> None:
        with self.assertRaises(NotFoundError) as caught:
            self.memory.sessions.get("sess_does_not_exist")
        self.assertEqual(caught.exception.status, 404)
        self.assertIn("sess_does_not_exist", caught.exception.message)
        ghost = spectron.Session(self.memory, spectron.SessionInfo(id="sess_ghost"))
        with self.assertRaises(NotFoundError):
            ghost.turn("user", "hello")

    def test_400_empty_content_and_bad_role(self) -> None:
        session = self.memory.sessions.create()
        with self.assertRaises(ValidationError) as caught:
            session.turn("user", "")
        self.assertEqual(caught.exception.status, 400)
        self.assertEqual(caught.exception.field, "content")
        with self.assertRaises(ValidationError) as caught:
            session.turn("robot", "hello")  # type: ignore[arg-type]
        self.assertEqual(caught.exception.field, "role")
        self.assertIn("robot", str(caught.exception))
        with self.assertRaises(ValidationError):
            self.memory.recall("x", k=51)

    def test_idempotency_replay_and_409(self) -> None:
        session = self.memory.sessions.create()
        key = str(uuid.uuid4())
        first = session.turn("user", "I like tea.", idempotency_key=key)
        again = session.turn("user", "I like tea.", idempotency_key=key)
        self.assertEqual(first.turn_id, again.turn_id)
        self.assertEqual(len(session.turns()), 1)
        with self.assertRaises(ConflictError) as caught:
            session.turn("user", "I like coffee.", idempotency_key=key)
        self.assertEqual(caught.exception.status, 409)
        self.assertEqual(len(session.turns()), 1)

    def test_every_write_carries_a_fresh_idempotency_key(self) -> None:
        session = self.memory.sessions.create()
        a = session.turn("user", "same text")
        b = session.turn("user", "same text")
        self.assertNotEqual(a.turn_id, b.turn_id)
        self.assertEqual(len(session.turns()), 2)


if __name__ == "__main__":
    unittest.main()
