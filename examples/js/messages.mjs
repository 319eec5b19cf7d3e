// Where the examples' messages come from: the command line, else a terminal (one per line, empty
// line or Ctrl-D ends), else piped standard input, else a fixed demo conversation.
import { createInterface } from 'node:readline';

export const DEMO = [
  "Hi, I'm Ada. I live in Lisbon and I have a dog named Rex.",
  'Where do I live?',
  "What is my dog's name?",
];

/** Command-line words that are not options (`--flag` or `--name=value`). */
export function args() {
  return process.argv.slice(2).filter((a) => !a.startsWith('--'));
}

export function option(name) {
  const hit = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
}

export async function* messages() {
  const given = args();
  if (given.length > 0) {
    yield* given;
    return;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  if (process.stdin.isTTY) process.stdout.write('you> ');
  let any = false;
  for await (const line of rl) {
    const text = line.trim();
    if (text === '' && process.stdin.isTTY) break;
    if (text === '') continue;
    any = true;
    yield text;
    if (process.stdin.isTTY) process.stdout.write('you> ');
  }
  if (!any && !process.stdin.isTTY) yield* DEMO;
}
