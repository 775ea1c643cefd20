"""The reader's analyses run in a process of their own, so one long article can be stopped.

A thread cannot be stopped from outside: an analysis of a megabyte web page kept a core busy after
the reader had moved on, and quitting waited for it. Here a worker thread of the app hands the text
to one long-lived child process (``python -m tui.analysis_process``) and waits, checking its cancel
flag; when the reader has moved on and the analysis is still running after ``PATIENCE_S``, the child
is killed (a new one starts for the next article). A short analysis is left to finish rather than
paying for a new process.

The protocol is JSON Lines over the child's standard input and output (a plain pipe: the app's own
terminal and threads are not inherited, as a fork would). The child writes a line for each step it
finishes, so the panels can say how far it has got.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import IO, Any

from summarize.analysis import Analysis, Cancelled

PATIENCE_S = 0.5  # a cancelled analysis running longer than this is killed; a shorter one may finish
POLL_S = 0.05


class AnalysisProcess:
    """One child process for analyses, started on first use; safe to call from several threads."""

    def __init__(self, *, niceness: int = 0) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._niceness = niceness  # a background child yields the cores to the reader

    def analyse(
        self,
        text: str,
        language: str | None,
        *,
        cancelled: Callable[[], bool] = lambda: False,
        progress: Callable[[int], None] = lambda steps: None,
    ) -> Analysis:
        """The analysis of ``text``; ``Cancelled`` when ``cancelled()`` turns true first.

        ``progress(n)`` is called as the child finishes its n-th step."""
        with self._lock:
            if cancelled():
                raise Cancelled
            process = self._start()
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(json.dumps({"text": text, "language": language}).encode() + b"\n")
                process.stdin.flush()
            except OSError as exc:
                self._stop()
                raise RuntimeError("the analysis process ended unexpectedly") from exc
            started, steps = time.monotonic(), 0
            for message in self._messages(
                process.stdout, lambda: cancelled() and time.monotonic() - started > PATIENCE_S
            ):
                if "step" in message:
                    steps += 1
                    progress(steps)
                    continue
                if "error" in message:
                    raise RuntimeError(message["error"])
                if cancelled():
                    raise Cancelled
                return Analysis.from_json(message["done"])
            raise AssertionError("unreachable")

    def _messages(self, stream: IO[bytes], give_up: Callable[[], bool]) -> Iterator[dict[str, Any]]:
        """The child's lines as they come; ``Cancelled`` (the child killed) once ``give_up()``.

        The pipe is read with ``os.read`` in chunks: a buffered ``readline`` could hold a second line
        where ``select`` no longer sees it."""
        fd, pending = stream.fileno(), b""
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while True:
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    yield json.loads(line)
                if selector.select(POLL_S):
                    chunk = os.read(fd, 1 << 16)
                    if not chunk:
                        self._stop()
                        raise RuntimeError("the analysis process ended unexpectedly")
                    pending += chunk
                elif give_up():
                    self._stop()
                    raise Cancelled

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tui.analysis_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
            preexec_fn=(lambda: os.nice(self._niceness)) if self._niceness else None,
        )
        return self._process

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait(timeout=5)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()

    def close(self) -> None:
        """Stop the child (at exit); waits for no analysis."""
        self._stop()


def serve(reading: IO[bytes], writing: IO[bytes]) -> None:
    """The child: analyse each text it is sent, a line for each step, until its input closes."""
    from summarize.analysis import analyze

    def send(message: dict[str, Any]) -> None:
        writing.write(json.dumps(message, ensure_ascii=False).encode() + b"\n")
        writing.flush()

    def step() -> bool:
        send({"step": True})
        return False

    for line in reading:
        request = json.loads(line)
        try:
            result = analyze(request["text"], request["language"], cancelled=step)
        except Exception as exc:  # reported to the panels as one line; the child keeps serving
            send({"error": f"{type(exc).__name__}: {exc}"})
            continue
        send({"done": result.to_json()})


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
