"""Every option and argument of ``newsread``, defined once as data.

Both ways in read these definitions: the Typer CLI (``tui.cli``, which also draws ``--help``) and
the fast path (``tui.fast_cli``), which runs the commands scripts call in loops (``summarize``,
``extract``, ``list``, ``search``) without Typer's start-up cost. Values are checked and converted
here too (``Param.convert``), so both paths accept the same input and say the same thing about a
bad one, in newsread's words.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.errors import UsageError
from tui.options import BidiMode, GlobalOptions, Harakat, RenderOptions

SUMMARY_METHODS = (
    "news",
    "classic",
    "lead",
    *("lsa", "lex-rank", "text-rank", "luhn", "edmundson", "sum-basic", "kl", "reduction"),  # sumy's
)
INPUTS_HELP = "Article files, '-' for standard input, sample:NAME (a bundled sample) or @ID (a library article)."


@dataclass(frozen=True)
class Param:
    """One option (``flags`` given) or positional argument (no flags) of a command."""

    name: str  # the keyword the command function receives
    flags: tuple[str, ...] = ()
    help: str = ""
    metavar: str | None = None
    kind: type = str  # str, int, float, or bool for a flag
    default: Any = None
    choices: tuple[str, ...] = ()
    many: bool = False  # an argument taking several values, or an option given several times
    required: bool = False
    envvar: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def is_flag(self) -> bool:
        return self.kind is bool

    @property
    def label(self) -> str:
        """How messages name it: the long flag, or the argument's placeholder."""
        return self.flags[0] if self.flags else (self.metavar or self.name.upper())

    def convert(self, value: Any) -> Any:
        """The checked value of one given input (a string), or ``UsageError`` in newsread's words."""
        if value is None or self.is_flag:
            return value
        if self.many and isinstance(value, list | tuple):
            return [self.convert_one(v) for v in value]
        return self.convert_one(value)

    def convert_one(self, text: str) -> Any:
        if self.choices and text not in self.choices:
            raise UsageError(f"{self.label}: {text!r} is not one of {', '.join(self.choices)}")
        value: Any = text
        if self.kind is int:
            if not text.strip().lstrip("+-").isdigit() or not text.strip().isascii():
                raise UsageError(f"{self.label}: expected a whole number, not {text!r}")
            value = int(text)
        elif self.kind is float:
            try:
                value = float(text)
            except ValueError:
                raise UsageError(f"{self.label}: expected a number, not {text!r}") from None
        if self.minimum is not None and value < self.minimum:
            raise UsageError(f"{self.label}: {text} is below the smallest allowed, {self.minimum:g}")
        if self.maximum is not None and value > self.maximum:
            raise UsageError(f"{self.label}: {text} is above the largest allowed, {self.maximum:g}")
        return value


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, help, parameters and the function that runs it (``module:function``).

    The function takes the ``GlobalOptions`` first, then one keyword per parameter, and returns the
    exit status. ``fast`` commands may run without Typer.
    """

    name: str
    help: str
    params: tuple[Param, ...]
    target: str
    fast: bool = False
    epilog: str = ""

    def load(self) -> Callable[..., int]:
        import importlib

        module, _, function = self.target.partition(":")
        return getattr(importlib.import_module(module), function)


def _format(*choices: str, default: str | None = None) -> Param:
    names = ", ".join(choices[:-1]) + f" or {choices[-1]}"
    return Param(
        "output_format", ("--format", "-f"), f"{names}.", "FORMAT", default=default or choices[0], choices=choices
    )


LANGUAGE = Param("language", ("--language", "-l"), "Language code (ar, en, fr ...); detected when omitted.", "LANG")

GLOBAL_PARAMS: tuple[Param, ...] = (
    Param("debug", ("--debug",), "Show full tracebacks on errors.", kind=bool, default=False),
    Param(
        "bidi",
        ("--bidi",),
        "app: newsread shapes and reorders Arabic (most terminals); "
        "terminal: the terminal does (VTE, Konsole, mlterm).",
        "MODE",
        default="app",
        choices=tuple(BidiMode),
        envvar="NEWSREAD_BIDI",
    ),
    Param(
        "harakat",
        ("--harakat",),
        "Arabic diacritics on screen: drop (clean in every font) or keep (drawn after their letter).",
        "MODE",
        default="drop",
        choices=tuple(Harakat),
        envvar="NEWSREAD_HARAKAT",
    ),
    Param(
        "library",
        ("--library",),
        "The library file (SQLite); default in your data directory.",
        "PATH",
        envvar="NEWSREAD_LIBRARY",
    ),
    Param("version", ("--version",), "Show the version and exit.", kind=bool, default=False),
)

COMMANDS: tuple[Command, ...] = (
    Command(
        "summarize",
        "Summarize articles: the chosen sentences in article order.",
        (
            Param("files", (), INPUTS_HELP, "FILE...", many=True, required=True),
            Param(
                "sentences",
                ("--sentences", "-n"),
                "How many sentences to keep (default: more for a longer article, 1 to 6).",
                "N",
                int,
                minimum=1,
            ),
            Param(
                "ratio",
                ("--ratio", "-r"),
                "Share of the sentences to keep (0 to 1).",
                "SHARE",
                float,
                minimum=0,
                maximum=1,
            ),
            Param(
                "algorithm",
                ("--algorithm", "-a"),
                "news (default: newsread's learned ranking), classic (its earlier weights), lead (the first "
                "sentences), or a sumy method: " + ", ".join(SUMMARY_METHODS[3:]) + ".",
                "METHOD",
                default="news",
                choices=SUMMARY_METHODS,
            ),
            LANGUAGE,
            _format("text", "json", "markdown"),
            Param(
                "explain",
                ("--explain",),
                "Text: after each sentence, why it was chosen (its place, score and strongest features).",
                kind=bool,
                default=False,
            ),
        ),
        "tui.commands.summarize_cmd:summarize",
        fast=True,
        epilog="JSON output is one object per input (JSON Lines), each sentence with its position, score, "
        "reason and strongest features.",
    ),
    Command(
        "extract",
        "Extract attendees (with titles and groups) and numbered objectives from articles.",
        (
            Param("files", (), INPUTS_HELP, "FILE...", many=True, required=True),
            LANGUAGE,
            _format("text", "json"),
            Param("as_json", ("--json",), "Same as --format json.", kind=bool, default=False),
        ),
        "tui.commands.extract_cmd:extract",
        fast=True,
        epilog="JSON output is one object per input (JSON Lines).",
    ),
    Command(
        "analyze",
        "Analyse a whole corpus (summary, attendees, objectives), as data, on every core or a Dask cluster. "
        "With --out: one record per article (the analysis JSON plus id, path and error) in JSON Lines (.jsonl, "
        "or '-' for standard output), one Parquet file (.parquet) or a Parquet dataset (a folder/). "
        "Without --out: fill the library's analysis cache for --library-all or @IDs, skipping what is cached.",
        (
            Param(
                "inputs",
                (),
                "Text files, folders (recursive), JSON Lines (.jsonl, .jsonl.gz: one article a line), Parquet files, "
                "'-' (standard input), sample:NAME or @ID (a library article).",
                "INPUT...",
                many=True,
                default=(),
            ),
            Param(
                "out",
                ("--out", "-o"),
                "Write records here: FILE.jsonl, FILE.parquet, FOLDER/ (Parquet parts) or - (JSON Lines on "
                "standard output). Without it, fill the library's analysis cache instead.",
                "PATH",
            ),
            Param("library_all", ("--library-all", "--all"), "Every article of the library.", kind=bool, default=False),
            Param(
                "jobs",
                ("--jobs", "-j"),
                "Worker processes (default: every core); with --dask local, the workers of the local cluster.",
                "N",
                int,
                minimum=1,
            ),
            Param(
                "unordered",
                ("--unordered",),
                "Write records as they finish, not in input order (keeps every core busy behind a slow article).",
                kind=bool,
                default=False,
            ),
            Param(
                "resume",
                ("--resume",),
                "Continue an output: skip the articles it holds already (by id). Without it an existing "
                "output is refused.",
                kind=bool,
                default=False,
            ),
            Param(
                "text_field", ("--text-field",), "JSON Lines/Parquet: the article text's field.", "NAME", default="text"
            ),
            Param("id_field", ("--id-field",), "JSON Lines/Parquet: a field with each article's id.", "NAME"),
            Param(
                "title_field",
                ("--title-field",),
                "JSON Lines/Parquet: a field with the headline (it becomes the record's title).",
                "NAME",
            ),
            Param(
                "input_format",
                ("--input-format",),
                "auto (by name: .jsonl, .parquet, else text; '-' is one text), text, jsonl or parquet.",
                "FORMAT",
                default="auto",
                choices=("auto", "text", "jsonl", "parquet"),
            ),
            LANGUAGE,
            Param(
                "dask",
                ("--dask",),
                "Run on a Dask cluster: the scheduler's address (tcp://host:8786) or 'local' for a local cluster; "
                "--out is then a folder of Parquet parts (needs newsread[cluster]).",
                "ADDRESS",
            ),
            Param(
                "partition_size",
                ("--partition-size",),
                "Articles per Dask task and per Parquet part of a folder output.",
                "N",
                int,
                default=1000,
                minimum=1,
            ),
            Param(
                "timeout",
                ("--timeout",),
                "Give up on an article after this many seconds (0: never); it is recorded as failed. "
                "Not on a Dask cluster.",
                "SECONDS",
                float,
                default=120,
                minimum=0,
            ),
        ),
        "tui.commands.analyze_cmd:analyze",
        fast=True,
        epilog="Progress with rate and ETA on stderr when it is a terminal; a one-line summary at the end. "
        "Exit status 1 when any article failed (its record says why). See docs/corpus-scale.md.",
    ),
    Command(
        "add",
        "Import articles: text/Markdown files, folders, web pages, RSS/Atom feeds, newsread JSON exports.",
        (
            Param("refs", (), "Files, folders (recursive), URLs, or '-'.", "PATH|URL...", many=True, required=True),
            Param("tags", ("--tag", "-t"), "Tag every imported article (repeatable).", "TAG", many=True, default=()),
        ),
        "tui.commands.library_cmd:add",
    ),
    Command(
        "list",
        "List stored articles, newest first: id, unread (•) and starred (★) marks, language, date, title.",
        (
            Param("unread", ("--unread",), "Only unread articles.", kind=bool, default=False),
            Param("starred", ("--starred",), "Only starred articles.", kind=bool, default=False),
            Param("lang", ("--lang",), "Only articles in this language (ar, en, ...).", "LANG"),
            Param("feed", ("--feed",), "Only articles of this feed (its id, URL or title; see 'feeds list').", "FEED"),
            Param("folder", ("--folder",), "Only articles of the feeds in this folder.", "FOLDER"),
            Param("limit", ("--limit", "-n"), "How many rows (0: all).", "N", int, default=100, minimum=0),
            Param("offset", ("--offset",), "Skip this many rows first.", "N", int, default=0, minimum=0),
            _format("text", "json"),
        ),
        "tui.commands.library_cmd:list_articles",
        fast=True,
    ),
    Command(
        "show",
        "Show one article: kicker, headline, details, then the text (pull-quotes marked with '>').",
        (
            Param("article_ref", (), "Article id (12 or @12).", "ID", required=True),
            _format("text", "json", "markdown"),
        ),
        "tui.commands.library_cmd:show",
    ),
    Command(
        "search",
        "Full-text search over titles and bodies, Arabic-aware (diacritics, alef, ة/ه, ى/ي) and English-stemmed.",
        (
            Param(
                "query",
                (),
                'Words (in any form: بحضور finds حضور), word* for a prefix, or "a phrase".',
                "[QUERY...]",
                many=True,
                default=(),
            ),
            Param(
                "person",
                ("--person", "-p"),
                "Only the articles this person attended (any spelling, or part of the name), newest first.",
                "NAME",
            ),
            Param("limit", ("--limit", "-n"), "How many hits.", "N", int, default=20, minimum=1),
            _format("text", "json"),
        ),
        "tui.commands.library_cmd:search",
        fast=True,
    ),
    Command(
        "people",
        "People who attended the events of the library's articles, most followed first, with their latest title.",
        (
            Param("query", (), "Only people with this in one of their names.", "[QUERY]"),
            Param("limit", ("--limit", "-n"), "How many people.", "N", int, default=50, minimum=1),
            _format("text", "json"),
        ),
        "tui.commands.people_cmd:people",
        fast=True,
        epilog="The index is filled as articles are analysed (the reader, or 'newsread analyze --library-all').",
    ),
    Command(
        "rm",
        "Remove articles (with their search entries and cached analyses).",
        (Param("refs", (), "Article ids (12 or @12).", "ID...", many=True, required=True),),
        "tui.commands.library_cmd:rm",
    ),
    Command(
        "mark",
        "Mark articles read or unread, starred or not.",
        (
            Param("refs", (), "Article ids (12 or @12).", "ID...", many=True, required=True),
            Param("read", ("--read",), "Mark read.", kind=bool, default=False),
            Param("unread", ("--unread",), "Mark unread.", kind=bool, default=False),
            Param("star", ("--star",), "Star.", kind=bool, default=False),
            Param("unstar", ("--unstar",), "Unstar.", kind=bool, default=False),
        ),
        "tui.commands.library_cmd:mark",
    ),
    Command(
        "export",
        "Export articles (oldest first); 'newsread add' of a JSON export gives back the same library.",
        (
            Param("refs", (), "Article ids; all when omitted.", "[ID...]", many=True, default=()),
            _format("json", "markdown"),
            Param("output", ("--output", "-o"), "Write to this file instead of standard output.", "PATH"),
        ),
        "tui.commands.library_cmd:export",
    ),
)

FEED_REFS = Param("feeds", (), "Feeds by id, URL or title (see 'feeds list').", "FEED...", many=True, required=True)

FEED_COMMANDS: tuple[Command, ...] = (
    Command(
        "feeds add",
        "Subscribe to feeds: a feed URL, a web page that advertises its feed, or an OPML list (file or URL).",
        (
            Param("sources", (), "Feed or page URLs, OPML files.", "URL|FILE.opml...", many=True, required=True),
            Param("folder", ("--folder",), "Put the new subscriptions in this folder (a/b nests).", "FOLDER"),
            Param(
                "full_text",
                ("--full-text",),
                "Fetch each new entry's linked page and keep its article (for feeds that carry only a summary).",
                kind=bool,
                default=False,
            ),
        ),
        "tui.commands.feeds_cmd:add",
        epilog="A feed URL is fetched at once and its entries stored; an OPML list's feeds wait for "
        "'newsread refresh'.",
    ),
    Command(
        "feeds list",
        "List subscriptions: id, title, URL, last fetch, last error, items and unread.",
        (_format("text", "json"),),
        "tui.commands.feeds_cmd:list_feeds",
    ),
    Command(
        "feeds rm",
        "Unsubscribe from feeds (their articles stay in the library).",
        (FEED_REFS,),
        "tui.commands.feeds_cmd:rm",
    ),
    Command(
        "feeds rename",
        "Give a feed another title (or move it to another folder).",
        (
            Param("feed", (), "The feed (id, URL or title).", "FEED", required=True),
            Param("title", (), "Its new title.", "[TITLE]"),
            Param("folder", ("--folder",), "Move it to this folder ('' for none).", "FOLDER"),
        ),
        "tui.commands.feeds_cmd:rename",
    ),
    Command(
        "feeds set-full-text",
        "Fetch the linked page of each new entry of these feeds (or, with --off, keep the feed's own text).",
        (FEED_REFS, Param("off", ("--off",), "Turn it off.", kind=bool, default=False)),
        "tui.commands.feeds_cmd:set_full_text",
    ),
    Command(
        "feeds export",
        "Export the subscriptions as an OPML 2.0 list (folders as nested outlines).",
        (
            _format("opml"),
            Param("output", ("--output", "-o"), "Write to this file instead of standard output.", "PATH"),
        ),
        "tui.commands.feeds_cmd:export",
    ),
    Command(
        "refresh",
        "Fetch the subscriptions that are due (or the ones named) and store their new and edited entries.",
        (
            Param("feeds", (), "Only these feeds (id, URL or title); all when omitted.", "[FEED...]", many=True),
            Param("force", ("--force",), "Fetch them even if they are not due yet.", kind=bool, default=False),
        ),
        "tui.commands.feeds_cmd:refresh",
        fast=True,  # run from cron every few minutes: no Typer start-up
        epilog="One summary line; the exit status is 1 only when every fetched feed failed.",
    ),
)
GROUPS: dict[str, str] = {
    "feeds": "Subscriptions: add, list, rm, rename, set-full-text, export (see 'newsread refresh')."
}

COMMANDS = (*COMMANDS, *FEED_COMMANDS)
COMMANDS_BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}


def global_options(values: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> GlobalOptions:
    """The typed ``GlobalOptions`` from given values (missing ones from the environment, then defaults)."""
    environ = os.environ if environ is None else environ
    resolved: dict[str, Any] = {}
    for param in GLOBAL_PARAMS:
        value = values.get(param.name)
        if value is None and param.envvar and environ.get(param.envvar):
            value = environ[param.envvar]
        resolved[param.name] = param.default if value is None else param.convert(value)
    library = resolved["library"]
    return GlobalOptions(
        render=RenderOptions(BidiMode(resolved["bidi"]), Harakat(resolved["harakat"])),
        library=Path(library).expanduser() if library else None,  # an empty NEWSREAD_LIBRARY: the default
        debug=bool(resolved["debug"]),
    )


def convert_all(command: Command, values: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter of ``command`` checked and converted (defaults for the ones not given)."""
    out = {}
    for param in command.params:
        value = values.get(param.name)
        if value is None or (param.many and not value and not param.required):
            out[param.name] = param.default if not param.many else tuple(param.default or ())
        else:
            out[param.name] = param.convert(value)
    return out
