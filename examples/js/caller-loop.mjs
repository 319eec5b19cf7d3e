// The caller drives the loop: store the user turn, fetch the context block, call your own model
// with it, store the model's reply as the assistant turn.
//
// With OPENAI_API_KEY set this calls OpenAI's chat completions over plain HTTP (OPENAI_MODEL,
// default gpt-4o-mini; OPENAI_BASE_URL for a compatible server). Without it, a local stand-in
// "model" says it is offline and quotes the context it was given.
//
//   SPECTRON_URL=http://localhost:9090 SPECTRON_API_KEY=... node caller-loop.mjs "I live in Lisbon." "Where do I live?"
import { Spectron } from 'spectron';
import { messages, option } from './messages.mjs';

const client = new Spectron();
const memory = client.memory(process.env.SPECTRON_CONTEXT ?? 'default');
const session = await memory.sessions.create({ scope: { user: option('user') || 'ada' } });
console.log(`session ${session.id}`);

const history = [];
for await (const message of messages()) {
  if (!process.stdin.isTTY) console.log(`you> ${message}`);
  const turn = await session.turn({ role: 'user', content: message });
  const learned = turn.attributes.map((a) => `${a.key}=${a.value}`);
  if (learned.length) console.log(`  (memory: ${learned.join(', ')})`);

  const { context } = await session.context({ query: message, k: 8 });
  const reply = await model(context, history, message);
  await session.turn({ role: 'assistant', content: reply });
  history.push({ role: 'user', content: message }, { role: 'assistant', content: reply });
  console.log(`assistant> ${reply}`);
}

async function model(context, history, message) {
  if (!process.env.OPENAI_API_KEY) return offline(context);
  const base = (process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  const response = await fetch(`${base}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
      messages: [
        { role: 'system', content: `You are a helpful assistant. What you remember about the user:\n${context}` },
        ...history.slice(-10),
        { role: 'user', content: message },
      ],
    }),
  });
  if (!response.ok) throw new Error(`OpenAI ${response.status}: ${await response.text()}`);
  const body = await response.json();
  return body.choices[0].message.content;
}

/** The stand-in model: no LLM, it only quotes the memory items of the context block. */
function offline(context) {
  const items = context.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
  if (items.length === 0) return '[offline model] I have no LLM here, and memory holds nothing about this yet.';
  return `[offline model] I have no LLM here. Memory says: ${items.slice(0, 4).join('; ')}`;
}
