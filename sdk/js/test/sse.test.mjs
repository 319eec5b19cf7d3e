// The SSE parser (spectron-api.md §3): frames, multi-line data, comments, line endings, chunking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSSE } from '../dist/index.js';

const enc = new TextEncoder();

async function frames(pieces) {
  const stream = new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(typeof p === 'string' ? enc.encode(p) : p);
      controller.close();
    },
  });
  const out = [];
  for await (const f of parseSSE(stream)) out.push(f);
  return out;
}

test('frames are split on a blank line; event defaults to message', async () => {
  const out = await frames(['data: {"delta":"Hello "}\n\ndata: {"delta":"world"}\n\nevent: done\ndata: {"done":true}\n\n']);
  assert.deepEqual(out, [
    { event: 'message', data: '{"delta":"Hello "}' },
    { event: 'message', data: '{"delta":"world"}' },
    { event: 'done', data: '{"done":true}' },
  ]);
});

test('multi-line data is joined with \\n; comments are ignored; one leading space is dropped', async () => {
  const out = await frames([': keep-alive\n\ndata: line one\ndata:line two\ndata:  indented\n: comment inside\n\n']);
  assert.deepEqual(out, [{ event: 'message', data: 'line one\nline two\n indented' }]);
});

test('CRLF and CR line endings, and \\r\\n split across chunks', async () => {
  const out = await frames(['data: a\r', '\n\r\ndata: b\r\rdata: c\r\n', '\r\n']);
  assert.deepEqual(out.map((f) => f.data), ['a', 'b', 'c']);
});

test('a frame split byte by byte, with multi-byte UTF-8 split inside a character', async () => {
  const bytes = enc.encode('data: {"delta":"olá ☃ 🚀"}\n\n');
  const out = await frames([...bytes].map((b) => new Uint8Array([b])));
  assert.equal(JSON.parse(out[0].data).delta, 'olá ☃ 🚀');
});

test('an unterminated last frame is still delivered; id is kept', async () => {
  const out = await frames(['id: 7\nevent: done\ndata: {"done":true}']);
  assert.deepEqual(out, [{ event: 'done', data: '{"done":true}', id: '7' }]);
});

test('a comment-only stream yields nothing; data: [DONE] comes through as data', async () => {
  assert.deepEqual(await frames([':\n\n: ping\n\n']), []);
  assert.deepEqual(await frames(['data: [DONE]\n\n']), [{ event: 'message', data: '[DONE]' }]);
});
