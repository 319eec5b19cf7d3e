import { ConnectionError, SpectronError, errorFor, type Problem } from './errors.js';
import { parseSSE } from './sse.js';
import { abortResponse, releaseResponse } from './transport.js';
import type { ChatChunk, ChatResult, MemoryDiff } from './types.js';

/**
 * A streamed chat: an async iterable of {@link ChatChunk}s. Deltas come first (`done: false`,
 * append `chunk.delta` to the text shown so far); the last chunk has `done: true` and carries
 * the full {@link ChatResult} in `chunk.result`. After the loop, `stream.result` holds that same
 * result; `await stream.finalResult()` reads the rest of the stream (if any) and returns it.
 *
 * A stream can be iterated once. Breaking out of the loop closes the connection.
 * If the model fails after streaming began, the loop throws the typed error (a `ModelError`,
 * with `userTurnId`); a connection lost before the final chunk throws a `ConnectionError`.
 */
export class ChatStream implements AsyncIterable<ChatChunk> {
  /** The full result, once the final chunk has been read. */
  result: ChatResult | undefined;
  /** The reply text received so far. */
  text = '';
  private started = false;
  private aborted = false;

  /** @internal */
  constructor(private readonly response: Response) {}

  /** Close the connection; a loop over the stream then ends with an AbortError. */
  abort(): void {
    this.aborted = true;
    abortResponse(this.response);
  }

  /** Reads the stream to its end (or what is left of it) and returns the full result. */
  async finalResult(): Promise<ChatResult> {
    if (!this.started) {
      for await (const chunk of this) void chunk;
    }
    if (!this.result) throw new ConnectionError('the chat stream was closed before its final chunk');
    return this.result;
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatChunk> {
    if (this.started) throw new Error('a ChatStream can be iterated only once');
    this.started = true;
    return this.chunks();
  }

  private async *chunks(): AsyncGenerator<ChatChunk> {
    try {
      yield* this.read();
    } finally {
      releaseResponse(this.response);
    }
  }

  private async *read(): AsyncGenerator<ChatChunk> {
    const type = this.response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      // The server answered with plain JSON (it did not stream): one final chunk.
      const raw = JSON.parse(await this.response.text()) as Record<string, unknown>;
      this.result = toChatResult(raw, '');
      this.text = this.result.reply;
      yield { delta: '', done: true, result: this.result, raw };
      return;
    }
    if (!this.response.body) throw new ConnectionError('the chat stream has no body');
    try {
      for await (const frame of parseSSE(this.response.body)) {
        const data = frame.data.trim();
        if (data === '[DONE]') {
          this.result ??= toChatResult({}, this.text);
          yield { delta: '', done: true, result: this.result, raw: data };
          return;
        }
        if (frame.event === 'error') throw streamError(data);
        if (data === '') {
          if (frame.event === 'done') {
            this.result = toChatResult({}, this.text);
            yield { delta: '', done: true, result: this.result, raw: undefined };
            return;
          }
          continue;
        }
        let raw: Record<string, unknown>;
        try {
          raw = JSON.parse(data) as Record<string, unknown>;
        } catch (error) {
          throw new SpectronError(`the chat stream sent a frame that is not JSON: ${data.slice(0, 200)}`, { status: 200, cause: error });
        }
        if (frame.event === 'done' || raw.done === true) {
          this.result = toChatResult(raw, this.text);
          yield { delta: '', done: true, result: this.result, raw };
          return;
        }
        const delta = typeof raw.delta === 'string' ? raw.delta : typeof raw.token === 'string' ? raw.token : '';
        this.text += delta;
        yield { delta, done: false, raw };
      }
    } catch (error) {
      if (error instanceof SpectronError || this.aborted || (error as { name?: unknown })?.name === 'AbortError') throw error;
      throw new ConnectionError(`the chat stream broke: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    throw new ConnectionError('the chat stream ended before its final chunk');
  }
}

function streamError(data: string): SpectronError {
  let problem: Problem;
  try {
    problem = JSON.parse(data) as Problem;
  } catch {
    problem = { detail: data };
  }
  return errorFor(typeof problem.status === 'number' ? problem.status : 500, problem);
}

export function emptyDiff(): MemoryDiff {
  return { entities: [], attributes: [], relations: [], instructions: [], uncertainties: [], corrections: [], invalidations: [] };
}

/** The chat response with `memoryUpdates` read from whichever spelling the route used. */
export function toChatResult(raw: Record<string, unknown>, streamedText: string): ChatResult {
  const { done: _done, delta: _delta, memory_updates, ...rest } = raw;
  void _done;
  void _delta;
  const updates = (raw.memoryUpdates ?? memory_updates ?? emptyDiff()) as MemoryDiff;
  return {
    ...rest,
    reply: typeof raw.reply === 'string' ? raw.reply : streamedText,
    memoryUpdates: { ...emptyDiff(), ...updates },
    citations: Array.isArray(raw.citations) ? raw.citations : [],
    traceId: str(raw.traceId ?? raw.trace_id),
    turnId: str(raw.turnId ?? raw.turn_id),
    assistantTurnId: str(raw.assistantTurnId ?? raw.assistant_turn_id),
    sessionId: str(raw.sessionId ?? raw.session_id),
  } as ChatResult;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
