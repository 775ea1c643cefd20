"""Near-duplicate sentences (pull-quotes repeat body sentences), found without comparing every pair.

A sentence is a near-duplicate when at least ``containment`` of its distinct terms lie inside
another sentence that is longer (more distinct terms), or as long and earlier, and that other
sentence is not itself a near-duplicate of an earlier one. That is the rule the summarizer always
had; it used to compare every pair of sentences (quadratic). Here each question is answered on
demand through an inverted index with prefix filtering: a sentence that shares ``need`` of its
``m`` terms with another must share one of its ``m - need + 1`` rarest terms, so only the
postings of those few rare terms are read. The summarizer asks only about sentences it is about
to choose, so the work is bounded by the summary's length, not the article's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class DuplicateIndex:
    """Answers ``is_duplicate(i)`` for the sentences given (in article order), each answer memoised."""

    def __init__(self, bags: Mapping[int, Iterable[str]], containment: float):
        self._containment = containment
        self._sets: dict[int, frozenset[str]] = {i: frozenset(bag) for i, bag in bags.items()}
        self._order = {i: rank for rank, i in enumerate(self._sets)}
        self._postings: dict[str, list[int]] = {}
        for i, terms in self._sets.items():
            for term in terms:
                self._postings.setdefault(term, []).append(i)
        self._memo: dict[int, bool] = {}
        self._found: dict[int, list[int]] = {}

    def _need(self, size: int) -> int:
        """The least overlap ``k`` with ``k / size >= containment`` (the same float test as always)."""
        k = max(0, int(size * self._containment) - 1)
        while k / size < self._containment:
            k += 1
        return k

    def _containers(self, i: int) -> list[int]:
        """Sentences holding at least ``containment`` of ``i``'s terms, longer or as long and earlier."""
        mine = self._sets[i]
        size = len(mine)
        need = self._need(size)
        rarest = sorted(mine, key=lambda t: (len(self._postings[t]), t))[: size - need + 1]
        rank = self._order[i]
        seen: set[int] = {i}
        out = []
        for term in rarest:
            for j in self._postings[term]:
                if j in seen:
                    continue
                seen.add(j)
                other = self._sets[j]
                if len(other) < size or (len(other) == size and self._order[j] > rank):
                    continue
                if len(mine & other) / size >= self._containment:
                    out.append(j)
        return out

    def is_duplicate(self, i: int) -> bool:
        """True when ``i`` repeats a sentence that is kept (see the module's rule)."""
        # Depth-first without recursion: a long chain of copies must not hit Python's recursion limit.
        stack = [i]
        while stack:
            top = stack[-1]
            if top in self._memo:
                stack.pop()
                continue
            if not self._sets[top]:
                self._memo[top] = False
                stack.pop()
                continue
            if top not in self._found:
                self._found[top] = self._containers(top)
            rank = self._order[top]
            found = self._found[top]
            # later sentences were never dropped when this one was asked about; earlier ones count if kept
            verdict = any(self._order[j] > rank or self._memo.get(j) is False for j in found)
            pending = None if verdict else next((j for j in found if j not in self._memo), None)
            if pending is not None:
                stack.append(pending)
                continue
            self._memo[top] = verdict
            del self._found[top]
            stack.pop()
        return self._memo[i]
