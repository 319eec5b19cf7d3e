// Errors, retries, timeouts and streaming against fault-injecting servers (node:http), plus
// retry-once through a proxy in front of the real server (the write happens once).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Spectron, SpectronError, PermissionDeniedError, ScopeError, RateLimitError, ServerError, ModelError, ConnectionError,
  TimeoutError, ValidationError, PayloadTooLargeError, ConflictError, NotFoundError, AuthenticationError,
} from '../dist/index.js';
import { faultServer, problem, json, deadPort } from './support/faults.mjs';
import { testServer } from './support/server.mjs';

const SESSION = { id: 'sess_fault', scopes: [['user/ada/']], scope: { user: 'ada' }, createdAt: '2026-01-01T00:00:00Z' };
const opened = [];
after(async () => { for (const s of opened) await s.close(); });

async function fault(handler) {
  const server = await faultServer(handler);
  opened.push(server);
  return server;
}

function client(url, options = {}) {
  return new Spectron({ baseUrl: url, apiKey: 'sk-fault', ...options });
}

function sessionFor(url, options) {
  return client(url, options).memory('default').sessions.get('sess_fault');
}

test('403 is a PermissionDeniedError (alias ScopeError) with the problem fields, not retried', async () => {
  const s = await fault((req, res) => problem(res, 403, { type: 'urn:spectron:problem:forbidden', detail: 'scope user/bob/ is outside your grant' }));
  const memory = client(s.url).memory('default');
  await assert.rejects(memory.state(), (e) => {
    assert.ok(e instanceof PermissionDeniedError && e instanceof ScopeError && e instanceof SpectronError);
    assert.equal(e.status, 403);
    assert.equal(e.type, 'urn:spectron:problem:forbidden');
    assert.equal(e.detail, 'scope user/bob/ is outside your grant');
    assert.equal(e.requestId, 'req_injected');
    assert.match(e.message, /outside your grant/);
    return true;
  });
  assert.equal(s.requests.length, 1);
});

test('each status maps to its class', async () => {
  const cases = [[400, ValidationError], [422, ValidationError], [413, PayloadTooLargeError], [401, AuthenticationError],
    [404, NotFoundError], [409, ConflictError], [500, ServerError], [501, ServerError]];
  for (const [status, cls] of cases) {
    const s = await fault((req, res) => problem(res, status));
    await assert.rejects(client(s.url, { maxRetries: 0 }).memory('default').profile(), (e) => e instanceof cls && e.status === status);
  }
});

test('a non-JSON error body still gives a typed error; the request id comes from X-Request-Id', async () => {
  const s = await fault((req, res) => { res.writeHead(502, { 'Content-Type': 'text/html', 'X-Request-Id': 'req_hdr' }); res.end('<h1>Bad gateway</h1>'); });
  await assert.rejects(client(s.url, { maxRetries: 0 }).memory('default').profile(), (e) => {
    assert.ok(e instanceof ServerError);
    assert.equal(e.status, 502);
    assert.equal(e.requestId, 'req_hdr');
    assert.match(e.message, /Bad gateway/);
    return true;
  });
});

test('429: a GET is retried maxRetries times honouring Retry-After, then RateLimitError with retryAfter', async () => {
  const s = await fault((req, res) => problem(res, 429, {}, { 'Retry-After': '0' }));
  await assert.rejects(client(s.url).memory('default').profile(), (e) => e instanceof RateLimitError && e.retryAfter === 0);
  assert.equal(s.requests.length, 3); // default maxRetries 2

  const t = await fault((req, res) => problem(res, 429, {}, { 'Retry-After': '7' }));
  await assert.rejects(client(t.url, { maxRetries: 0 }).memory('default').profile(), (e) => e instanceof RateLimitError && e.retryAfter === 7);
  assert.equal(t.requests.length, 1);
});

test('Retry-After is waited for before the retry', async () => {
  const s = await fault((req, res, { n }) => (n === 1 ? problem(res, 429, {}, { 'Retry-After': '1' }) : json(res, 200, { static: [] })));
  const started = Date.now();
  const profile = await client(s.url).memory('default').profile();
  assert.deepEqual(profile.static, []);
  assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  assert.equal(s.requests.length, 2);
});

