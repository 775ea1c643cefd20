"""sumy's KL, SumBasic and Luhn summarizers without their quadratic parts, same picks.

KL and SumBasic add sentences greedily and sumy keeps going until every sentence is ranked
(cubic for KL on a long text), although only the first ``count`` picks are returned; these
subclasses stop there. Luhn keeps its significant words in a tuple and scans it for every word;
a frozenset answers the same membership test. Everything else is sumy's own code.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def quick_classes() -> dict[str, type]:
    """The subclasses, built on first use so that sumy is imported only when a sumy method runs."""
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    class _StopsWhenFull:
        _limit = 0

        def __call__(self, document, sentences_count):
            self._limit = sentences_count
            return super().__call__(document, sentences_count)  # type: ignore[misc]  # the sumy class mixed in

    class QuickKL(_StopsWhenFull, KLSummarizer):
        def _compute_ratings(self, sentences):
            word_freq = self.compute_tf(sentences)
            ratings: dict[Any, float] = {}
            summary: list[Any] = []
            sentences_list = list(sentences)
            sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
            while sentences_list and len(summary) < self._limit:
                summary_as_word_list = self._get_all_words_in_doc(summary)
                kls = [
                    self._kl_divergence(self._joint_freq(s, summary_as_word_list), word_freq)
                    for s in sentences_as_words
                ]
                index = self._find_index_of_best_sentence(kls)
                best = sentences_list.pop(index)
                del sentences_as_words[index]
                summary.append(best)
                ratings[best] = -1 * len(ratings)
            return _rank_rest_last(ratings, sentences_list)

    class QuickSumBasic(_StopsWhenFull, SumBasicSummarizer):
        def _compute_ratings(self, sentences):
            word_freq = self._compute_tf(sentences)
            ratings: dict[Any, float] = {}
            sentences_list = list(sentences)
            sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
            picked = 0
            while sentences_list and picked < self._limit:
                index = self._find_index_of_best_sentence(word_freq, sentences_as_words)
                best = sentences_list.pop(index)
                ratings[best] = -len(ratings)
                picked += 1
                self._update_tf(word_freq, sentences_as_words.pop(index))
            return _rank_rest_last(ratings, sentences_list)

    class QuickLuhn(LuhnSummarizer):
        def _get_significant_words(self, words):
            return frozenset(super()._get_significant_words(words))

    return {"kl": QuickKL, "sum-basic": QuickSumBasic, "luhn": QuickLuhn}


def _rank_rest_last(ratings: dict, rest: list) -> dict:
    """Sentences never picked rank below every pick (a picked text keeps its rating)."""
    low = -len(ratings) - 1
    for sentence in rest:
        ratings.setdefault(sentence, low)
    return ratings
