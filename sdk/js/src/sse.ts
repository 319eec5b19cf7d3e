/**
 * A small Server-Sent Events parser (the WHATWG event-stream format, as the chat route uses it):
 * frames end at a blank line; `data:` lines of one frame are joined with `\n`; lines starting
 * with `:` are comments (keep-alives) and ignored; `event:` names the frame (default `message`);
 * one leading space after the colon is dropped; `\n`, `\r\n` and `\r` all end a line.
 * A last frame that the server did not terminate with a blank line is still delivered.
 */

export interface SSEFrame {
  /** The `event:` name, `message` when the frame had none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The `id:` field, when present. */
  id?: string;
}

export async function* parseSSE(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncGenerator<SSEFrame> {
  const decoder = new TextDecoder('utf-8');
  const parser = new SSELineParser();
  for await (const chunk of iterate(body)) {
    yield* parser.push(decoder.decode(chunk, { stream: true }));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

/** Incremental parser: push text in any pieces, get the frames completed so far. */
export class SSELineParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  private sawField = false;
  private pendingCR = false;

  *push(text: string): Generator<SSEFrame> {
    if (text === '') return;
    if (this.pendingCR && text.startsWith('\n')) text = text.slice(1); // the \n of a \r\n split across chunks
    this.pendingCR = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.buffer.slice(start, i);
      if (c === 13) {
        if (i + 1 < this.buffer.length) {
          if (this.buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.pendingCR = true;
        }
      }
      start = i + 1;
      const frame = this.line(line);
      if (frame) yield frame;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** End of stream: deliver a last unterminated line and frame. */
  *end(): Generator<SSEFrame> {
    if (this.buffer !== '') {
      const frame = this.line(this.buffer);
      this.buffer = '';
      if (frame) yield frame;
    }
    const frame = this.dispatch();
    if (frame) yield frame;
  }

  private line(line: string): SSEFrame | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        this.sawField = true;
        break;
      case 'event':
        this.event = value;
        this.sawField = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      default:
        break; // `retry` and unknown fields are ignored
    }
    return undefined;
  }

  private dispatch(): SSEFrame | undefined {
    if (!this.sawField) return undefined;
    const frame: SSEFrame = { event: this.event || 'message', data: this.data.join('\n') };
    if (this.id !== undefined) frame.id = this.id;
    this.event = '';
    this.data = [];
    this.sawField = false;
    return frame;
  }
}

async function* iterate(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in body) {
    yield* body as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