test('500 is not retried; 502/503/504 are (for idempotent calls)', async () => {
  const s500 = await fault((req, res) => problem(res, 500));
  await assert.rejects(client(s500.url).memory('default').profile(), ServerError);
  assert.equal(s500.requests.length, 1);
  for (const status of [502, 503, 504]) {
    const s = await fault((req, res, { n }) => (n === 1 ? problem(res, status, {}, { 'Retry-After': '0' }) : json(res, 200, { static: [] })));
    await client(s.url).memory('default').profile();
    assert.equal(s.requests.length, 2, `status ${status}`);
  }
});

test('a DELETE (no idempotency key) is never retried', async () => {
  const s = await fault((req, res) => problem(res, 503, {}, { 'Retry-After': '0' }));
  await assert.rejects(client(s.url).memory('default').sessions.delete('sess_x'), ServerError);
  assert.equal(s.requests.length, 1);
  assert.equal(s.requests[0].method, 'DELETE');
});

test('every write carries an auto Idempotency-Key (a UUID) reused by its retries; a caller key is sent as given', async () => {
  const s = await fault((req, res, { n }) => {
    if (req.method === 'GET') return json(res, 200, SESSION);
    if (n === 2) return problem(res, 503, {}, { 'Retry-After': '0' });
    return json(res, 201, { turnId: 'turn_1', turn: {}, entities: [] });
  });
  const session = await sessionFor(s.url);
  await session.turn({ role: 'user', content: 'hello' });
  const [, first, second] = s.requests;
  assert.match(first.headers['idempotency-key'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(second.headers['idempotency-key'], first.headers['idempotency-key']);
  assert.equal(first.headers.authorization, 'Bearer sk-fault');
  assert.match(first.headers['user-agent'], /^spectron-js\//);
  assert.equal(first.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(first.body), { role: 'user', content: 'hello' });

  await session.turn({ role: 'user', content: 'again', idempotencyKey: 'my-key-1' });
  assert.equal(s.requests.at(-1).headers['idempotency-key'], 'my-key-1');
  await session.turn({ role: 'user', content: 'third' });
  assert.notEqual(s.requests.at(-1).headers['idempotency-key'], first.headers['idempotency-key']);
  assert.equal(s.requests.filter((r) => r.method === 'GET')[0].headers['idempotency-key'], undefined);
});

test('a timeout is a TimeoutError (a ConnectionError, status 0); idempotent calls retry it', async () => {
  const s = await fault(() => { /* never answers */ });
  const started = Date.now();
  await assert.rejects(client(s.url, { timeout: 200, maxRetries: 0 }).memory('default').profile(), (e) => {
    assert.ok(e instanceof TimeoutError && e instanceof ConnectionError);
    assert.equal(e.status, 0);
    assert.match(e.message, /timed out after 200 ms/);
    return true;
  });
  assert.ok(Date.now() - started < 5000);
  assert.equal(s.requests.length, 1);
  const r = await fault(() => {});
  await assert.rejects(client(r.url, { timeout: 150, maxRetries: 1 }).memory('default').profile({ maxRetries: 1 }), TimeoutError);
  assert.equal(r.requests.length, 2);
});

test('a slow body also times out (the deadline covers reading the response)', async () => {
  const s = await fault((req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.write('{"static":'); });
  await assert.rejects(client(s.url, { timeout: 300, maxRetries: 0 }).memory('default').profile(), TimeoutError);
});

test('connection refused is a ConnectionError with status 0, after the retries', async () => {
  const port = await deadPort();
  const started = Date.now();
  await assert.rejects(client(`http://127.0.0.1:${port}`, { maxRetries: 1 }).memory('default').profile(), (e) => {
    assert.ok(e instanceof ConnectionError && !(e instanceof TimeoutError));
    assert.equal(e.status, 0);
    assert.match(e.message, /ECONNREFUSED/);
    return true;
  });
  assert.ok(Date.now() - started >= 300, 'one backoff happened');
});

test('a connection reset on a GET is retried and the call succeeds', async () => {
  const s = await fault((req, res, { n }) => (n === 1 ? req.socket.destroy() : json(res, 200, { static: ['ok'] })));
  const profile = await client(s.url).memory('default').profile();
  assert.deepEqual(profile.static, ['ok']);
  assert.equal(s.requests.length, 2);
});

test('the caller\'s AbortSignal aborts the call with its own reason', async () => {
  const s = await fault(() => {});
  const controller = new AbortController();
  const pending = client(s.url).memory('default').profile({ signal: controller.signal });
  setTimeout(() => controller.abort(new Error('user gave up')), 50);
  await assert.rejects(pending, /user gave up/);
});

test('retry once through a proxy: a 503 before the write, then forwarded; the turn is stored once', async () => {
  const server = await testServer();
  const real = new Spectron({ baseUrl: server.url, apiKey: server.apiKey });
  const session = await real.memory('default').sessions.create({ scope: { user: 'retry-once' } });
  let posts = 0;
  const proxy = await fault(async (req, res, info) => {
    if (req.method === 'POST' && ++posts === 1) return problem(res, 503, {}, { 'Retry-After': '0' }); // before the write
    const forwarded = await info.forward(server.url);
    res.writeHead(forwarded.status, { 'Content-Type': forwarded.headers.get('content-type') ?? 'application/json' });
    res.end(forwarded.body);
  });
  const s = await new Spectron({ baseUrl: proxy.url, apiKey: server.apiKey }).memory('default').sessions.get(session.id);
  const result = await s.turn({ role: 'user', content: 'I live in Oslo.' });
  assert.ok(result.turnId.startsWith('turn_'));
  assert.equal(posts, 2, 'the write was sent twice: refused once, then forwarded');
  const turns = await session.turns();
  assert.equal(turns.length, 1);
  assert.equal(turns[0].content, 'I live in Oslo.');
  assert.equal(turns[0].id, result.turnId);
});

test('retry after a lost response: the write reached the server, the retry is replayed, stored once', async () => {
  const server = await testServer();
  const real = new Spectron({ baseUrl: server.url, apiKey: server.apiKey });
  const session = await real.memory('default').sessions.create({ scope: { user: 'lost-response' } });
  let replayed;
  const proxy = await fault(async (req, res, info) => {
    const forwarded = await info.forward(server.url);
    if (req.method === 'POST' && info.n === 2) return problem(res, 503, {}, { 'Retry-After': '0' }); // the write happened; its answer is lost
    if (req.method === 'POST') replayed = forwarded.headers.get('idempotent-replayed');
    res.writeHead(forwarded.status, { 'Content-Type': forwarded.headers.get('content-type') ?? 'application/json' });
    res.end(forwarded.body);
  });
  const s = await new Spectron({ baseUrl: proxy.url, apiKey: server.apiKey }).memory('default').sessions.get(session.id);
  const result = await s.turn({ role: 'user', content: 'My favourite colour is teal.' });
  assert.equal(replayed, 'true', 'the retry was answered from the stored response');
  const turns = await session.turns();
  assert.equal(turns.length, 1);
  assert.equal(result.turnId, turns[0].id);
  const posts = proxy.requests.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 2);
  assert.equal(posts[0].headers['idempotency-key'], posts[1].headers['idempotency-key']);
});

// ---- chat failures and streams (fault servers speak the chat contract) ----

const DONE = { done: true, reply: 'Hello world', memory_updates: { entities: [{ name: 'ada' }] }, sessionId: 'sess_fault',
  turnId: 'turn_u', assistantTurnId: 'turn_a', traceId: 'trace_1', model: 'builtin/builtin', citations: [{ marker: '[S1]', id: 'doc_1', kind: 'turn', score: 0.5 }] };

function sse(res, frames, { end = true } = {}) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  for (const f of frames) res.write(f);
  if (end) res.end();
}

function chatServer(onChat) {
  return fault((req, res, info) => (req.method === 'GET' ? json(res, 200, SESSION) : onChat(req, res, info)));
}

test('chat model failure (503 model-unavailable) is a ModelError with provider, userTurnId, retryAfter; retried with the same key', async () => {
  const s = await chatServer((req, res) => problem(res, 503, { type: 'urn:spectron:problem:model-unavailable', provider: 'openai',
    userTurnId: 'turn_kept', sessionId: 'sess_fault', detail: 'openai: timeout' }, { 'Retry-After': '0' }));
  const session = await sessionFor(s.url);
  await assert.rejects(session.chat('hi'), (e) => {
    assert.ok(e instanceof ModelError && e instanceof ServerError);
    assert.equal(e.status, 503);
    assert.equal(e.provider, 'openai');
    assert.equal(e.userTurnId, 'turn_kept');
    assert.equal(e.sessionId, 'sess_fault');
    assert.equal(e.retryAfter, 0);
    return true;
  });
  const posts = s.requests.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 3);
  assert.equal(new Set(posts.map((p) => p.headers['idempotency-key'])).size, 1);
  assert.deepEqual(JSON.parse(posts[0].body), { message: 'hi' });
});

