"""Helpers for the corpus tests: generated articles and a cheap analyzer that misbehaves on cue."""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

from summarize.analysis import Analysis, Attendee, Objectives, SummarySentence
from tests.conftest import ROOT


def generate_articles(out: Path, count: int, seed: int = 1) -> list[Path]:
    """``count`` made-up news articles (Arabic and English) under ``out``, by the benchmarks' generator."""
    spec = importlib.util.spec_from_file_location("gen_articles", ROOT / "benchmarks" / "gen_articles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(out, count, seed)


def fake_analyzer(text: str, language: str | None) -> Analysis:
    """An instant analysis naming the text; ``boom`` raises, ``slow`` sleeps, ``crash`` kills its process."""
    if text == "boom":
        raise ValueError("boom went the article")
    if text == "slow":
        time.sleep(30)
    if text == "crash":
        os._exit(3)
    return Analysis(
        language or "xx",
        text[:30],
        "fake",
        (SummarySentence(0, 1.0, text, 0, len(text)),),
        (Attendee("Someone", None, ("S.",)),),
        ("delegates",),
        (Objectives("lead", None, 2, ("a", "b"), False),),
    )
