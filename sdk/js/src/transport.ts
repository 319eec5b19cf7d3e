import { ConnectionError, SpectronError, TimeoutError, errorFor, parseRetryAfter, type Problem } from './errors.js';

export const VERSION = '0.1.0';

/** Options every call accepts (as the last argument's fields). */
export interface RequestOptions {
  /** Idempotency-Key for a write; by default each write gets a fresh UUID, reused by its retries. */
  idempotencyKey?: string;
  /** Milliseconds before the call fails with a TimeoutError (overrides the client's `timeout`). */
  timeout?: number;
  /** Retries for this call (overrides the client's `maxRetries`). */
  maxRetries?: number;
  /** Abort the call; the abort reason is thrown as is. */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export interface TransportOptions {
  baseUrl: string;
  apiKey: string | undefined;
  timeout: number;
  maxRetries: number;
  fetch: typeof fetch;
  headers: Record<string, string>;
}

export interface Call {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH' | 'PUT';
  /** Path below the base URL, starting with `/api/v1/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** A write that the server makes idempotent with an Idempotency-Key (auto-generated unless given). */
  idempotent?: 'key' | 'safe' | 'no';
  /** Ask for text/event-stream and hand back the open response. */
  stream?: boolean;
  options?: RequestOptions;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or undefined for 204 / empty bodies. */
  body: unknown;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
const MAX_RETRY_AFTER_MS = 60_000;

export class Transport {
  constructor(readonly options: TransportOptions) {}

  /** Sends a call, retrying when that is safe, and returns the parsed JSON body. */
  async json<T>(call: Call): Promise<T> {
    const response = await this.send(call);
    return (await readJson(response, call)).body as T;
  }

  async raw(call: Call): Promise<RawResponse> {
    const response = await this.send(call);
    return readJson(response, call);
  }

  /**
   * Sends a call and returns the open response (status 2xx), retrying before the body is read.
   * The timeout covers the wait for the response headers; a stream then has no deadline.
   */
  async send(call: Call): Promise<Response> {
    const opts = call.options ?? {};
    const url = this.url(call.path, call.query);
    const headers: Record<string, string> = {
      Accept: call.stream ? 'text/event-stream' : 'application/json',
      'User-Agent': `spectron-js/${VERSION}`,
      ...this.options.headers,
    };
    if (this.options.apiKey) headers.Authorization = `Bearer ${this.options.apiKey}`;
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['Content-Type'] = 'application/json';
    }
    const mode = call.idempotent ?? (call.method === 'GET' ? 'safe' : 'no');
    if (mode === 'key') headers['Idempotency-Key'] = opts.idempotencyKey ?? randomUUID();
    else if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
    Object.assign(headers, opts.headers ?? {});
    const retryable = mode !== 'no';
    const maxRetries = retryable ? Math.max(0, opts.maxRetries ?? this.options.maxRetries) : 0;
    const timeout = opts.timeout ?? this.options.timeout;

    for (let attempt = 0; ; attempt++) {
      const deadline = new Deadline(timeout, opts.signal);
      try {
        const response = await this.options.fetch(url, { method: call.method, headers, body, signal: deadline.signal });
        if (response.ok) {
          // Non-streaming calls keep the deadline while the body is read (readJson clears it).
          if (call.stream) {
            deadline.clearTimer(); // the caller's signal still aborts the stream
            aborters.set(response, () => deadline.abort());
            releasers.set(response, () => deadline.clear());
          } else deadlines.set(response, deadline);
          return response;
        }
        const text = await response.text().catch(() => '');
        deadline.clear();
        const failure = errorFor(response.status, parseProblem(text, response.status), response.headers);
        if (!RETRY_STATUSES.has(response.status) || attempt >= maxRetries) throw failure;
        await sleep(delayFor(attempt, response.headers), opts.signal);
      } catch (error) {
        deadline.clear();
        if (error instanceof SpectronError && !(error instanceof ConnectionError)) throw error;
        const translated = error instanceof ConnectionError ? error : deadline.translate(error, call.method, url);
        if (!(translated instanceof ConnectionError) || attempt >= maxRetries) throw translated;
        await sleep(delayFor(attempt, undefined), opts.signal);
      }
    }
  }

  url(path: string, query?: Call['query']): string {
    let url = this.options.baseUrl + path;
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== null) params.set(key, String(value));
      }
      const text = params.toString();
      if (text) url += (url.includes('?') ? '&' : '?') + text;
    }
    return url;
  }
}

const deadlines = new WeakMap<Response, Deadline>();
const aborters = new WeakMap<Response, () => void>();
const releasers = new WeakMap<Response, () => void>();

/** A stream has ended: stop listening to the caller's signal. */
export function releaseResponse(response: Response): void {
  releasers.get(response)?.();
}

/** Closes a streaming response opened by {@link Transport.send}. */
export function abortResponse(response: Response): void {
  const abort = aborters.get(response);
  if (abort) abort();
  else response.body?.cancel().catch(() => undefined);
}

async function readJson(response: Response, call: Call): Promise<RawResponse> {
  const deadline = deadlines.get(response);
  try {
    const text = await response.text();
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new SpectronError(`${call.method} ${call.path}: the server sent a body that is not JSON`, {
          status: response.status,
          headers: response.headers,
          cause: error,
        });
      }
    }
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (error instanceof SpectronError) throw error;
    throw deadline ? deadline.translate(error, call.method, call.path) : error;
  } finally {
    deadline?.clear();
  }
}

/** One attempt's timer plus the caller's signal, as one AbortSignal. */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private readonly onAbort: () => void;

  constructor(
    private readonly ms: number,
    private readonly outer: AbortSignal | undefined,
  ) {
    this.onAbort = () => this.controller.abort(outer?.reason);
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.onAbort, { once: true });
    if (Number.isFinite(ms) && ms > 0) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        this.controller.abort(new Error('timeout'));
      }, ms);
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    this.clearTimer();
    this.outer?.removeEventListener('abort', this.onAbort);
  }

  clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  abort(): void {
    this.clear();
    this.controller.abort(new DOMException('the stream was aborted', 'AbortError'));
  }

  /** A fetch failure as the SDK's error; the caller's own abort is rethrown untouched. */
  translate(error: unknown, method: string, url: string): unknown {
    if (this.timedOut) {
      return new TimeoutError(`${method} ${url} timed out after ${this.ms} ms`, { cause: error });
    }
    if (this.outer?.aborted) return this.outer.reason ?? error;
    const code = causeCode(error);
    const what = code ? `${code}` : error instanceof Error ? error.message : String(error);
    return new ConnectionError(`${method} ${url} failed: ${what}`, { cause: error });
  }
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function parseProblem(text: string, status: number): Problem | undefined {
  if (text === '') return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Problem;
  } catch {
    // not JSON: keep the text as the detail
  }
  return { status, detail: text.length > 500 ? text.slice(0, 500) + '...' : text };
}

/** Exponential backoff with jitter; a Retry-After from the server wins (capped at 60 s). */
export function delayFor(attempt: number, headers: Headers | undefined): number {
  const retryAfter = parseRetryAfter(headers?.get('retry-after'));
  if (retryAfter !== undefined) return Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS);
  const base = Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
  return base * (0.75 + Math.random() * 0.5);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function randomUUID(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  // RFC 4122 v4 from Math.random, only for platforms without Web Crypto.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = (Math.random() * 16) | 0;
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
