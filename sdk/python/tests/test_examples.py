"""Runs examples/python/full_loop.py and caller_loop.py against the test server, each in its own context,
and checks that a fact from the first message comes back later."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest

import support

EXAMPLES = support.REPO / "examples" / "python"


class ExamplesTest(unittest.TestCase):
    def run_example(self, script: str, *args: str, stdin: str | None = None, context: tuple[str, str],
                    user: str = "ada") -> str:
        env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "PYTHONPATH")}
        env.update(SPECTRON_URL=support.server().url, SPECTRON_API_KEY=context[1], SPECTRON_CONTEXT=context[0],
                   SPECTRON_USER=user)
        with tempfile.TemporaryDirectory() as cwd:  # not the source tree: the installed package is imported
            done = subprocess.run([sys.executable, str(EXAMPLES / script), *args], input=stdin or "", env=env,
                                  cwd=cwd, capture_output=True, text=True, timeout=180)
        self.assertEqual(done.returncode, 0, f"{script} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    @staticmethod
    def after(output: str, marker: str) -> str:
        index = output.find(marker)
        return output[index + len(marker):] if index >= 0 else ""

    def test_full_loop(self) -> None:
        context = support.fresh_context("ex-full-")
        out = self.run_example("full_loop.py", "I moved to Porto last month and I have a dog named Rex.",
                               "Where do I live?", context=context)
        self.assertIn("user: I moved to Porto", out)
        self.assertIn("memory: ", out)
        self.assertIn("home=Porto", out)
        self.assertIn("Porto", self.after(out, "user: Where do I live?"), out)
        self.assertEqual(out.count("assistant: "), 2, out)

        # A second run is a new session of the same user: memory carries over. Messages from stdin, streamed.
        out = self.run_example("full_loop.py", "--stream", stdin="What is my dog called?\nWhere do I live?\n",
                               context=context)
        self.assertEqual(out.count("assistant: "), 2, out)
        self.assertIn("Porto", self.after(out, "user: Where do I live?"), out)

    def test_caller_loop(self) -> None:
        context = support.fresh_context("ex-caller-")
        out = self.run_example("caller_loop.py", "I moved to Lisbon last month.", "Where do I live?",
                               context=context)
        self.assertIn("model: offline", out)
        self.assertIn("memory: home=Lisbon", out)
        second = self.after(out, "user: Where do I live?")
        self.assertIn("Lisbon", second.split("assistant:")[0], "the context of message 2 has the fact of message 1")
        self.assertIn("(offline model", second)
        self.assertIn("Lisbon", second.split("assistant:")[1])

        from spectron import Spectron
        memory = Spectron(base_url=support.server().url, api_key=context[1]).memory(context[0])
        sessions = memory.sessions.list()
        self.assertEqual(len(sessions), 1)
        self.assertEqual([t.role for t in sessions[0].turns()], ["user", "assistant", "user", "assistant"])


if __name__ == "__main__":
    unittest.main()
