import { ChatStream, toChatResult } from './chat.js';
import type { Call, RequestOptions, Transport } from './transport.js';
import type {
  ChatResult,
  ContextResult,
  Entity,
  EntityView,
  Attribute,
  ForgetResult,
  MemoryCategory,
  ProfileResult,
  RecallResult,
  RememberManyResult,
  RememberResult,
  Role,
  ScopeInput,
  SessionData,
  StateResult,
  Triple,
  Turn,
  TurnResult,
} from './types.js';

export interface CreateSessionOptions extends RequestOptions {
  /** Key-value `{ user: 'ada' }` or DNF `[['org/acme/', 'user/ada/']]`. */
  scope?: ScopeInput;
  /** Alias of `scope`. */
  scopes?: ScopeInput;
  metadata?: Record<string, unknown>;
}

export interface ListOptions extends RequestOptions {
  limit?: number;
  offset?: number;
}

export interface TurnInput extends RequestOptions {
  role: Role;
  content: string;
  /** When it was said: RFC 3339 string or Date; relative dates in the content resolve against it. */
  ts?: string | Date;
}

export interface ContextOptions extends RequestOptions {
  query: string;
  /** Retrieval depth, 1-50 (default 10). */
  k?: number;
  /** Character budget of the block (default 4000). */
  budgetChars?: number;
}

export interface ChatOptions extends RequestOptions {
  /** Stream the reply: the call resolves to a {@link ChatStream} instead of a {@link ChatResult}. */
  stream?: boolean;
  /** Per-call response model, `provider/model`. */
  model?: string;
  /** Retrieval depth, 1-50 (default 10). */
  k?: number;
  /** Character budget of the context block given to the model. */
  budgetChars?: number;
}

export interface MemoryChatOptions extends ChatOptions {
  /** Continue this session; absent, the server creates one (see `result.sessionId`). */
  sessionId?: string;
  /** Scope of the session the server creates. */
  scope?: ScopeInput;
  scopes?: ScopeInput;
}

export interface RememberOptions extends RequestOptions {
  infer?: 'full' | 'triples' | 'preview' | 'none';
  sessionId?: string;
  scope?: ScopeInput;
  scopes?: ScopeInput;
  role?: Role;
  memoryCategory?: MemoryCategory;
  labels?: string[];
  triples?: Triple[];
  /** When the facts were known (RFC 3339 or Date). */
  observedAt?: string | Date;
}

export interface RememberManyOptions extends RequestOptions {
  sessionId?: string;
  scope?: ScopeInput;
  scopes?: ScopeInput;
  extract?: 'whole_conversation' | 'per_message';
  infer?: 'full' | 'none';
  labels?: string[];
}

export interface RecallOptions extends RequestOptions {
  k?: number;
  mode?: 'hybrid_graph' | 'hybrid' | 'bm25' | 'vector' | (string & {});
  /** Read narrowing. */
  lens?: ScopeInput;
  sessionId?: string;
  asOf?: string | Date;
}

export interface MemoryContextOptions extends RequestOptions {
  k?: number;
  lens?: ScopeInput;
  budgetChars?: number;
}

export interface ForgetOptions extends RequestOptions {
  /** Erase permanently instead of retiring. */
  purge?: boolean;
  /** Only count what would be forgotten. */
  dryRun?: boolean;
}

export interface EntitiesOptions extends ListOptions {
  type?: string;
}

export interface EntityOptions extends RequestOptions {
  /** Read the entity as it was known at this time. */
  asOf?: string | Date;
}

/** An entity reference: `'person/ada'` or `{ type: 'person', name: 'ada' }`. */
export type EntityRefInput = string | { type: string; name: string };

/** One Spectron context (the isolation unit): `client.memory('default')`. */
export class Memory {
  /** Sessions of this context. */
  readonly sessions: Sessions;

  /** @internal */
  constructor(
    private readonly transport: Transport,
    /** The context id. */
    readonly contextId: string,
  ) {
    this.sessions = new Sessions(this);
  }

  /** @internal */
  path(suffix: string): string {
    return `/api/v1/${encodeURIComponent(this.contextId)}${suffix}`;
  }

