// session.chat() and memory.chat(), JSON and streamed, against the real server's builtin model
// (offline; it quotes the memory it was given and streams word by word).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Spectron, ChatStream, NotFoundError, ValidationError, ModelError, ServerError, Session } from '../dist/index.js';
import { testServer } from './support/server.mjs';

const TAG = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
let server;
let memory;

before(async () => {
  server = await testServer();
  memory = new Spectron({ baseUrl: server.url, apiKey: server.apiKey }).memory('default');
});

function assertDiff(diff) {
  for (const key of ['entities', 'attributes', 'relations', 'instructions', 'uncertainties', 'corrections', 'invalidations']) {
    assert.ok(Array.isArray(diff[key]), key);
  }
}

test('session.chat returns reply, memoryUpdates, ids and citations; a fact from message 1 is in the reply to message 2', async () => {
  const session = await memory.sessions.create({ scope: { user: 'chat' + TAG } });
  const first = await session.chat('I live in Reykjavik and I have a cat named Pixel.');
  assert.equal(typeof first.reply, 'string');
  assert.ok(first.reply.length > 0);
  assertDiff(first.memoryUpdates);
  assert.ok(first.memoryUpdates.attributes.some((a) => a.value === 'Reykjavik'), JSON.stringify(first.memoryUpdates.attributes));
  assert.equal(first.sessionId, session.id);
  assert.match(first.turnId, /^turn_/);
  assert.match(first.assistantTurnId, /^turn_/);
  assert.match(first.traceId, /^trace_/);
  assert.ok(Array.isArray(first.citations));

  const second = await session.chat('Where do I live?');
  assert.match(second.reply, /Reykjavik/);
  const turns = await session.turns();
  assert.deepEqual(turns.map((x) => x.role), ['user', 'assistant', 'user', 'assistant']);
  assert.equal(turns[0].id, first.turnId);
  assert.equal(turns[1].id, first.assistantTurnId);
  assert.equal(turns[3].content, second.reply);
});

test('session.chat(message, { stream: true }) streams word by word; the final chunk carries the full result', async () => {
  const session = await memory.sessions.create({ scope: { user: 'stream' + TAG } });
  await session.turn({ role: 'user', content: 'I live in Valparaiso.' });
  const stream = await session.chat('Where do I live?', { stream: true });
  assert.ok(stream instanceof ChatStream);
  const deltas = [];
  let final;
  for await (const chunk of stream) {
    if (chunk.done) final = chunk.result;
    else deltas.push(chunk.delta);
  }
  assert.ok(deltas.length > 3, `got ${deltas.length} deltas`);
  assert.ok(final, 'a final chunk with the result');
  assert.equal(deltas.join(''), final.reply);
  assert.match(final.reply, /Valparaiso/);
  assert.equal(stream.result, final);
  assert.equal(stream.text, final.reply);
  assert.equal(final.sessionId, session.id);
  assert.match(final.turnId, /^turn_/);
  assert.match(final.assistantTurnId, /^turn_/);
  assertDiff(final.memoryUpdates);
  const turns = await session.turns();
  assert.equal(turns.at(-1).content, final.reply);
});

test('chat with the same Idempotency-Key twice stores the user turn once and replays the reply', async () => {
  const session = await memory.sessions.create({ scope: { user: 'idem' + TAG } });
  const key = 'chat-' + TAG;
  const a = await session.chat('My favourite food is ramen.', { idempotencyKey: key });
  const b = await session.chat('My favourite food is ramen.', { idempotencyKey: key });
  assert.equal(b.turnId, a.turnId);
  assert.equal(b.reply, a.reply);
  assert.equal((await session.turns()).length, 2);
});

test('chat errors: empty message is a ValidationError, unknown session a NotFoundError', async () => {
  const session = await memory.sessions.create({ scope: { user: 'err' + TAG } });
  await assert.rejects(session.chat(''), ValidationError);
  await assert.rejects(session.chat('', { stream: true }), ValidationError);
  const ghost = new Session(memory, { id: 'sess_ghost_chat', scopes: [], createdAt: '' });
  await assert.rejects(ghost.chat('hello'), NotFoundError);
});

test('memory.chat without a session creates one (scope), then continues it by sessionId; streams too', async () => {
  const first = await memory.chat('I work at Globex.', { scope: { user: 'mc' + TAG } });
  assert.match(first.sessionId, /^sess_/);
  assertDiff(first.memoryUpdates);
  const session = await memory.sessions.get(first.sessionId);
  assert.deepEqual(session.scope, { user: 'mc' + TAG });
  const second = await memory.chat('Where do I work?', { sessionId: first.sessionId });
  assert.equal(second.sessionId, first.sessionId);
  assert.match(second.reply, /Globex/);

  const stream = await memory.chat('Where do I work?', { sessionId: first.sessionId, stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.delta;
  const result = await stream.finalResult();
  assert.equal(text, result.reply);
  assert.equal(result.sessionId, first.sessionId);
  assert.equal((await session.turns()).length, 6);
});

test('a real response-model failure: 503 ModelError with provider and userTurnId; the retry reuses the stored user turn', async () => {
  // A context whose response model is an OpenAI-compatible server that is not there.
  const management = (path, init = {}) => fetch(server.url + '/api/v1' + path, { ...init, headers: {
    Authorization: `Bearer ${server.managementKey}`, 'Content-Type': 'application/json' } });
  const id = 'js-broken-' + TAG;
  assert.equal((await management('/contexts', { method: 'POST', body: JSON.stringify({ id }) })).status, 201);
  const patched = await management(`/contexts/${id}`, { method: 'PATCH', body: JSON.stringify({ config: {
    models: { response: { provider: 'openai', model: 'gpt-4o-mini', base_url: 'http://127.0.0.1:9/v1' } }, providers: { openai: 'sk-not-real' } } }) });
  assert.equal(patched.status, 200, await patched.text());
  const { key } = await (await management(`/contexts/${id}/keys`, { method: 'POST', body: JSON.stringify({ name: 'sdk' }) })).json();
  const broken = new Spectron({ baseUrl: server.url, apiKey: key }).memory(id);
  const session = await broken.sessions.create({ scope: { user: 'broken' + TAG } });
  try {
    let failure;
    await assert.rejects(session.chat('I live in Quito.', { maxRetries: 1 }), (e) => { failure = e; return true; });
    assert.ok(failure instanceof ModelError && failure instanceof ServerError, String(failure));
    assert.ok([502, 503].includes(failure.status));
    assert.equal(failure.provider, 'openai');
    assert.equal(failure.sessionId, session.id);
    assert.match(failure.userTurnId, /^turn_/);
    assert.match(failure.requestId, /^req_/);
    const turns = await session.turns();
    assert.deepEqual(turns.map((x) => x.id), [failure.userTurnId], 'two attempts, one stored user turn, no reply');

    await assert.rejects(session.chat('Where do I live?', { stream: true, maxRetries: 0 }), ModelError);
  } finally {
    await management(`/contexts/${id}`, { method: 'DELETE' });
  }
});
