"""Project-wide gates: the one-way import layers, the text core at the bottom, lint and types."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _run(*command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_import_layers_hold():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = _run(str(lint_imports) if lint_imports.exists() else "lint-imports", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_the_text_core_imports_only_the_standard_library_and_itself():
    """Everything in summarize builds on summarize.text; it builds on nothing of newsread's."""
    core = ROOT / "summarize" / "text"
    for path in core.glob("*.py"):
        for module in _imports(path):
            top = module.split(".")[0]
            assert top in sys.stdlib_module_names or module.startswith("summarize.text"), (path.name, module)


def test_ruff_is_clean():
    result = _run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean():
    result = _run(sys.executable, "-m", "mypy", "--no-incremental", timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