  /** @internal */
  call<T>(call: Call): Promise<T> {
    return this.transport.json<T>(call);
  }

  /** @internal */
  async chatCall(path: string, body: Record<string, unknown>, options: ChatOptions): Promise<ChatResult | ChatStream> {
    if (options.stream) {
      const response = await this.transport.send({
        method: 'POST',
        path,
        body: { ...body, stream: true },
        idempotent: 'key',
        stream: true,
        options,
      });
      return new ChatStream(response);
    }
    const raw = await this.call<Record<string, unknown>>({ method: 'POST', path, body, idempotent: 'key', options });
    return toChatResult(raw, '');
  }

  /** Store one text (extracted into memory) or caller-supplied triples: `POST /facts`. */
  remember(text: string | undefined, options: RememberOptions = {}): Promise<RememberResult> {
    return this.call({
      method: 'POST',
      path: this.path('/facts'),
      idempotent: options.infer === 'preview' ? 'safe' : 'key',
      options,
      body: compact({
        text,
        infer: options.infer,
        session_id: options.sessionId,
        ...scopeFields(options.scope ?? options.scopes, 'scopes'),
        role: options.role,
        memory_category: options.memoryCategory,
        labels: options.labels,
        triples: options.triples,
        observed_at: time(options.observedAt),
      }),
    });
  }

  /** Store a whole conversation: `POST /facts/batch`. */
  rememberMany(
    messages: { role: Role; content: string; ts?: string | Date }[],
    options: RememberManyOptions = {},
  ): Promise<RememberManyResult> {
    return this.call({
      method: 'POST',
      path: this.path('/facts/batch'),
      idempotent: 'key',
      options,
      body: compact({
        messages: messages.map((m) => compact({ role: m.role, content: m.content, ts: time(m.ts) })),
        session_id: options.sessionId,
        ...scopeFields(options.scope ?? options.scopes, 'scopes'),
        extract: options.extract,
        infer: options.infer,
        labels: options.labels,
      }),
    });
  }

  /** Ranked hits for a query: `POST /query`. */
  recall(query: string, options: RecallOptions = {}): Promise<RecallResult> {
    return this.call({
      method: 'POST',
      path: this.path('/query'),
      idempotent: 'safe',
      options,
      body: compact({
        query,
        k: options.k,
        mode: options.mode,
        lens: options.lens === undefined ? undefined : normalizeScope(options.lens),
        sessionId: options.sessionId,
        asOf: time(options.asOf),
      }),
    });
  }

  /** The context block for a query over the whole context (or a lens): `POST /context`. */
  context(query: string, options: MemoryContextOptions = {}): Promise<ContextResult> {
    return this.call<ContextResult>({
      method: 'POST',
      path: this.path('/context'),
      idempotent: 'safe',
      options,
      body: compact({
        query,
        k: options.k,
        lens: options.lens === undefined ? undefined : normalizeScope(options.lens),
        budgetChars: options.budgetChars,
      }),
    }).then(withCitations);
  }

  /** Chat without holding a session object: `POST /chat` (a session is created when `sessionId` is absent). */
  chat(message: string, options: MemoryChatOptions & { stream: true }): Promise<ChatStream>;
  chat(message: string, options?: MemoryChatOptions & { stream?: false }): Promise<ChatResult>;
  chat(message: string, options?: MemoryChatOptions): Promise<ChatResult | ChatStream>;
  chat(message: string, options: MemoryChatOptions = {}): Promise<ChatResult | ChatStream> {
    return this.chatCall(
      this.path('/chat'),
      compact({
        message,
        sessionId: options.sessionId,
        ...scopeFields(options.scope ?? options.scopes, 'scopes'),
        model: options.model,
        k: options.k,
        budgetChars: options.budgetChars,
      }),
      options,
    );
  }

  /**
   * Retire (or with `purge`, erase) the memories matching a query: `POST /forget`. The server
   * matches exactly: `'person/ada'` is the entity and its facts, `'person/ada/home'` one key,
   * any other text the facts, instructions and turns that hold every content word of it.
   */
  forget(query: string, options: ForgetOptions = {}): Promise<ForgetResult> {
    return this.call({
      method: 'POST',
      path: this.path('/forget'),
      idempotent: options.dryRun ? 'safe' : 'key',
      options,
      body: compact({ query, purge: options.purge, dryRun: options.dryRun }),
    });
  }

