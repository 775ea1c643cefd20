"""Train, dev and test splits with no shared text, for both languages.

Arabic: test = the CAMeL Lab test split of ANERcorp (its last 25,008 lines); dev = the 20,000
lines of ANERcorp just before it; train = WikiFANE + NewsFANE + the rest of ANERcorp. Every
training sentence whose text occurs in a held-out split is removed first (NewsFANE is ANERcorp's
text annotated again). ``final=True`` trains on train + dev and keeps only the test held out.

English: test = UNER English-EWT test (web text); dev = UNER dev; train = WNUT17 train and dev,
the Broad Twitter Corpus and wikigold, minus sentences that occur in dev or test. The WNUT17 test
set (emerging entities) is a second test set; its sentences are removed from training too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from training.ner import corpora
from training.ner.corpora import Sample
from training.ner.overlap import HeldOut

AR_TEST_LINES = 25_008  # the CAMeL Lab split: the last 25,008 words of ANERcorp
AR_DEV_LINES = 20_000
FANE_ZIP = "ar/WikiFANE_2014_Gold_standard.zip"


@dataclass
class Splits:
    """Samples per split, and what was removed for overlap (corpus -> sentences)."""

    train: list[Sample]
    dev: list[Sample]
    tests: dict[str, list[Sample]]
    removed: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)


def _filter(samples: list[Sample], held: HeldOut, splits: Splits) -> list[Sample]:
    kept = [s for s in samples if not held.overlaps(s.text)]
    name = samples[0].corpus if samples else "?"
    splits.removed[name] = splits.removed.get(name, 0) + len(samples) - len(kept)
    splits.kept[name] = splits.kept.get(name, 0) + len(kept)
    return kept


def arabic(root: Path, *, final: bool) -> Splits:
    """The Arabic splits; see the module docstring."""
    stream = corpora.read_anercorp_tokens(root / "ar/ANERCorp.txt")
    lines = stream[-1][0] + 1
    test_from, dev_from = lines - AR_TEST_LINES, lines - AR_TEST_LINES - AR_DEV_LINES
    sentences = corpora.anercorp_sentences(stream)
    news = corpora.read_fane(root / FANE_ZIP, "NewsFANE_Gold_2014_170K.txt", "newsfane")
    wiki = corpora.read_fane(root / FANE_ZIP, "WikiFANE_Gold_2014_500K.txt", "wikifane")
    # Person words of both corpora: FANE's spans leave clitics out, so they vouch for "ياسمين" in "وياسمين".
    person_words = corpora.person_words(sent for _, sent in sentences) + corpora.span_words(news + wiki)
    ane = [(first, corpora.anercorp_sample(sent, person_words)) for first, sent in sentences]
    test = [s for first, s in ane if s is not None and first >= test_from]
    dev = [s for first, s in ane if s is not None and dev_from <= first < test_from]
    rest = [s for first, s in ane if s is not None and first < dev_from]
    held_texts = [s.text for s in test] + ([] if final else [s.text for s in dev])
    held = HeldOut.of(held_texts)
    splits = Splits([], [] if final else dev, {"anercorp-test": test})
    if final:
        rest += dev
    splits.train = _filter(wiki, held, splits) + _filter(news, held, splits) + _filter(rest, held, splits)
    return splits


def english(root: Path, *, final: bool) -> Splits:
    """The English splits; see the module docstring."""
    en = root / "en"
    test = corpora.read_uner(en / "UNER_test.iob2", "uner-test")
    dev = corpora.read_uner(en / "UNER_dev.iob2", "uner-dev")
    wnut_test = corpora.read_conll(en / "WNUT17_emerging.test.annotated", "wnut17-test")
    held = HeldOut.of([s.text for s in test + wnut_test] + ([] if final else [s.text for s in dev]))
    splits = Splits([], [] if final else dev, {"uner-test": test, "wnut17-test": wnut_test})
    sources = [
        corpora.read_conll(en / "WNUT17_wnut17train.conll", "wnut17-train"),
        corpora.read_conll(en / "WNUT17_emerging.dev.conll", "wnut17-dev"),
        *[corpora.read_conll(en / f"BTC_{part}.conll", f"btc-{part}") for part in "abefgh"],
        corpora.read_conll(en / "wikigold_wikigold.conll.txt", "wikigold"),
    ]
    if final:
        sources.append(dev)
    for samples in sources:
        splits.train += _filter(samples, held, splits)
    return splits


def build(lang: str, root: Path, *, final: bool) -> Splits:
    return arabic(root, final=final) if lang == "ar" else english(root, final=final)
