// Every verb against a real server (embedded default), and the error types the server emits.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Spectron, Session, AuthenticationError, NotFoundError, ValidationError, ConflictError, SpectronError,
} from '../dist/index.js';
import { testServer } from './support/server.mjs';

// Names unique to this run, so the file can run again against the same server.
const TAG = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const u = (name) => name + TAG;

let server;
let client;
let memory;
before(async () => {
  server = await testServer();
  client = new Spectron({ baseUrl: server.url, apiKey: server.apiKey });
  memory = client.memory('default');
});

test('construction: env fallbacks SPECTRON_URL / SPECTRON_API_KEY, /api/v1 suffix accepted, a key is required', async () => {
  const saved = { url: process.env.SPECTRON_URL, key: process.env.SPECTRON_API_KEY };
  try {
    process.env.SPECTRON_URL = server.url + '/api/v1/';
    process.env.SPECTRON_API_KEY = server.apiKey;
    const fromEnv = new Spectron();
    assert.equal(fromEnv.baseUrl, server.url);
    assert.equal(fromEnv.maxRetries, 2);
    assert.deepEqual(await fromEnv.health(), { ...(await client.health()) });
    delete process.env.SPECTRON_API_KEY;
    assert.throws(() => new Spectron({ baseUrl: server.url }), /SPECTRON_API_KEY/);
  } finally {
    if (saved.url === undefined) delete process.env.SPECTRON_URL; else process.env.SPECTRON_URL = saved.url;
    if (saved.key === undefined) delete process.env.SPECTRON_API_KEY; else process.env.SPECTRON_API_KEY = saved.key;
  }
});

test('health', async () => {
  const health = await client.health();
  assert.equal(health.status, 'ok');
});

test('sessions: create (key-value and DNF scope, metadata), get, list, delete', async () => {
  const a = await memory.sessions.create({ scope: { user: 'ada', org: 'acme' }, metadata: { channel: 'web' } });
  assert.ok(a instanceof Session);
  assert.match(a.id, /^sess_/);
  assert.deepEqual(a.scopes, [['org/acme/', 'user/ada/']]);
  assert.deepEqual(a.scope, { org: 'acme', user: 'ada' });
  assert.deepEqual(a.metadata, { channel: 'web' });
  assert.ok(!Number.isNaN(Date.parse(a.createdAt)));

  const b = await memory.sessions.create({ scopes: [['org/acme/', 'user/bob/']] });
  assert.deepEqual(b.scopes, [['org/acme/', 'user/bob/']]);
  const c = await memory.sessions.create({ scope: 'user/cy' });
  assert.deepEqual(c.scopes, [['user/cy/']]);

  const got = await memory.sessions.get(a.id);
  assert.equal(got.id, a.id);
  assert.deepEqual(got.metadata, { channel: 'web' });
  assert.deepEqual(JSON.parse(JSON.stringify(got)).id, a.id);

  const list = await memory.sessions.list({ limit: 500 });
  const ids = list.map((s) => s.id);
  assert.ok(ids.includes(a.id) && ids.includes(b.id));
  assert.ok(list.every((s) => s instanceof Session));
  assert.equal((await memory.sessions.list({ limit: 1 })).length, 1);

  await memory.sessions.delete(b.id);
  await assert.rejects(memory.sessions.get(b.id), NotFoundError);
  await c.delete();
  await assert.rejects(memory.sessions.get(c.id), NotFoundError);
});