test('chat 502 model-failed is a ModelError, not retried when maxRetries is 0', async () => {
  const s = await chatServer((req, res) => problem(res, 502, { type: 'urn:spectron:problem:model-failed', provider: 'anthropic', userTurnId: 't' }));
  const session = await sessionFor(s.url);
  await assert.rejects(session.chat('hi', { maxRetries: 0 }), (e) => e instanceof ModelError && e.status === 502 && e.provider === 'anthropic');
  assert.equal(s.requests.filter((r) => r.method === 'POST').length, 1);
});

test('chat JSON result reads memory_updates (session route) and memoryUpdates (/chat route)', async () => {
  const s = await fault((req, res) => {
    if (req.method === 'GET') return json(res, 200, SESSION);
    if (req.url.endsWith('/sessions/sess_fault/chat')) return json(res, 200, { ...DONE, done: undefined });
    const { memory_updates, ...rest } = DONE;
    return json(res, 200, { ...rest, memoryUpdates: memory_updates });
  });
  const session = await sessionFor(s.url);
  const a = await session.chat('hi');
  assert.equal(a.reply, 'Hello world');
  assert.equal(a.memoryUpdates.entities[0].name, 'ada');
  assert.deepEqual(a.memoryUpdates.corrections, []);
  assert.equal(a.assistantTurnId, 'turn_a');
  const b = await client(s.url).memory('default').chat('hi', { sessionId: 'sess_fault', scope: { user: 'ada' } });
  assert.equal(b.memoryUpdates.entities[0].name, 'ada');
  assert.deepEqual(JSON.parse(s.requests.at(-1).body), { message: 'hi', sessionId: 'sess_fault', scope: { user: 'ada' } });
});

