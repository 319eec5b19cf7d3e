#!/usr/bin/env python3
"""Full loop: Spectron drives the conversation with session.chat() (the seed's "full loop example").

Each message is stored as a user turn, memory is retrieved, the context's response model answers, and the
reply is stored as an assistant turn; the result carries the reply and the memory diff.

    SPECTRON_URL=http://localhost:9090 SPECTRON_API_KEY=sk-... python3 examples/python/full_loop.py
    python3 examples/python/full_loop.py "I moved to Porto." "Where do I live?"   # messages as arguments
    printf 'I moved to Porto.\nWhere do I live?\n' | python3 examples/python/full_loop.py

With a terminal on stdin it reads one message per line until EOF or "exit"; with messages as arguments or
piped stdin it runs them in order. --stream prints the reply word by word as it arrives. SPECTRON_CONTEXT
picks the context (default "default"); SPECTRON_USER the user the session is scoped to (default "ada").
"""

from __future__ import annotations

import os
import sys

from spectron import Spectron, SpectronError


def messages_from(argv: list[str]) -> list[str] | None:
    if argv:
        return argv
    if not sys.stdin.isatty():
        return [line.strip() for line in sys.stdin if line.strip()]
    return None  # interactive


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--stream"]
    stream = "--stream" in sys.argv[1:]
    client = Spectron()  # SPECTRON_URL and SPECTRON_API_KEY from the environment
    memory = client.memory(os.environ.get("SPECTRON_CONTEXT", "default"))
    session = memory.sessions.create(scope={"user": os.environ.get("SPECTRON_USER", "ada")})
    print(f"session {session.id}")

    scripted = messages_from(args)

    def next_message() -> str | None:
        if scripted is not None:
            return scripted.pop(0) if scripted else None
        try:
            line = input("you> ").strip()
        except EOFError:
            return None
        return None if line in ("exit", "quit") else line

    while (message := next_message()) is not None:
        if not message:
            continue
        print(f"user: {message}")
        try:
            if stream:
                print("assistant: ", end="", flush=True)
                chat = session.chat(message, stream=True)
                for chunk in chat:
                    print(chunk.delta, end="", flush=True)
                print()
                result = chat.result  # the final chunk carried the full result
                assert result is not None
            else:
                result = session.chat(message)
                print(f"assistant: {result.reply}")
        except SpectronError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        updates = result.memory_updates
        learnt = [f"{a.entity or ''} {a.key}={a.value}".strip() for a in updates.attributes]
        learnt += [f"{r.subject} -{r.label}-> {r.object}" for r in updates.relations]
        if learnt:
            print("memory: " + "; ".join(learnt))
        for c in updates.corrections:
            print(f"corrected: {c.key} {c.old_value} -> {c.new_value}")
        if result.citations:
            print("cited: " + "; ".join(f"{c.marker} {c.snippet}" for c in result.citations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
