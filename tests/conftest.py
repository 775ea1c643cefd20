"""Shared fixtures: the bundled samples and a way to run the real ``newsread`` binary."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from articles.samples import SEED, sample_path

ROOT = Path(__file__).resolve().parent.parent

# The installed ``newsread`` script lives beside the interpreter running the suite (a venv's bin),
# where a user who activated that venv finds it too.
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"

# Dates show in local time: one zone for every run, so screens and snapshots do not depend on the machine.
os.environ["TZ"] = "UTC"
time.tzset()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return sample_path(SEED).read_text(encoding="utf-8")


def run_newsread(*args: str, input: bytes | None = None, env: dict | None = None, timeout: float = 60):
    """Run the installed CLI as a user would (a new process), return the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tui.entry", *args],
        input=input,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.fixture
def newsread():
    return run_newsread


def assert_one_line_error(result, fragment: str) -> None:
    """A failed command said why in one line on stderr, without a traceback."""
    err = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert fragment in err
