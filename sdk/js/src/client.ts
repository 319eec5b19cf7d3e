import { Memory } from './memory.js';
import { Transport, type RequestOptions } from './transport.js';
import type { Health } from './types.js';

export interface SpectronOptions {
  /** Server URL, e.g. `http://localhost:9090` (a trailing `/api/v1` is accepted). Default: env SPECTRON_URL, else `http://localhost:9090`. */
  baseUrl?: string;
  /** Data-plane API key, sent as `Authorization: Bearer <key>`. Default: env SPECTRON_API_KEY. */
  apiKey?: string;
  /** Milliseconds per attempt before a TimeoutError (default 60000). For a stream it covers the wait for the first byte of the response. */
  timeout?: number;
  /** Retries of idempotent calls on 429/502/503/504 and connection errors (default 2). */
  maxRetries?: number;
  /** A fetch implementation (default: the platform's `fetch`). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export const DEFAULT_BASE_URL = 'http://localhost:9090';

/**
 * The Spectron client.
 *
 * ```ts
 * const client = new Spectron({ baseUrl: 'http://localhost:9090', apiKey: process.env.SPECTRON_API_KEY });
 * const memory = client.memory('default');
 * ```
 */
export class Spectron {
  readonly baseUrl: string;
  readonly timeout: number;
  readonly maxRetries: number;
  private readonly transport: Transport;

  constructor(options: SpectronOptions = {}) {
    const env = readEnv();
    const baseUrl = options.baseUrl ?? env.SPECTRON_URL ?? DEFAULT_BASE_URL;
    const apiKey = options.apiKey ?? env.SPECTRON_API_KEY;
    if (!apiKey) {
      throw new TypeError('Spectron: no API key; pass { apiKey } or set SPECTRON_API_KEY');
    }
    const fetchImpl = options.fetch ?? (globalThis.fetch as typeof fetch | undefined);
    if (!fetchImpl) throw new TypeError('Spectron: no fetch on this platform; pass { fetch }');
    this.baseUrl = baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
    this.timeout = options.timeout ?? 60_000;
    this.maxRetries = options.maxRetries ?? 2;
    this.transport = new Transport({
      baseUrl: this.baseUrl,
      apiKey,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      fetch: fetchImpl.bind(globalThis),
      headers: options.headers ?? {},
    });
  }

  /** One context's memory. The embedded server's first context is `default`. */
  memory(contextId: string): Memory {
    if (!contextId) throw new TypeError('Spectron.memory: a context id is required, e.g. "default"');
    return new Memory(this.transport, contextId);
  }

  /** `GET /api/v1/health` (no key needed). */
  health(options: RequestOptions = {}): Promise<Health> {
    return this.transport.json({ method: 'GET', path: '/api/v1/health', options });
  }
}

function readEnv(): Record<string, string | undefined> {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return process?.env ?? {};
}
