"""End to end over a real sshd: the reader runs on the far side of ``ssh -tt`` inside tmux.

The test starts ``sshd`` on 127.0.0.1 at a free port with throwaway host and user keys, opens
a tmux session locally whose pane runs ``ssh -tt ... newsread`` on a test library, sends keys
(open the seed, jump to Objectives, search) and reads the pane with ``tmux capture-pane -p``:
the headline must read right to left with joined letters, and the three objectives be listed.
It is skipped, saying why, only when sshd, ssh or tmux is missing (``.ci/run`` installs them).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarize.analysis import analyze
from tests.app_support import index_of_title, make_library
from tui.rendering import render_text

SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else None)
MISSING = [
    name
    for name, path in (
        ("sshd", SSHD),
        ("ssh", shutil.which("ssh")),
        ("tmux", shutil.which("tmux")),
        ("ssh-keygen", shutil.which("ssh-keygen")),
    )
    if not path
]
pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} (installed by .ci/run)")

COLS, ROWS = 100, 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def visual(text: str) -> str:
    """How ``text`` looks on one line once shaped and reordered."""
    return render_text(text, 500)[0].strip()


@pytest.fixture
def sshd(tmp_path):
    keys = tmp_path / "keys"
    keys.mkdir(mode=0o700)
    for name in ("host", "user"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True)
    (keys / "authorized_keys").write_text((keys / "user.pub").read_text())
    os.chmod(keys / "authorized_keys", 0o600)
    Path("/run/sshd").mkdir(exist_ok=True) if os.geteuid() == 0 else None  # privilege separation dir
    port = free_port()
    config = tmp_path / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {keys / 'host'}\nPidFile {tmp_path / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {keys / 'authorized_keys'}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n"
        "AcceptEnv LANG LC_*\nPrintMotd no\n"
    )
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        if proc.poll() is not None:
            pytest.fail(f"sshd did not start: {proc.stderr.read()}")
        time.sleep(0.1)
    yield port, keys / "user"
    proc.terminate()
    proc.wait(timeout=10)


def tmux_alive(tmux: Tmux) -> bool:
    return "e2e" in subprocess.run([*tmux.base, "list-sessions"], capture_output=True, text=True).stdout


class Tmux:
    def __init__(self, socket_name: str):
        self.base = ["tmux", "-L", socket_name]

    def __call__(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, predicate, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError("timed out; the screen was:\n" + screen)


def test_reader_over_ssh_in_tmux(sshd, tmp_path):
    port, user_key = sshd
    library_path = tmp_path / "library.db"
    library = make_library(library_path)
    seed = index_of_title(library, "جيفري")
    article = library.get(library.rows(offset=seed, limit=1)[0].id)
    library.close()
    objectives = analyze(article.text, article.language).objectives
    newsread = shutil.which("newsread") or f"{sys.executable} -m tui.entry"
    remote = f"env TERM=screen NEWSREAD_LIBRARY={library_path} NEWSREAD_KEYMAP={tmp_path / 'none.toml'} {newsread}"
    ssh = (
        f"ssh -tt -p {port} -i {user_key} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
        f" -o LogLevel=ERROR 127.0.0.1 '{remote}'"
    )
    tmux = Tmux(f"newsread-e2e-{os.getpid()}")
    tmux("new-session", "-d", "-s", "e2e", "-x", str(COLS), "-y", str(ROWS), ssh)
    try:
        tmux.wait_for(lambda s: "newsread ·" in s)
        tmux("send-keys", "-t", "e2e", *(["j"] * seed), "Enter")
        headline = visual(article.title)
        screen = tmux.wait_for(lambda s: headline in s)
        assert article.title not in screen  # logical order would be wrong on this terminal
        tmux("send-keys", "-t", "e2e", "3")
        wanted = [visual(f"{n}. {item.split()[0]}") for n, item in enumerate(objectives[0].items, 1)]
        assert len(wanted) == 3
        screen = tmux.wait_for(lambda s: all(w in s for w in wanted))
        assert "Objectives" in screen
        tmux("send-keys", "-t", "e2e", "/")
        tmux.wait_for(lambda s: "Search the library" in s)
        tmux("send-keys", "-t", "e2e", "-l", "Gusenbauer")
        tmux.wait_for(lambda s: "Gusenbauer reelected" in s and "found" in s)
        tmux("send-keys", "-t", "e2e", "Enter")
        tmux.wait_for(lambda s: "Gusenbauer" in s and "found" not in s)
        tmux("send-keys", "-t", "e2e", "q")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and tmux_alive(tmux):
            time.sleep(0.2)
        assert not tmux_alive(tmux), "q did not quit the app:\n" + tmux.screen()

    finally:
        subprocess.run([*tmux.base, "kill-server"], capture_output=True)
