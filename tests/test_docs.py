"""The README and docs/ hold together: small landing page, links that resolve, a keymap sample that
works, a CLI reference that names everything ``tui/cli_spec.py`` defines, and a site that builds.

Each check is a function that returns the problems it found, so the ``*_catches_*`` tests can show
it failing on a known-bad input.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tui.cli_spec import COMMANDS, GLOBAL_PARAMS, Param
from tui.keymap import APP_BINDINGS, MAIN_BINDINGS, KeymapError, parse_keymap

README = ROOT / "README.md"
CHANGELOG = ROOT / "CHANGELOG.md"
DOCS = ROOT / "docs"
CLI_REFERENCE = DOCS / "cli.md"
MAX_README_BYTES = 10_000
TEST_COMMAND = (
    "python3 -m venv --clear .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest -n auto"
)
FORBIDDEN = ("linproxy", "../shared", "/work/")  # dead proxy links, paths outside the repository, machine paths
TEXTUAL_KEYS = ("tab", "shift+tab", "ctrl+c")  # bound by Textual on every screen
PALETTE = "command-palette"

_FENCE = re.compile(r"^(```|~~~)([^\n]*)\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_HTML_LINK = re.compile(r"\b(?:src|href)\s*=\s*\"([^\"]+)\"")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced code block."""
    return [(m.group(2).strip(), m.group(3)) for m in _FENCE.finditer(text)]


def prose(text: str) -> str:
    """``text`` without code blocks and code spans, where links are only examples."""
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def link_targets(text: str) -> list[str]:
    body = prose(text)
    return [m.group(1) for pattern in (_LINK, _REFERENCE, _HTML_LINK) for m in pattern.finditer(body)]


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@cache
def anchors(path: Path) -> frozenset[str]:
    """Anchors of ``path``'s headings that both mkdocs (toc) and GitHub give the same name."""
    import markdown

    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])
    md.convert(path.read_text(encoding="utf-8"))
    found = set()
    stack = list(md.toc_tokens)
    while stack:
        token = stack.pop()
        if token["id"] == github_slug(html.unescape(token["name"])):
            found.add(token["id"])
        stack.extend(token["children"])
    return frozenset(found)