test('stream: deltas, keep-alive comments, multi-line data, then event: done with the full result', async () => {
  const s = await chatServer((req, res) => sse(res, [': keep-alive\n\n', 'data: {"delta":"Hello "}\n\n', 'data: {"delta":\ndata: "world"}\n\n',
    `event: done\ndata: ${JSON.stringify(DONE)}\n\n`]));
  const session = await sessionFor(s.url);
  const stream = await session.chat('hi', { stream: true });
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  assert.deepEqual(chunks.map((c) => c.delta), ['Hello ', 'world', '']);
  assert.deepEqual(chunks.map((c) => c.done), [false, false, true]);
  const final = chunks.at(-1).result;
  assert.equal(final.reply, 'Hello world');
  assert.equal(final.memoryUpdates.entities[0].name, 'ada');
  assert.equal(final.turnId, 'turn_u');
  assert.equal(stream.result, final);
  assert.equal(stream.text, 'Hello world');
  assert.equal(await stream.finalResult(), final);
  const post = s.requests.find((r) => r.method === 'POST');
  assert.equal(post.headers.accept, 'text/event-stream');
  assert.deepEqual(JSON.parse(post.body), { message: 'hi', stream: true });
});

test('stream: "done": true without an event name, and data: [DONE], both end the stream', async () => {
  const a = await chatServer((req, res) => sse(res, ['data: {"token":"Hi"}\n\n', `data: ${JSON.stringify(DONE)}\n\n`, 'data: {"delta":"ignored"}\n\n']));
  const chunksA = [];
  for await (const c of await (await sessionFor(a.url)).chat('x', { stream: true })) chunksA.push(c);
  assert.deepEqual(chunksA.map((c) => c.delta), ['Hi', '']);
  assert.equal(chunksA.at(-1).result.sessionId, 'sess_fault');

  const b = await chatServer((req, res) => sse(res, ['data: {"delta":"one "}\r\n\r\n', 'data: {"delta":"two"}\n\n', 'data: [DONE]\n\n']));
  const stream = await (await sessionFor(b.url)).chat('x', { stream: true });
  const result = await stream.finalResult();
  assert.equal(result.reply, 'one two', 'the reply is the streamed text when the end frame has none');
  assert.deepEqual(result.memoryUpdates.entities, []);
});

