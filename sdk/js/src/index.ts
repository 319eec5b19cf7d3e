export { Spectron, DEFAULT_BASE_URL, type SpectronOptions } from './client.js';
export {
  Memory,
  Sessions,
  Session,
  normalizeScope,
  type CreateSessionOptions,
  type ListOptions,
  type TurnInput,
  type ContextOptions,
  type ChatOptions,
  type MemoryChatOptions,
  type RememberOptions,
  type RememberManyOptions,
  type RecallOptions,
  type MemoryContextOptions,
  type ForgetOptions,
  type EntitiesOptions,
  type EntityOptions,
  type EntityRefInput,
} from './memory.js';
export { ChatStream } from './chat.js';
export { parseSSE, SSELineParser, type SSEFrame } from './sse.js';
export { VERSION, type RequestOptions } from './transport.js';
export {
  SpectronError,
  ValidationError,
  PayloadTooLargeError,
  AuthenticationError,
  PermissionDeniedError,
  ScopeError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ModelError,
  ConnectionError,
  TimeoutError,
  type Problem,
} from './errors.js';
export type * from './types.js';