test('session.turn returns the typed diff; turns() is the transcript; context() finds the fact', async () => {
  const session = await memory.sessions.create({ scope: { user: u('ada') } });
  const first = await session.turn({ role: 'user', content: 'I moved to Porto last month.', ts: '2026-05-08T13:56:00Z' });
  assert.match(first.turnId, /^turn_/);
  assert.equal(first.turn.id, first.turnId);
  assert.equal(first.turn.role, 'user');
  assert.equal(first.turn.ts, '2026-05-08T13:56:00Z');
  for (const key of ['entities', 'attributes', 'relations', 'instructions', 'uncertainties', 'corrections', 'invalidations']) {
    assert.ok(Array.isArray(first[key]), key);
  }
  assert.equal(first.extraction.status, 'ok');
  const home = first.attributes.find((a) => a.key === 'home');
  assert.equal(home?.value, 'Porto');
  assert.equal(home.entity, 'person/' + u('ada'));
  assert.ok(first.entities.some((e) => e.path === 'person/' + u('ada') && typeof e.isNew === 'boolean'));

  await session.turn({ role: 'assistant', content: 'Porto is lovely.', ts: new Date('2026-05-08T13:57:00Z') });
  const moved = await session.turn({ role: 'user', content: 'Actually, I live in Lisbon now.' });
  assert.ok(moved.corrections.length + moved.attributes.length > 0);

  const turns = await session.turns();
  assert.deepEqual(turns.map((t) => t.role), ['user', 'assistant', 'user']);
  assert.deepEqual(turns.map((t) => t.seq), [1, 2, 3]);
  assert.equal(turns[1].ts, '2026-05-08T13:57:00.000Z'.replace('.000', ''));
  assert.equal((await session.turns({ limit: 1, offset: 1 }))[0].role, 'assistant');

  const ctx = await session.context({ query: 'where do I live', k: 5 });
  assert.match(ctx.context, /<memory trust="untrusted-data">/);
  assert.match(ctx.context, /Lisbon/);
  assert.ok(['direct', 'hybrid', 'full_context', 'cache'].includes(ctx.tier));
  assert.equal(typeof ctx.queryMs, 'number');
  assert.match(ctx.traceId, /^trace_/);
  assert.ok(Array.isArray(ctx.citations) && ctx.citations.length > 0);
  assert.ok(ctx.citations[0].marker && ctx.citations[0].id);
  const short = await session.context('where do I live');
  assert.match(short.context, /Lisbon/);
});

test('remember (full, triples, preview, none), rememberMany, recall, context', async () => {
  const full = await memory.remember('I am allergic to peanuts.', { scope: { user: u('rem') } });
  assert.equal(full.mode, 'full');
  assert.match(full.sessionId, /^sess_/);
  assert.match(full.turnId, /^turn_/);
  assert.ok(full.extraction.attributes.some((a) => /peanut/i.test(a.value)));

  const triples = await memory.remember(undefined, { infer: 'triples',
    triples: [{ entity: { type: 'product', name: 'SKU-' + TAG }, key: 'price', value: '12 EUR' }] });
  assert.equal(triples.mode, 'triples');
  assert.ok(triples.extraction.attributes.some((a) => a.key === 'price' && a.value === '12 EUR'));

  const preview = await memory.remember('My favourite colour is green.', { infer: 'preview' });
  assert.equal(preview.preview, true);
  assert.equal(preview.turnId, undefined);

  const none = await memory.remember('Meeting notes: ship the SDK on Friday.', { infer: 'none' });
  assert.equal(none.mode, 'none');
  assert.ok(none.chunkId);

  const many = await memory.rememberMany([
    { role: 'user', content: 'I have a cat named Miso.', ts: '2023-05-08T13:56:00Z' },
    { role: 'assistant', content: 'Miso is a lovely name.' },
  ], { extract: 'per_message', scope: { user: u('rem') } });
  assert.equal(many.turnIds.length, 2);
  assert.equal(many.extractions.length, 2);

  const recall = await memory.recall('What is the price of SKU-' + TAG + '?', { k: 5 });
  assert.ok(recall.hits.length > 0);
  assert.ok(recall.hits.some((h) => /12 EUR/.test(h.text)));
  assert.ok(typeof recall.hits[0].score === 'number' && recall.hits[0].id && recall.hits[0].source);
  assert.match(recall.trace.traceId, /^trace_/);
  const lensed = await memory.recall('cat', { lens: { user: u('rem') }, mode: 'bm25' });
  assert.ok(lensed.hits.some((h) => /Miso/.test(h.text)));

  const ctx = await memory.context('peanuts allergy', { k: 5, lens: [['user/' + u('rem') + '/']] });
  assert.match(ctx.context, /peanut/i);
  assert.ok(Array.isArray(ctx.citations));
});

