/**
 * Typed errors. Every error the SDK throws for a failed call is a {@link SpectronError}; the
 * subclass says what went wrong, so callers can branch with `instanceof`.
 *
 * | status | class |
 * |---|---|
 * | 400, 422 | {@link ValidationError} (413: {@link PayloadTooLargeError}, a ValidationError) |
 * | 401 | {@link AuthenticationError} |
 * | 403 | {@link PermissionDeniedError} |
 * | 404 | {@link NotFoundError} |
 * | 409 | {@link ConflictError} |
 * | 429 | {@link RateLimitError} (`retryAfter` seconds from `Retry-After`) |
 * | 5xx | {@link ServerError} (the chat's model failures: {@link ModelError}, a ServerError) |
 * | no response | {@link ConnectionError} (`status` 0); {@link TimeoutError} is a ConnectionError |
 */

/** The problem+json body the server sends with an error (RFC 9457 plus Spectron's fields). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  message?: string;
  field?: string;
  requestId?: string;
  provider?: string;
  userTurnId?: string;
  sessionId?: string;
  [key: string]: unknown;
}

export interface SpectronErrorInit {
  status?: number;
  problem?: Problem;
  requestId?: string;
  headers?: Headers;
  cause?: unknown;
}

export class SpectronError extends Error {
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** Problem type URI, e.g. `urn:spectron:problem:invalid-input`. */
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  /** The offending request field, when the server names one (400). */
  readonly field: string | undefined;
  /** The server's request id (problem `requestId`, else the `X-Request-Id` header). Quote it in bug reports. */
  readonly requestId: string | undefined;
  /** The whole problem body, including fields this SDK does not model. */
  readonly problem: Problem | undefined;
  readonly headers: Headers | undefined;

  constructor(message: string, init: SpectronErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status ?? init.problem?.status ?? 0;
    this.problem = init.problem;
    this.type = init.problem?.type;
    this.title = init.problem?.title;
    this.detail = init.problem?.detail ?? init.problem?.message;
    this.field = init.problem?.field;
    this.requestId = init.problem?.requestId ?? init.requestId ?? init.headers?.get('x-request-id') ?? undefined;
    this.headers = init.headers;
  }
}

/** 400 or 422: the request was malformed or refused as invalid. */
export class ValidationError extends SpectronError {}
/** 413: the body is over the server's limit. */
export class PayloadTooLargeError extends ValidationError {}
/** 401: missing, unknown or expired API key, or a key of another context. */
export class AuthenticationError extends SpectronError {}
/** 403: the key may not act on that scope. */
export class PermissionDeniedError extends SpectronError {}
/** Alias of {@link PermissionDeniedError} (the upstream SDK's name). */
export { PermissionDeniedError as ScopeError };
/** 404: unknown session, entity, context or route. */
export class NotFoundError extends SpectronError {}
/** 409: e.g. an Idempotency-Key reused with another body. */
export class ConflictError extends SpectronError {}

/** 429. `retryAfter` is the server's `Retry-After` in seconds, when it sent one. */
export class RateLimitError extends SpectronError {
  readonly retryAfter: number | undefined;
  constructor(message: string, init: SpectronErrorInit & { retryAfter?: number } = {}) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

/** 5xx. For the chat's model failures (502/503) `provider`, `userTurnId` and `sessionId` are set. */
export class ServerError extends SpectronError {
  /** Seconds from `Retry-After`, when sent (503). */
  readonly retryAfter: number | undefined;
  /** The model provider that failed (chat), e.g. `openai`. */
  readonly provider: string | undefined;
  /** The stored user turn of a failed chat; a retry with the same Idempotency-Key reuses it. */
  readonly userTurnId: string | undefined;
  readonly sessionId: string | undefined;
  constructor(message: string, init: SpectronErrorInit & { retryAfter?: number } = {}) {
    super(message, init);
    this.retryAfter = init.retryAfter;
    this.provider = str(init.problem?.provider);
    this.userTurnId = str(init.problem?.userTurnId);
    this.sessionId = str(init.problem?.sessionId);
  }
}

/** The chat's response model failed: 503 `model-unavailable` or 502 `model-failed`. */
export class ModelError extends ServerError {}

/** No HTTP response: connection refused or reset, DNS failure, or the stream broke. `status` is 0. */
export class ConnectionError extends SpectronError {}

/** The request took longer than the client's `timeout`. */
export class TimeoutError extends ConnectionError {}

const MODEL_PROBLEMS = new Set(['urn:spectron:problem:model-unavailable', 'urn:spectron:problem:model-failed']);

/** Seconds from a Retry-After header (delta-seconds or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now) / 1000);
}

/** The typed error for an HTTP error status and its (possibly absent) problem body. */
export function errorFor(status: number, problem: Problem | undefined, headers?: Headers): SpectronError {
  const retryAfter = parseRetryAfter(headers?.get('retry-after'));
  const message = problemMessage(status, problem);
  const init = { status, problem, headers, retryAfter };
  if (problem?.type && MODEL_PROBLEMS.has(problem.type)) return new ModelError(message, init);
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(message, init);
    case 401:
      return new AuthenticationError(message, init);
    case 403:
      return new PermissionDeniedError(message, init);
    case 404:
      return new NotFoundError(message, init);
    case 409:
      return new ConflictError(message, init);
    case 413:
      return new PayloadTooLargeError(message, init);
    case 429:
      return new RateLimitError(message, init);
    default:
      if (status >= 500) return new ServerError(message, init);
      if (status >= 400 && status < 500) return new ValidationError(message, init);
      return new SpectronError(message, init);
  }
}

function problemMessage(status: number, problem: Problem | undefined): string {
  const text = problem?.detail ?? problem?.message ?? problem?.title;
  return text ? `${status} ${text}` : `HTTP ${status}`;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
