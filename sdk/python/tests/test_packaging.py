"""The package under test is the installed one, and it needs nothing outside the standard library."""

from __future__ import annotations

import ast
import os
import sys
import unittest
from pathlib import Path

import spectron


class PackagingTest(unittest.TestCase):
    def test_installed_package_is_under_test(self) -> None:
        venv = os.environ.get("SPECTRON_SDK_EXPECT_INSTALLED")
        if not venv:
            self.skipTest("run through sdk/python/run-tests to check the installed package")
        location = Path(spectron.__file__).resolve()
        self.assertTrue(str(location).startswith(str(Path(venv).resolve())), location)
        self.assertTrue((location.parent / "py.typed").is_file(), "py.typed is installed")

    def test_standard_library_only(self) -> None:
        package = Path(spectron.__file__).parent
        stdlib = set(sys.stdlib_module_names)
        for source in package.glob("*.py"):
            tree = ast.parse(source.read_text())
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    self.assertTrue(top in stdlib or top == "__future__", f"{source.name} imports {name}")

    def test_version(self) -> None:
        self.assertRegex(spectron.__version__, r"^\d+\.\d+\.\d+")


if __name__ == "__main__":
    unittest.main()
