"""Bundled sample articles (see SOURCES.md beside them for origins and licences)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SEED = "seed-ar"


def sample_names() -> list[str]:
    """Names of the bundled samples, without the ``.txt``."""
    return sorted(p.name[:-4] for p in resources.files(__name__).iterdir() if p.name.endswith(".txt"))


def sample_path(name: str) -> Path:
    """Path of a bundled sample; ``KeyError`` when there is no such sample."""
    if name not in sample_names():
        raise KeyError(name)
    return Path(str(resources.files(__name__).joinpath(f"{name}.txt")))
