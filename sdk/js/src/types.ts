/**
 * Wire types of the Spectron API (camelCase, as the server sends them). Every interface is open:
 * fields this SDK does not list are still on the object.
 */

/** A scope: the seed's key-value form `{ user: 'ada', org: 'acme' }`, or DNF slash paths `[['org/acme/', 'user/ada/']]`
 * (an OR of clauses, each an AND of paths). A single path string or a list of paths (one clause each) also works. */
export type ScopeInput = Record<string, string> | string[][] | string[] | string;

export type Role = 'user' | 'assistant' | 'system' | 'tool';
export type MemoryCategory = 'identity' | 'knowledge' | 'context';
export type Tier = 'direct' | 'cache' | 'hybrid' | 'full_context' | (string & {});

export interface SessionData {
  id: string;
  /** The scope in DNF form. */
  scopes: string[][];
  /** The scope in the seed's key-value form, when it has one. */
  scope?: Record<string, string>;
  metadata?: Record<string, unknown>;
  createdAt: string;
  [key: string]: unknown;
}

export interface Turn {
  id: string;
  sessionId: string;
  /** Same as sessionId (upstream name). */
  session?: string;
  role: Role;
  content: string;
  seq: number;
  /** When it was said (RFC 3339). */
  ts: string;
  createdAt: string;
  [key: string]: unknown;
}

export interface Entity {
  id: string;
  name: string;
  entityType: string;
  /** `type/name`, e.g. `person/ada`. */
  path: string;
  memoryCategory: MemoryCategory;
  importance?: number;
  createdAt?: string;
  updatedAt?: string;
  /** In a diff: whether this turn created the entity. */
  isNew?: boolean;
  [key: string]: unknown;
}

export interface Source {
  kind: string;
  ref?: string;
  sessionId?: string;
  span?: { start: number; end: number };
  [key: string]: unknown;
}

/** What attributes and relations share: category, weight, validity, lineage and source. */
export interface FactFields {
  memoryCategory: MemoryCategory;
  importance?: number;
  confidence?: number;
  validFrom?: string;
  validUntil?: string;
  supersedes?: string;
  supersededBy?: string;
  source?: Source;
  createdAt?: string;
  [key: string]: unknown;
}

export interface Attribute extends FactFields {
  id: string;
  /** The owning entity as `type/name`. */
  entity?: string;
  entityId: string;
  key: string;
  value: string;
}

export interface Relation extends FactFields {
  id?: string;
  /** `type/name`. */
  subject: string;
  label: string;
  /** `type/name`. */
  object: string;
}

export interface Instruction {
  id: string;
  label: string;
  description: string;
  active?: boolean;
  [key: string]: unknown;
}

export interface Uncertainty {
  about: string;
  reason: string;
  [key: string]: unknown;
}

export interface Correction {
  entityId: string;
  key: string;
  oldValue: string;
  newValue: string;
  [key: string]: unknown;
}

export interface Invalidation {
  id: string;
  entityId: string;
  key: string;
  value: string;
  [key: string]: unknown;
}

export interface ExtractionStatus {
  /** `ok`, or `failed` when the extraction model failed (heuristic facts are kept). */
  status: 'ok' | 'failed' | (string & {});
  stages: string[];
  error?: string;
  [key: string]: unknown;
}

/** What a turn (or a chat, or a remember) changed in memory. */
export interface MemoryDiff {
  entities: Entity[];
  attributes: Attribute[];
  relations: Relation[];
  instructions: Instruction[];
  uncertainties: Uncertainty[];
  corrections: Correction[];
  invalidations: Invalidation[];
  extraction?: ExtractionStatus;
  [key: string]: unknown;
}

/** The result of `session.turn()`: the stored turn and its memory diff. */
export interface TurnResult extends MemoryDiff {
  turnId: string;
  turn: Turn;
}

