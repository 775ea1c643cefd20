"""Layout snapshots (pytest-textual-snapshot) of the seed article at 80x24 and 160x48.

Stored as SVG under tests/snapshots/; ``pytest --snapshot-update`` rewrites them after a
deliberate change. The SVG text carries the Arabic in visual order with presentation (joined)
forms, which ``test_screens_show_the_headline_shaped_in_visual_order`` checks directly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension

from tests.app_support import index_of_title, make_app, make_library, settle

SEED_TITLE_WORD = "جيفري"


class _InSnapshotsDir(SVGImageExtension):
    @classmethod
    def dirname(cls, *, test_location) -> str:
        return str(Path(test_location.filepath).parent / "snapshots" / test_location.basename)


@pytest.fixture
def snapshot(snapshot):
    """The plugin asks for its SVG extension; hand it ours, which writes under tests/snapshots/."""
    redirected = snapshot.use_extension(_InSnapshotsDir)
    redirected.use_extension = lambda *_args, **_kw: snapshot.use_extension(_InSnapshotsDir)
    return redirected


@pytest.fixture
def seed_app(tmp_path):
    library = make_library(tmp_path / "lib.db")
    app = make_app(library)
    app.seed_index = index_of_title(library, SEED_TITLE_WORD)
    yield app
    library.close()


def _open_seed(*keys: str):
    async def run_before(pilot) -> None:
        from tui.widgets.article_list import ArticleList

        while not pilot.app.screen.query(ArticleList):  # auto-pilot starts before the screen is composed
            await pilot.pause(0.01)
        screen = pilot.app.screen
        screen.article_list.move_to(pilot.app.seed_index)
        await pilot.press("enter", *keys)
        await settle(pilot)

    return run_before


def test_seed_80x24_reader(snap_compare, seed_app):
    assert snap_compare(seed_app, terminal_size=(80, 24), run_before=_open_seed())


def test_seed_80x24_objectives(snap_compare, seed_app):
    assert snap_compare(seed_app, terminal_size=(80, 24), run_before=_open_seed("3"))


def test_seed_160x48_all_panes(snap_compare, seed_app):
    assert snap_compare(seed_app, terminal_size=(160, 48), run_before=_open_seed("3"))


def test_list_80x24(snap_compare, seed_app):
    assert snap_compare(seed_app, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_screens_show_the_headline_shaped_in_visual_order(seed_app, size):
    from tui.rendering import render_text

    async with seed_app.run_test(size=size) as pilot:
        await _open_seed()(pilot)
        screen = pilot.app.screen
        title = screen.article.title
        width = screen.reader.scrollable_content_region.width
        shown = seed_app.export_screenshot()
        for line in render_text(title, width):
            visual = line.strip()
            assert visual != title and any("\ufe70" <= ch <= "\ufefc" for ch in visual)  # joined forms
            assert visual.replace(" ", "&#160;") in shown or visual in shown
