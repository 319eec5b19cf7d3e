// The two examples under examples/js, run as programs against the test server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testServer, repoRoot } from './support/server.mjs';

const examples = join(repoRoot, 'examples/js');
const TAG = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
let server;

before(async () => {
  server = await testServer();
  assert.ok(existsSync(join(examples, 'node_modules/spectron/package.json')),
    'examples/js/node_modules/spectron is missing: run `npm ci` in examples/js (sdk/js/run-tests does)');
});

function run(script, args, { stdin } = {}) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, SPECTRON_URL: server.url, SPECTRON_API_KEY: server.apiKey };
    delete env.OPENAI_API_KEY; // the offline stand-in model, always
    const child = spawn(process.execPath, [script, ...args], { cwd: examples, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.stdin.end(stdin ?? '');
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${script} timed out\n${out}\n${err}`)); }, 120_000);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, out, err }); });
  });
}

/** The reply printed after `you> <message>`. */
function replyTo(out, message) {
  const lines = out.split('\n');
  const at = lines.indexOf(`you> ${message}`);
  assert.ok(at >= 0, `no "you> ${message}" in:\n${out}`);
  const reply = lines.slice(at + 1).find((l) => l.startsWith('assistant> '));
  assert.ok(reply, `no reply after "${message}" in:\n${out}`);
  return reply;
}

test('caller-loop.mjs: turn + context + the offline model + assistant turn; message 1\'s fact is quoted later', async () => {
  const { code, out, err } = await run('caller-loop.mjs', [`--user=cl${TAG}`, 'I live in Tallinn and I have a dog named Rex.', 'Where do I live?']);
  assert.equal(code, 0, err);
  assert.match(out, /^session sess_/);
  assert.match(out, /\(memory: .*home=Tallinn/);
  const reply = replyTo(out, 'Where do I live?');
  assert.match(reply, /\[offline model\]/);
  assert.match(reply, /Tallinn/);
});

test('caller-loop.mjs: messages from piped stdin', async () => {
  const { code, out, err } = await run('caller-loop.mjs', [`--user=cp${TAG}`], { stdin: 'I live in Riga.\nWhere do I live?\n' });
  assert.equal(code, 0, err);
  assert.match(replyTo(out, 'Where do I live?'), /Riga/);
});

test('full-loop.mjs: session.chat() per message; message 1\'s fact is in a later reply (JSON and --stream)', async () => {
  const plain = await run('full-loop.mjs', [`--user=fl${TAG}`, 'I live in Vilnius.', 'Where do I live?']);
  assert.equal(plain.code, 0, plain.err);
  assert.match(replyTo(plain.out, 'Where do I live?'), /Vilnius/);
  assert.match(plain.out, /\(memory: .*home=Vilnius/);

  const streamed = await run('full-loop.mjs', ['--stream', `--user=fs${TAG}`, 'I live in Krakow.', 'Where do I live?']);
  assert.equal(streamed.code, 0, streamed.err);
  assert.match(replyTo(streamed.out, 'Where do I live?'), /Krakow/);
});

test('full-loop.mjs with no arguments and empty stdin runs the demo conversation', async () => {
  const { code, out, err } = await run('full-loop.mjs', [`--user=fd${TAG}`]);
  assert.equal(code, 0, err);
  assert.match(replyTo(out, 'Where do I live?'), /Lisbon/);
});
