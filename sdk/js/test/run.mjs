// The test run: start ONE real server, run every test file against it with node --test, stop it.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './support/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const files = (process.argv.length > 2 ? process.argv.slice(2) : readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, f)));

const started = Date.now();
const server = await startServer();
console.log(`# spectron server ${server.url} ready in ${Date.now() - started} ms`);
let code = 1;
try {
  code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', ...files], {
      stdio: 'inherit',
      env: { ...process.env, SPECTRON_TEST_URL: server.url, SPECTRON_TEST_API_KEY: server.apiKey,
        SPECTRON_TEST_MANAGEMENT_KEY: server.managementKey },
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
} finally {
  if (code !== 0) console.error('--- server log (tail)\n' + server.logs().slice(-3000));
  await server.stop();
}
process.exit(code);
