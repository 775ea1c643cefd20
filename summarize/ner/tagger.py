"""The trained models, opened lazily: one CRFsuite tagger per thread and language.

A ``pycrfsuite.Tagger`` keeps the current sequence inside it, so two threads must never share
one. The model bytes are read from the package once (``importlib.resources``, which also works
from a wheel or a zip) and each thread opens its own tagger on them; nothing happens at import.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pycrfsuite

MODELS = {"ar": "person-ar.crfsuite", "en": "person-en.crfsuite"}
_local = threading.local()
_read_lock = threading.Lock()


def model_language(lang: str) -> str:
    """Arabic text gets the Arabic model; every other language the English (Latin-script) one."""
    return "ar" if lang.lower().split("-")[0] == "ar" else "en"


@cache
def _model_bytes(name: str) -> bytes:
    return resources.files("summarize.ner").joinpath("models", name).read_bytes()


def model_bytes(lang: str) -> bytes:
    """The packaged weights of one model (read once, shared by all threads)."""
    with _read_lock:  # functools.cache may run the read twice under a race; the lock keeps it once
        return _model_bytes(MODELS[lang])


def tagger_for(lang: str) -> pycrfsuite.Tagger:
    """This thread's tagger for the model language ``lang`` ("ar" or "en")."""
    taggers = getattr(_local, "taggers", None)
    if taggers is None:
        taggers = _local.taggers = {}
    tagger = taggers.get(lang)
    if tagger is None:
        import pycrfsuite  # a C extension: loaded on first use, not when summarize is imported

        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(model_bytes(lang))
        taggers[lang] = tagger
    return tagger
