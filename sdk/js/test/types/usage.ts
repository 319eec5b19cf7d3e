// Compile-only check (tsc --noEmit) that the documented call shapes type as documented.
import {
  Spectron, ChatStream, ModelError, RateLimitError, SpectronError,
  type ChatResult, type ChatChunk, type TurnResult, type ContextResult, type MemoryDiff, type Session,
} from 'spectron';

export async function usage(message: string): Promise<void> {
  const client = new Spectron({ baseUrl: 'http://localhost:9090', apiKey: 'sk' });
  const memory = client.memory('default');
  const session: Session = await memory.sessions.create({ scope: { user: 'ada' } });
  await memory.sessions.create({ scopes: [['org/acme/', 'user/ada/']], metadata: { a: 1 } });
  const diff: TurnResult = await session.turn({ role: 'user', content: message });
  const id: string = diff.turnId;
  const ctx: ContextResult = await session.context({ query: message, k: 5 });
  const text: string = ctx.context;
  const r: ChatResult = await session.chat(message);
  const reply: string = r.reply;
  const updates: MemoryDiff = r.memoryUpdates;
  const stream: ChatStream = await session.chat(message, { stream: true });
  for await (const chunk of await session.chat(message, { stream: true })) {
    const c: ChatChunk = chunk;
    if (c.done && c.result) {
      const final: ChatResult = c.result;
      void final.assistantTurnId;
    }
  }
  const final: ChatResult = await stream.finalResult();
  const viaMemory: ChatResult = await memory.chat(message, { sessionId: session.id });
  const viaMemoryStream: ChatStream = await memory.chat(message, { stream: true });
  const deleted: number = (await memory.forget('x', { dryRun: true })).deleted;
  try {
    await memory.state();
  } catch (e) {
    if (e instanceof ModelError) void (e.userTurnId satisfies string | undefined);
    if (e instanceof RateLimitError) void (e.retryAfter satisfies number | undefined);
    if (e instanceof SpectronError) void (e.status satisfies number);
  }
  void [id, text, reply, updates, final, viaMemory, viaMemoryStream, deleted];
}