  /** Current memory grouped by category: `GET /state`. */
  state(options: RequestOptions = {}): Promise<StateResult> {
    return this.call({ method: 'GET', path: this.path('/state'), options });
  }

  /** Static, dynamic, preferences and instructions: `GET /profile`. */
  profile(options: RequestOptions = {}): Promise<ProfileResult> {
    return this.call({ method: 'GET', path: this.path('/profile'), options });
  }

  /** Entities ordered by type then name: `GET /entities`. */
  async entities(options: EntitiesOptions = {}): Promise<Entity[]> {
    const body = await this.call<{ entities: Entity[] }>({
      method: 'GET',
      path: this.path('/entities'),
      query: { type: options.type, limit: options.limit, offset: options.offset },
      options,
    });
    return body.entities;
  }

  /** One entity with its current attributes and relations: `GET /entities/{type}/{name}`. */
  entity(ref: EntityRefInput, options: EntityOptions = {}): Promise<EntityView> {
    return this.call({ method: 'GET', path: this.path(entityPath(ref)), query: { asOf: time(options.asOf) }, options });
  }

  /** The supersession chain of one attribute key, oldest first: `GET /entities/{type}/{name}/history/{key}`. */
  async entityHistory(ref: EntityRefInput, key: string, options: RequestOptions = {}): Promise<Attribute[]> {
    const body = await this.call<{ history: Attribute[] }>({
      method: 'GET',
      path: this.path(`${entityPath(ref)}/history/${encodeURIComponent(key)}`),
      options,
    });
    return body.history;
  }

  /** Soft-delete an entity and its live facts: `DELETE /entities/{type}/{name}`. */
  async deleteEntity(ref: EntityRefInput, options: RequestOptions = {}): Promise<void> {
    await this.call({ method: 'DELETE', path: this.path(entityPath(ref)), options });
  }
}

/** `memory.sessions`: create, get, list and delete sessions. */
export class Sessions {
  /** @internal */
  constructor(private readonly memory: Memory) {}

  /** Create a session: `POST /sessions` (201). */
  async create(options: CreateSessionOptions = {}): Promise<Session> {
    const data = await this.memory.call<SessionData>({
      method: 'POST',
      path: this.memory.path('/sessions'),
      idempotent: 'key',
      options,
      body: compact({ ...scopeFields(options.scope ?? options.scopes, 'scopes'), metadata: options.metadata }),
    });
    return new Session(this.memory, data);
  }

  /** One session by id (NotFoundError when unknown). */
  async get(id: string, options: RequestOptions = {}): Promise<Session> {
    const data = await this.memory.call<SessionData>({ method: 'GET', path: this.memory.path(`/sessions/${encodeURIComponent(id)}`), options });
    return new Session(this.memory, data);
  }

  /** Sessions, newest first. */
  async list(options: ListOptions = {}): Promise<Session[]> {
    const body = await this.memory.call<{ sessions: SessionData[] }>({
      method: 'GET',
      path: this.memory.path('/sessions'),
      query: { limit: options.limit, offset: options.offset },
      options,
    });
    return body.sessions.map((data) => new Session(this.memory, data));
  }

  /** Delete a session and its transcript (memory extracted from it stays). */
  async delete(id: string, options: RequestOptions = {}): Promise<void> {
    await this.memory.call({ method: 'DELETE', path: this.memory.path(`/sessions/${encodeURIComponent(id)}`), options });
  }
}

/** A conversation: `await memory.sessions.create(...)` or `memory.sessions.get(id)`. */
export class Session {
  readonly id: string;
  readonly scopes: string[][];
  readonly scope: Record<string, string> | undefined;
  readonly metadata: Record<string, unknown>;
  readonly createdAt: string;
  /** The session as the server sent it. */
  readonly data: SessionData;

