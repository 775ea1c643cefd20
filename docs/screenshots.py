"""Regenerate the reader's screenshots in docs/images/ (SVG, saved by the app itself).

    python docs/screenshots.py

A throwaway library of the bundled samples; the seed article opened at 160x48 and 80x24.
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import replace
from pathlib import Path

from articles.importers.samples import sample_articles
from articles.store import Library
from tui.app import NewsreadApp

IMAGES = Path(__file__).resolve().parent / "images"
SHOTS = [  # (file, size, keys after opening the seed)
    ("app-160x48-seed-objectives.svg", (160, 48), ["3"]),
    ("app-160x48-seed-highlights.svg", (160, 48), ["h", "1"]),
    ("app-80x24-list.svg", (80, 24), None),
    ("app-80x24-seed-reader.svg", (80, 24), []),
    ("app-80x24-seed-objectives.svg", (80, 24), ["3"]),
    ("app-80x24-seed-attendees.svg", (80, 24), ["2"]),
    ("app-80x24-help.svg", (80, 24), ["question_mark"]),
]


async def shoot(library: Library, name: str, size: tuple[int, int], keys: list[str] | None) -> None:
    app = NewsreadApp(library)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if keys is not None:
            seed = next(n for n, row in enumerate(library.rows(limit=100)) if "جيفري" in row.title)
            app.screen.article_list.move_to(seed)
            await pilot.press("enter", *keys)
        while getattr(app.screen, "analysis_pending", False):
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(IMAGES))
    keep_visual_order(IMAGES / name)


# The app draws Arabic already shaped and in visual order, as a terminal shows it; a browser or
# SVG renderer would run the bidi algorithm over the text a second time and reverse it again.
VISUAL_ORDER = "\n    text { unicode-bidi: bidi-override; direction: ltr; }\n"


def keep_visual_order(svg: Path) -> None:
    """Tell SVG viewers to draw each text run in stored order, like the terminal did."""
    content = svg.read_text(encoding="utf-8")
    if VISUAL_ORDER not in content:
        svg.write_text(content.replace("<style>", "<style>" + VISUAL_ORDER, 1), encoding="utf-8")


async def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "lib.db") as library:
        library.add_many(replace(a, imported="2020-01-01T00:00:00.000000+00:00") for a in sample_articles())
        for name, size, keys in SHOTS:
            await shoot(library, name, size, keys)
            print(IMAGES / name)


if __name__ == "__main__":
    asyncio.run(main())
