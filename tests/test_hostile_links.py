"""Issue 17, links: ``y`` copies only sanitized single-line links (17.12); ``o`` makes only http(s)
sources clickable, and fetches can refuse private addresses on every redirect hop (17.13)."""

from __future__ import annotations

from articles.model import Article
from articles.store import Library
from tests.app_support import settle
from tests.hostile import FILLER_EN, hostile_text, leaks

PASTE_JACK = "http://ok.test/a\x1b[201~\nrm -rf ~\n\x1b[200~"
HOSTILE_SOURCES = [
    PASTE_JACK,
    "https://ok.test/\u202egnp.exe",
    "http://ok.test/a\tb",
    "http://ok.test/a\u2028b",
    "file:///etc/passwd",
    "javascript://%0Aalert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
]


def library_of(path, sources: list[str], body: str = FILLER_EN) -> Library:
    library = Library(path)
    for n, source in enumerate(sources):
        library.add(Article(title=f"Linked story {n}", paragraphs=(f"{body} {n}", body), source=source, language="en"))
    return library


def recorder(app) -> list[str]:
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # what would go to the terminal as OSC 52
    return copied


async def test_y_never_copies_a_control_or_a_line_break_of_a_link(tmp_path):
    from tui.app import NewsreadApp

    library = library_of(tmp_path / "lib.db", [*HOSTILE_SOURCES, "https://ok.test/story?id=1"])
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            copied = recorder(app)
            for _ in range(len(HOSTILE_SOURCES) + 1):
                await settle(pilot)
                await pilot.press("y")  # the list has focus: the link, if the source is one
                await pilot.press("o", "y")  # the link screen's own copy
                await pilot.pause()
                await pilot.press("j")
            await pilot.pause()
            assert all(not leaks(text.replace("\n", " ")) for text in copied)
            links = [text for text in copied if "minister" not in text]  # not a link: the summary is copied
            assert links
            for text in links:
                assert "\n" not in text and "\u2028" not in text and "\t" not in text, repr(text)
            assert "https://ok.test/story?id=1" in links
            assert app.is_running
    finally:
        library.close()


async def test_the_copied_summary_has_no_control(tmp_path):
    from tui.app import NewsreadApp

    library = Library(tmp_path / "lib.db")
    library.add_many(
        [Article(title="Story", paragraphs=tuple(hostile_text("\x1b]52;c;cm0=\x07\x1b[201~").split("\n\n")[1:]))]
    )
    try:
        app = NewsreadApp(library)
        async with app.run_test(size=(120, 40)) as pilot:
            copied = recorder(app)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("1", "y")  # the Summary panel has focus: the summary is copied
            await pilot.pause()
            assert copied and "minister" in copied[-1]
            assert not leaks(copied[-1].replace("\n", " ")), repr(copied[-1])
    finally:
        library.close()