export interface Citation {
  /** The marker in the text, e.g. `S1` or `[S1]`. */
  marker: string;
  id: string;
  kind: string;
  /** The cited text, shortened. */
  snippet?: string;
  score: number;
  occurredAt?: string;
  /** `assistant` when the cited text is a past reply. */
  role?: string;
  turnId?: string;
  sessionId?: string;
  [key: string]: unknown;
}

export interface ContextResult {
  /** The context block to put in the prompt (markdown in a `<memory trust="untrusted-data">` fence). */
  context: string;
  tier: Tier;
  queryMs: number;
  traceId?: string;
  citations: Citation[];
  [key: string]: unknown;
}

export interface ChatResult {
  /** The model's reply, ready to display (may contain `[S1]`-style markers). */
  reply: string;
  /** The combined memory diff of the user turn and the assistant turn (wire `memory_updates` or `memoryUpdates`). */
  memoryUpdates: MemoryDiff;
  citations: Citation[];
  traceId: string;
  /** The stored user turn. */
  turnId: string;
  assistantTurnId: string;
  sessionId: string;
  /** The model that answered, `provider/model`. */
  model?: string;
  /** Token counts, when the provider reported them. */
  usage?: { inputTokens?: number; outputTokens?: number };
  [key: string]: unknown;
}

/** One piece of a streamed chat. Deltas have `done: false`; the last chunk has `done: true` and `result`. */
export interface ChatChunk {
  /** Text to append to the reply shown so far ('' on the final chunk). */
  delta: string;
  done: boolean;
  /** On the final chunk only: the full result, as `session.chat()` without streaming returns it. */
  result?: ChatResult;
  /** The frame's parsed JSON. */
  raw: unknown;
}

export interface RecallHit {
  id: string;
  score: number;
  source: string;
  text: string;
  occurredAt?: string;
  kind?: string;
  refId?: string;
  turnId?: string;
  sessionId?: string;
  speaker?: string;
  role?: string;
  [key: string]: unknown;
}

export interface RecallResult {
  tier: Tier;
  classificationKind: string;
  seedEntities: string[];
  hits: RecallHit[];
  queryMs: number;
  trace: { traceId: string; resolutionTier: string; latencyMs: number; [key: string]: unknown };
  [key: string]: unknown;
}

export interface RememberResult {
  mode: 'full' | 'triples' | 'preview' | 'none';
  sessionId: string;
  turnId?: string;
  chunkId?: string;
  preview?: boolean;
  extraction?: MemoryDiff & { turnId?: string };
  [key: string]: unknown;
}

export interface RememberManyResult {
  sessionId: string;
  turnIds: string[];
  extractions: (MemoryDiff & { turnId?: string })[];
  [key: string]: unknown;
}

export interface ForgetResult {
  /** How many records were retired or erased (with `dryRun`: would be). */
  deleted: number;
  /** The ids of those records. */
  ids?: string[];
  /** Set on a dry run. */
  dryRun?: boolean;
  [key: string]: unknown;
}

export interface CategoryState {
  entities: Entity[];
  attributes: Attribute[];
  relations: Relation[];
}

export interface StateResult {
  identity: CategoryState;
  knowledge: CategoryState;
  context: CategoryState;
  instructions: Instruction[];
  unknowns: Uncertainty[];
  [key: string]: unknown;
}

export interface ProfileItem {
  key: string;
  value: string;
  entity?: string;
  [key: string]: unknown;
}

export interface ProfileResult {
  static: ProfileItem[];
  dynamic: ProfileItem[];
  preferences: ProfileItem[];
  instructions: Instruction[];
  [key: string]: unknown;
}

export interface EntityView {
  entity: Entity;
  attributes: Attribute[];
  relations: Relation[];
  [key: string]: unknown;
}

export interface Triple {
  entity: { type: string; name: string };
  key: string;
  value?: string | null;
  target?: { type: string; name: string } | null;
  memory_category?: MemoryCategory | null;
}

export interface Health {
  status?: string;
  [key: string]: unknown;
}