test('stream: event: error after deltas throws the typed error from the loop', async () => {
  const s = await chatServer((req, res) => sse(res, ['data: {"delta":"Hel"}\n\n',
    'event: error\ndata: {"type":"urn:spectron:problem:model-unavailable","status":503,"detail":"openai: connection reset","provider":"openai","userTurnId":"turn_u"}\n\n']));
  const stream = await (await sessionFor(s.url)).chat('x', { stream: true });
  const seen = [];
  await assert.rejects(async () => { for await (const c of stream) seen.push(c.delta); }, (e) => {
    assert.ok(e instanceof ModelError);
    assert.equal(e.status, 503);
    assert.equal(e.userTurnId, 'turn_u');
    assert.match(e.message, /connection reset/);
    return true;
  });
  assert.deepEqual(seen, ['Hel']);
});

test('stream: a connection lost before the final chunk is a ConnectionError', async () => {
  const s = await chatServer((req, res) => { sse(res, ['data: {"delta":"Hel"}\n\n'], { end: false }); setTimeout(() => res.socket.destroy(), 50); });
  const stream = await (await sessionFor(s.url)).chat('x', { stream: true });
  await assert.rejects(async () => { for await (const c of stream) void c; }, ConnectionError);

  const t = await chatServer((req, res) => sse(res, ['data: {"delta":"Hel"}\n\n']));
  await assert.rejects((await (await sessionFor(t.url)).chat('x', { stream: true })).finalResult(), /ended before its final chunk/);
});

test('stream: a 503 before streaming begins is retried; a problem before any delta is thrown from chat()', async () => {
  const s = await chatServer((req, res, { n }) => (n === 2 ? problem(res, 503, {}, { 'Retry-After': '0' }) : sse(res, [`event: done\ndata: ${JSON.stringify(DONE)}\n\n`])));
  const result = await (await (await sessionFor(s.url)).chat('x', { stream: true })).finalResult();
  assert.equal(result.reply, 'Hello world');
  const t = await chatServer((req, res) => problem(res, 400, { type: 'urn:spectron:problem:invalid-input', field: 'message' }));
  await assert.rejects((await sessionFor(t.url)).chat('', { stream: true }), (e) => e instanceof ValidationError && e.field === 'message');
});

test('stream: a server that answers JSON instead of SSE gives one final chunk', async () => {
  const s = await chatServer((req, res) => json(res, 200, { ...DONE, done: undefined }));
  const chunks = [];
  for await (const c of await (await sessionFor(s.url)).chat('x', { stream: true })) chunks.push(c);
  assert.equal(chunks.length, 1);
  assert.equal(chunks[0].done, true);
  assert.equal(chunks[0].result.reply, 'Hello world');
});

test('stream: abort() closes the connection mid-stream', async () => {
  const s = await chatServer((req, res) => sse(res, ['data: {"delta":"a"}\n\n'], { end: false }));
  const stream = await (await sessionFor(s.url)).chat('x', { stream: true });
  await assert.rejects(async () => {
    for await (const c of stream) { assert.equal(c.delta, 'a'); stream.abort(); }
  }, (e) => e.name === 'AbortError');
});