test('state, profile, entities, entity, entityHistory, deleteEntity', async () => {
  const session = await memory.sessions.create({ scope: { user: u('eve') } });
  await session.turn({ role: 'user', content: 'I live in Berlin. I have a dog named Bo.' });
  await session.turn({ role: 'user', content: 'I moved to Hamburg.' });
  await session.turn({ role: 'user', content: 'Always answer in bullet points.' });

  const state = await memory.state();
  for (const cat of ['identity', 'knowledge', 'context']) {
    assert.ok(Array.isArray(state[cat].entities) && Array.isArray(state[cat].attributes) && Array.isArray(state[cat].relations));
  }
  assert.ok(state.identity.attributes.some((a) => a.entity === 'person/' + u('eve') && a.key === 'home' && a.value === 'Hamburg'));
  assert.ok(state.instructions.length > 0);
  assert.ok(Array.isArray(state.unknowns));

  const profile = await memory.profile();
  assert.ok(profile.static.some((p) => p.key === 'home' && p.value === 'Hamburg'));
  assert.ok(Array.isArray(profile.dynamic) && Array.isArray(profile.preferences));
  assert.ok(profile.instructions.some((i) => /bullet/i.test(i.description)));

  const people = await memory.entities({ type: 'person' });
  assert.ok(people.every((e) => e.entityType === 'person'));
  assert.ok(people.some((e) => e.path === 'person/' + u('eve')));
  assert.equal((await memory.entities({ limit: 1 })).length, 1);

  const eve = await memory.entity('person/' + u('eve'));
  assert.equal(eve.entity.path, 'person/' + u('eve'));
  assert.ok(eve.attributes.some((a) => a.key === 'home' && a.value === 'Hamburg'));
  const same = await memory.entity({ type: 'person', name: u('eve') });
  assert.equal(same.entity.id, eve.entity.id);

  const history = await memory.entityHistory('person/' + u('eve'), 'home');
  assert.deepEqual(history.map((a) => a.value), ['Berlin', 'Hamburg']);
  assert.equal(history[0].supersededBy, history[1].id);

  await memory.deleteEntity('person/' + u('eve'));
  await assert.rejects(memory.entity('person/' + u('eve')), NotFoundError);
  await assert.rejects(memory.entity('person/nobody' + TAG), NotFoundError);
  assert.throws(() => memory.entity('no-slash'), TypeError);
});

test('forget (POST /forget): dry run counts, soft forget retires, an entity key path, purge', async () => {
  const session = await memory.sessions.create({ scope: { user: u('fay') } });
  await session.turn({ role: 'user', content: 'I am allergic to shellfish.' });
  await session.turn({ role: 'user', content: 'I live in Ghent.' });
  const dry = await memory.forget('shellfish', { dryRun: true });
  assert.ok(dry.deleted >= 1, JSON.stringify(dry));
  assert.equal(dry.dryRun, true);
  assert.equal(dry.ids.length, dry.deleted);
  const done = await memory.forget('shellfish');
  assert.equal(done.deleted, dry.deleted);
  assert.deepEqual([...done.ids].sort(), [...dry.ids].sort());
  const fay = await memory.entity('person/' + u('fay'));
  assert.ok(!fay.attributes.some((a) => /shellfish/i.test(a.value)), JSON.stringify(fay.attributes));
  assert.ok(fay.attributes.some((a) => a.key === 'home' && a.value === 'Ghent'));
  assert.equal((await memory.forget('shellfish', { dryRun: true })).deleted, 0, 'nothing live is left to forget');

  const home = await memory.forget('person/' + u('fay') + '/home', { purge: true });
  assert.ok(home.deleted >= 1);
  assert.ok(!(await memory.entity('person/' + u('fay'))).attributes.some((a) => a.key === 'home'));
  await assert.rejects(memory.forget(''), ValidationError);
});

