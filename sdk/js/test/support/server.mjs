// Starts one real Spectron server (embedded default: SQLite, in-process embeddings, builtin models)
// for a test run, or reuses the one test/run.mjs started (env SPECTRON_TEST_URL & co).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../../..');

export function jarPath() {
  return process.env.SPECTRON_JAR || join(repoRoot, 'spectron-cli/target/spectron.jar');
}

export function javaPath() {
  if (process.env.JAVA_HOME) return join(process.env.JAVA_HOME, 'bin/java');
  return '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';
}

/** Starts a server; resolves to { url, apiKey, managementKey, stop() } once the banner names its URL. */
export async function startServer({ timeoutMs = 180_000 } = {}) {
  const jar = jarPath();
  if (!existsSync(jar)) throw new Error(`no server jar at ${jar}: run bin/spectron --help to build it, or set SPECTRON_JAR`);
  const dataDir = mkdtempSync(join(tmpdir(), 'spectron-js-test-'));
  const apiKey = 'sk-test-' + randomBytes(12).toString('hex');
  const managementKey = 'mk-test-' + randomBytes(12).toString('hex');
  const env = { ...process.env, SPECTRON_BIND_ADDRESS: '127.0.0.1:0', SPECTRON_DATA_DIR: dataDir, SPECTRON_API_KEY: apiKey,
    SPECTRON_MANAGEMENT_API_KEY: managementKey };
  delete env.OPENAI_API_KEY; // the builtin models, whatever the machine has
  delete env.ANTHROPIC_API_KEY;
  delete env.GEMINI_API_KEY;
  const child = spawn(javaPath(), ['--enable-native-access=ALL-UNNAMED', '-jar', jar, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-20_000); });
  const url = await new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`server did not print its banner within ${timeoutMs} ms`)), timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- stdout\n${stdout}\n--- stderr (tail)\n${stderr.slice(-4000)}`));
    }
    child.stdout.on('data', (d) => {
      stdout += d;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code} before it was ready`)));
    child.on('error', fail);
  });
  child.stdout.resume();
  child.removeAllListeners('exit');
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  /** Lets this process exit while the server runs (the caller kills it on exit). */
  const unref = () => {
    child.unref();
    child.stdout.unref?.();
    child.stderr.unref?.();
  };
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, apiKey, managementKey, stop, kill, unref, logs: () => stderr };
}

let shared;

/**
 * The server of this test run: the one test/run.mjs started (env), else one started here for this
 * file alone, killed when the process exits.
 */
export async function testServer() {
  if (process.env.SPECTRON_TEST_URL) {
    return { url: process.env.SPECTRON_TEST_URL, apiKey: process.env.SPECTRON_TEST_API_KEY,
      managementKey: process.env.SPECTRON_TEST_MANAGEMENT_KEY, stop: async () => {} };
  }
  if (!shared) {
    shared = startServer().then((server) => {
      server.unref();
      process.once('exit', () => server.kill());
      return server;
    });
  }
  return shared;
}