def link_problems(page: Path, root: Path = ROOT) -> list[str]:
    """Relative links and images of ``page`` that do not reach a file of the repository (or its heading)."""
    problems = []
    for target in link_targets(page.read_text(encoding="utf-8")):
        if _SCHEME.match(target) or target.startswith("//"):
            continue  # a web address
        where, _, anchor = target.partition("#")
        if target.startswith("/"):
            problems.append(f"{page.name}: {target}: an absolute path, not a relative link")
            continue
        file = (page.parent / where).resolve() if where else page.resolve()
        if not file.is_relative_to(root.resolve()) or {".git", ".venv"} & set(file.relative_to(root.resolve()).parts):
            problems.append(f"{page.name}: {target}: outside the repository")
        elif not file.is_file():
            problems.append(f"{page.name}: {target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            problems.append(f"{page.name}: {target}: no heading with that anchor")
    return problems


def forbidden_problems(files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [f"{path.name}: contains {word!r}" for word in FORBIDDEN if word in text]
    return problems


def section(text: str, heading: str) -> str | None:
    """The lines under the line ``heading`` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.splitlines()
    if heading not in lines:
        return None
    out = []
    for line in lines[lines.index(heading) + 1 :]:
        hashes = len(line) - len(line.lstrip("#"))
        if 0 < hashes <= level and line[hashes : hashes + 1] == " ":
            break
        out.append(line)
    return "\n".join(out)


def quick_start_problems(readme: str, ci: str) -> list[str]:
    """Two one-line code blocks in the quick start; the second is CI's test command, verbatim."""
    quick = section(readme, "## Quick start")
    if quick is None:
        return ["README: no '## Quick start' section"]
    blocks = [body.strip() for _, body in fenced_blocks(quick)]
    problems = []
    if len(blocks) != 2 or any("\n" in b for b in blocks):
        problems.append(f"README quick start: {len(blocks)} code blocks, not two one-line commands")
    if blocks and not (blocks[0].startswith("python3 -m venv") and blocks[0].endswith("newsread")):
        problems.append(f"README quick start: the first command does not install and open newsread: {blocks[0]!r}")
    if TEST_COMMAND not in blocks:
        problems.append("README quick start: the test command is not there verbatim")
    if TEST_COMMAND not in ci.splitlines():
        problems.append(".ci/run: does not run the README's test command verbatim")
    return problems


def keymap_problems(sample: str) -> list[str]:
    """A keymap sample that fails to parse, takes ctrl+p from the palette or binds a key twice."""
    try:
        keymap = parse_keymap(sample, "sample")
    except KeymapError as exc:
        return [str(exc)]
    problems = [f"{bid} rebinds ctrl+p" for bid, keys in keymap.items() if "ctrl+p" in keys.split(",")]
    if PALETTE in keymap:
        problems.append("the sample moves the command palette off ctrl+p")
    owners: dict[str, list[str]] = defaultdict(list)
    for binding in (*APP_BINDINGS, *MAIN_BINDINGS):
        for key in keymap.get(binding.id or "", binding.key).split(","):
            owners[key.strip()].append(binding.id or binding.action)
    for key in TEXTUAL_KEYS:
        owners[key].append("textual")
    problems += [f"{key} is bound to {', '.join(ids)}" for key, ids in owners.items() if len(ids) > 1]
    return problems


def _mentioned(text: str, token: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text) is not None


def _param_problems(where: str, text: str, param: Param) -> list[str]:
    wanted = [*param.flags, *([param.metavar] if param.metavar else []), *([param.envvar] if param.envvar else [])]
    problems = [f"{where}: {token} is not mentioned" for token in wanted if not _mentioned(text, token)]
    problems += [
        f"{where}: value `{c}` of {param.label} is not mentioned" for c in param.choices if f"`{c}`" not in text
    ]
    if param.flags and param.default is not None and not param.is_flag and not param.many:
        long = param.flags[0]
        rows = [line for line in text.splitlines() if line.startswith("|") and _mentioned(line, long)]
        if not any(_mentioned(row, str(param.default)) for row in rows):
            problems.append(f"{where}: no table row gives {long}'s default, {param.default}")
    return problems


def cli_reference_problems(text: str) -> list[str]:
    """What ``tui/cli_spec.py`` defines and the reference does not say, or says and is not defined."""
    problems = []
    global_flags = {flag for param in GLOBAL_PARAMS for flag in param.flags} | {"-h", "--help"}
    global_options = section(text, "## Global options")
    if global_options is None:
        problems.append("no '## Global options' section")
    else:
        for param in GLOBAL_PARAMS:
            problems += _param_problems("global options", global_options, param)
        problems += [
            f"global options: {f} is not mentioned" for f in ("-h", "--help") if not _mentioned(global_options, f)
        ]
    for command in COMMANDS:
        body = section(text, f"## newsread {command.name}")
        if body is None:
            problems.append(f"no '## newsread {command.name}' section")
            continue
        for param in command.params:
            problems += _param_problems(command.name, body, param)
        defined = {flag for param in command.params for flag in param.flags} | global_flags
        for flag in sorted(set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", body)) - defined):
            problems.append(f"{command.name}: {flag} is not an option of this command")
    return problems


# -- the README ----------------------------------------------------------------------------------


def test_the_readme_is_a_landing_page_under_10_kb():
    size = README.stat().st_size
    assert size < MAX_README_BYTES, f"README.md is {size:,} bytes; move detail to docs/"


def test_the_readme_quick_start_is_two_commands_and_ci_runs_the_second():
    assert quick_start_problems(README.read_text(encoding="utf-8"), (ROOT / ".ci" / "run").read_text()) == []


def test_the_quick_start_check_catches_a_changed_test_command():
    readme = "## Quick start\n\n```sh\npython3 -m venv .venv && .venv/bin/pip install . && .venv/bin/newsread\n```\n\n"
    readme += "```sh\npython -m pip install -q -e '.[test]' && python -m pytest\n```\n"
    problems = quick_start_problems(readme, "python -m pytest\n")
    assert any("verbatim" in p for p in problems) and any(".ci/run" in p for p in problems)


# -- links ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_every_relative_link_and_image_resolves(page):
    assert link_problems(page) == []


def test_the_changelog_has_no_relative_links():
    """It is shown from two places (the root and docs/changelog.md): a relative link would break in one."""
    relative = [t for t in link_targets(CHANGELOG.read_text(encoding="utf-8")) if not _SCHEME.match(t)]
    assert relative == []


def test_the_link_check_catches_broken_links(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.md").write_text("# Other\n\n## Real heading\n", encoding="utf-8")
    page = tmp_path / "docs" / "page.md"
    page.write_text(
        "# Page\n\n[ok](other.md#real-heading) [same](#page) `[code](missing.md)`\n"
        "[gone](missing.md) ![img](images/none.svg) [anchor](other.md#nope) [here](#nowhere)\n"
        "[out](../../elsewhere.md) [abs](/etc/passwd)\n",
        encoding="utf-8",
    )
    problems = link_problems(page, root=tmp_path)
    assert len(problems) == 6, problems


def test_no_dead_proxy_links_or_paths_outside_the_repository():
    files = [README, CHANGELOG, ROOT / "mkdocs.yml", *(p for p in sorted(DOCS.rglob("*")) if p.is_file())]
    assert forbidden_problems(files) == []


def test_the_forbidden_text_check_catches_them(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("see ../shared/eval and /work/main, or https://linproxy.example/\n", encoding="utf-8")
    assert len(forbidden_problems([page])) == 3


# -- the keymap sample ---------------------------------------------------------------------------


def keymap_samples() -> list[tuple[str, str]]:
    return [
        (page.name, body)
        for page in pages()
        for info, body in fenced_blocks(page.read_text(encoding="utf-8"))
        if info.split()[:1] == ["toml"]
    ]


def test_the_docs_show_a_keymap_sample():
    assert any(name == "reader.md" for name, _ in keymap_samples())


@pytest.mark.parametrize("sample", [pytest.param(body, id=name) for name, body in keymap_samples()])
def test_the_keymap_sample_parses_and_leaves_ctrl_p_to_the_palette(sample):
    assert keymap_problems(sample) == []


def test_the_keymap_check_catches_the_old_sample():
    old = '[keys]\ncursor-down = "j,down,ctrl+n"\ncursor-up = "k,up,ctrl+p"\nquit = "ctrl+q"\n'
    assert any("ctrl+p" in p for p in keymap_problems(old))
    assert keymap_problems('[keys]\ntoggle-star = "s,r"\n') == ["r is bound to toggle-read, toggle-star"]
    assert keymap_problems('[keys]\nfly = "f"\n')[0].startswith("sample: unknown binding id 'fly'")


# -- the CLI reference ---------------------------------------------------------------------------


def test_the_cli_reference_names_every_command_argument_and_option():
    assert cli_reference_problems(CLI_REFERENCE.read_text(encoding="utf-8")) == []


def test_the_cli_reference_check_catches_a_missing_or_stale_option():
    text = CLI_REFERENCE.read_text(encoding="utf-8")
    stale = text.replace("--ratio", "--share").replace("NEWSREAD_BIDI", "NEWSREAD_DIRECTION")
    problems = cli_reference_problems(stale)
    assert "summarize: --ratio is not mentioned" in problems
    assert "summarize: --share is not an option of this command" in problems
    assert "global options: NEWSREAD_BIDI is not mentioned" in problems
    assert "no '## newsread rm' section" in cli_reference_problems(text.replace("## newsread rm", "## rm"))


# -- the site ------------------------------------------------------------------------------------


def test_the_docs_site_builds_without_a_warning(tmp_path):
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    changelog = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Unreleased" in changelog  # docs/changelog.md, the link to CHANGELOG.md, was followed
    assert not (site / "screenshots.py").exists()