test('401: a wrong key is an AuthenticationError with the problem fields', async () => {
  const bad = new Spectron({ baseUrl: server.url, apiKey: 'sk-wrong' }).memory('default');
  await assert.rejects(bad.sessions.create({ scope: { user: 'x' } }), (e) => {
    assert.ok(e instanceof AuthenticationError && e instanceof SpectronError);
    assert.equal(e.status, 401);
    assert.equal(e.type, 'urn:spectron:problem:unauthorized');
    assert.match(e.requestId, /^req_/);
    assert.ok(e.detail);
    return true;
  });
});

test('404: an unknown session is a NotFoundError (get, turn, turns, context)', async () => {
  await assert.rejects(memory.sessions.get('sess_does_not_exist'), (e) => e instanceof NotFoundError && e.status === 404
    && e.type === 'urn:spectron:problem:not-found' && /sess_does_not_exist/.test(e.message));
  const ghost = new Session(memory, { id: 'sess_ghost', scopes: [], createdAt: '' });
  await assert.rejects(ghost.turn({ role: 'user', content: 'hi' }), NotFoundError);
  await assert.rejects(ghost.turns(), NotFoundError);
  await assert.rejects(memory.sessions.delete('sess_ghost'), NotFoundError);
});

test('400: empty content and a bad role are ValidationErrors naming the field', async () => {
  const session = await memory.sessions.create({ scope: { user: u('val') } });
  await assert.rejects(session.turn({ role: 'user', content: '' }), (e) => e instanceof ValidationError && e.status === 400 && e.field === 'content');
  await assert.rejects(session.turn({ role: 'robot', content: 'hi' }), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.field, 'role');
    assert.equal(e.type, 'urn:spectron:problem:invalid-input');
    assert.match(e.detail, /robot/);
    return true;
  });
  await assert.rejects(session.turns({ limit: 100000 }), ValidationError);
  await assert.rejects(memory.recall('x', { k: 500 }), ValidationError);
});

test('idempotency: same key + same body is replayed (stored once); same key + other body is a 409 ConflictError', async () => {
  const session = await memory.sessions.create({ scope: { user: u('idem') } });
  const key = 'idem-' + Date.now();
  const a = await session.turn({ role: 'user', content: 'I like tea.', idempotencyKey: key });
  const b = await session.turn({ role: 'user', content: 'I like tea.', idempotencyKey: key });
  assert.equal(b.turnId, a.turnId);
  assert.equal((await session.turns()).length, 1);
  await assert.rejects(session.turn({ role: 'user', content: 'I like coffee.', idempotencyKey: key }), (e) => {
    assert.ok(e instanceof ConflictError);
    assert.equal(e.status, 409);
    return true;
  });
  // without a caller key every call is a new write
  await session.turn({ role: 'user', content: 'I like tea.' });
  assert.equal((await session.turns()).length, 2);
});

test('contexts isolate: a key of another context is a 401 here; its memory is its own', async () => {
  const management = (path, init = {}) => fetch(server.url + '/api/v1' + path, { ...init, headers: {
    Authorization: `Bearer ${server.managementKey}`, 'Content-Type': 'application/json' } });
  const id = 'js-iso-' + Date.now().toString(36);
  assert.equal((await management('/contexts', { method: 'POST', body: JSON.stringify({ id }) })).status, 201);
  const minted = await (await management(`/contexts/${id}/keys`, { method: 'POST', body: JSON.stringify({ name: 'sdk' }) })).json();
  assert.ok(minted.key);
  const other = new Spectron({ baseUrl: server.url, apiKey: minted.key });
  const iso = other.memory(id);
  const session = await iso.sessions.create({ scope: { user: u('iso') } });
  await session.turn({ role: 'user', content: 'My favourite city is Kyoto.' });
  assert.ok((await iso.profile()).static.concat((await iso.profile()).preferences).some((p) => p.value === 'Kyoto'));
  await assert.rejects(other.memory('default').profile(), AuthenticationError);
  const home = await memory.profile();
  assert.ok(!home.static.concat(home.preferences, home.dynamic).some((p) => p.value === 'Kyoto'));
  await management(`/contexts/${id}`, { method: 'DELETE' });
});