  /** @internal */
  constructor(
    private readonly memory: Memory,
    data: SessionData,
  ) {
    this.data = data;
    this.id = data.id;
    this.scopes = data.scopes ?? [];
    this.scope = data.scope;
    this.metadata = data.metadata ?? {};
    this.createdAt = data.createdAt;
  }

  private path(suffix: string): string {
    return this.memory.path(`/sessions/${encodeURIComponent(this.id)}${suffix}`);
  }

  /** Append a turn and get its memory diff: `POST /sessions/{id}/turns` (201). */
  turn(input: TurnInput): Promise<TurnResult> {
    return this.memory.call({
      method: 'POST',
      path: this.path('/turns'),
      idempotent: 'key',
      options: input,
      body: compact({ role: input.role, content: input.content, ts: time(input.ts) }),
    });
  }

  /** The transcript, oldest first (limit 1-500, default 100). */
  async turns(options: ListOptions = {}): Promise<Turn[]> {
    const body = await this.memory.call<{ turns: Turn[] }>({
      method: 'GET',
      path: this.path('/turns'),
      query: { limit: options.limit, offset: options.offset },
      options,
    });
    return body.turns;
  }

  /** The context block for the next prompt, as this session sees memory. */
  context(input: ContextOptions | string): Promise<ContextResult> {
    const options: ContextOptions = typeof input === 'string' ? { query: input } : input;
    return this.memory
      .call<ContextResult>({
        method: 'POST',
        path: this.path('/context'),
        idempotent: 'safe',
        options,
        body: compact({ query: options.query, k: options.k, budgetChars: options.budgetChars }),
      })
      .then(withCitations);
  }

  /**
   * Let Spectron drive the turn: store the message, retrieve context, call the context's
   * response model, store the reply. With `{ stream: true }` resolves to a {@link ChatStream}.
   */
  chat(message: string, options: ChatOptions & { stream: true }): Promise<ChatStream>;
  chat(message: string, options?: ChatOptions & { stream?: false }): Promise<ChatResult>;
  chat(message: string, options?: ChatOptions): Promise<ChatResult | ChatStream>;
  chat(message: string, options: ChatOptions = {}): Promise<ChatResult | ChatStream> {
    return this.memory.chatCall(this.path('/chat'), compact({ message, model: options.model, k: options.k, budgetChars: options.budgetChars }), options);
  }

  /** Delete this session and its transcript. */
  delete(options: RequestOptions = {}): Promise<void> {
    return this.memory.sessions.delete(this.id, options);
  }

  /** Alias of {@link Session.delete} (the upstream SDK's name). */
  close(options: RequestOptions = {}): Promise<void> {
    return this.delete(options);
  }

  toJSON(): SessionData {
    return this.data;
  }
}

/** The scope as the server takes it: key-value maps as `scope`, everything else as DNF `scopes`. */
export function normalizeScope(scope: ScopeInput): Record<string, string> | string[][] {
  if (typeof scope === 'string') return [[scope]];
  if (Array.isArray(scope)) {
    return (scope as (string | string[])[]).map((clause) => (Array.isArray(clause) ? clause : [clause]));
  }
  return scope;
}

function scopeFields(scope: ScopeInput | undefined, dnfField: string): Record<string, unknown> {
  if (scope === undefined || scope === null) return {};
  const normalized = normalizeScope(scope);
  return Array.isArray(normalized) ? { [dnfField]: normalized } : { scope: normalized };
}

function entityPath(ref: EntityRefInput): string {
  let type: string;
  let name: string;
  if (typeof ref === 'string') {
    const slash = ref.indexOf('/');
    if (slash <= 0 || slash === ref.length - 1) throw new TypeError(`an entity ref is 'type/name'; got '${ref}'`);
    type = ref.slice(0, slash);
    name = ref.slice(slash + 1);
  } else {
    type = ref.type;
    name = ref.name;
  }
  return `/entities/${encodeURIComponent(type)}/${encodeURIComponent(name)}`;
}

function time(value: string | Date | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

function withCitations(result: ContextResult): ContextResult {
  return { ...result, citations: Array.isArray(result.citations) ? result.citations : [] };
}

function compact<T extends Record<string, unknown>>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out as T;
}
