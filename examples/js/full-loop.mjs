// The seed's "full loop example": Spectron drives the loop. Each message goes to session.chat(),
// which stores it, retrieves memory, calls the context's response model, stores the reply and
// returns the reply with the memory diff.
//
//   SPECTRON_URL=http://localhost:9090 SPECTRON_API_KEY=... node full-loop.mjs            # type messages
//   node full-loop.mjs "I live in Lisbon." "Where do I live?"                             # or pass them
//   node full-loop.mjs --stream --user=ada                                                # stream replies word by word
import { Spectron } from 'spectron';
import { messages, option } from './messages.mjs';

const client = new Spectron(); // baseUrl and apiKey from SPECTRON_URL and SPECTRON_API_KEY
const memory = client.memory(process.env.SPECTRON_CONTEXT ?? 'default');
const session = await memory.sessions.create({ scope: { user: option('user') || 'ada' } });
console.log(`session ${session.id}`);

for await (const message of messages()) {
  if (!process.stdin.isTTY) console.log(`you> ${message}`);
  if (option('stream')) {
    process.stdout.write('assistant> ');
    const stream = await session.chat(message, { stream: true });
    for await (const chunk of stream) {
      if (!chunk.done) process.stdout.write(chunk.delta);
    }
    const result = stream.result; // the final chunk's full result
    process.stdout.write('\n');
    console.log(`  (memory: ${describe(result.memoryUpdates)})`);
  } else {
    const result = await session.chat(message);
    console.log(`assistant> ${result.reply}`);
    console.log(`  (memory: ${describe(result.memoryUpdates)})`);
  }
}

function describe(diff) {
  const facts = diff.attributes.map((a) => `${a.key}=${a.value}`);
  const relations = diff.relations.map((r) => `${r.subject} ${r.label} ${r.object}`);
  const all = [...facts, ...relations];
  return all.length ? all.join(', ') : 'no new facts';
}
