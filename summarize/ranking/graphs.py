"""sumy's LexRank, TextRank, Reduction and LSA on numpy: the same ratings, without sumy's Python loops.

Each function takes the sentences as sumy sees them (lists of stemmed words, stop words already
out) and returns one rating per sentence, equal to what sumy computes:

- TextRank: edge weight = shared word count / (log len_i + log len_j), the same dense stochastic
  matrix and power method as sumy, with the word-overlap counts from one sparse product
  (``_products``).
- LexRank: idf-modified cosine above 0.1 as an edge, degree-normalised, sumy's power method.
- Reduction: the sum of a sentence's TextRank edge weights to the other sentences.
- LSA: sumy keeps every singular dimension, so a sentence's rating sqrt(sum_k s_k^2 v_kj^2) is the
  Euclidean norm of its column of the term-sentence matrix (A = U S V^T and U is orthonormal).
  The norm is computed directly from the sentence's counts: no matrix, no SVD, linear time and
  memory (sumy builds a dense |words| x |sentences| matrix: 7.8 GB on 2 MB of text). sumy's own
  ties are broken by rounding noise of the SVD (and the hash order of its dictionary); here ties
  go to the earlier sentence.

Graph methods are quadratic in the number of sentences by nature; the caller caps that number
(see ``summarize.sumy_methods``). numpy is imported here only. The sentence-by-sentence products
need no sparse-matrix library: scipy used to do them, and with scipy installed NLTK's package
``__init__`` (which sumy's stemmers import) also loads ``scipy.stats``, about 2 s of CPU on every
``newsread summarize -a lex-rank``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy

MAX_POWER_ITERATIONS = 10_000  # sumy iterates until converged; a guard against a graph that never settles
# A term in more sentences than this goes through a dense product (sentences x frequent terms); the
# others through their pairs of sentences, at most this many pairs per sentence a term is in.
DENSE_MIN_SENTENCES = 32


def _postings(sentences: Sequence[Sequence[str]]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, int]:
    """Each (sentence, term) pair with its count: rows, term ids, counts, and the number of terms."""
    vocabulary: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for row, words in enumerate(sentences):
        for term, count in Counter(words).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            vals.append(count)
    return (
        numpy.array(rows, dtype=numpy.int64),
        numpy.array(cols, dtype=numpy.int64),
        numpy.array(vals, dtype=numpy.float64),
        len(vocabulary),
    )


def _products(rows: numpy.ndarray, cols: numpy.ndarray, vals: numpy.ndarray, count: int, terms: int) -> numpy.ndarray:
    """``M @ M.T`` for the sentence x term matrix ``M`` given by its nonzero entries, without building ``M``.

    Terms in more than ``DENSE_MIN_SENTENCES`` sentences (few of them: at most entries / 32) go
    through a dense product; every other term adds ``value_i * value_j`` for each pair of its
    sentences (at most 32 pairs per entry), summed by ``bincount``. Both are linear in memory.
    """
    out = numpy.zeros((count, count))
    if not len(rows):
        return out
    frequency = numpy.bincount(cols, minlength=terms)
    dense = frequency[cols] > DENSE_MIN_SENTENCES
    if dense.any():
        frequent, column = numpy.unique(cols[dense], return_inverse=True)
        matrix = numpy.zeros((count, len(frequent)))
        matrix[rows[dense], column] = vals[dense]
        out += matrix @ matrix.T
    sparse_rows, sparse_cols, sparse_vals = rows[~dense], cols[~dense], vals[~dense]
    if len(sparse_rows):
        order = numpy.argsort(sparse_cols, kind="stable")
        sparse_rows, sparse_cols, sparse_vals = sparse_rows[order], sparse_cols[order], sparse_vals[order]
        sizes = frequency[sparse_cols]  # each entry pairs with every entry of its term, itself included
        first = numpy.searchsorted(sparse_cols, sparse_cols)  # where its term's entries start
        left = numpy.repeat(numpy.arange(len(sparse_rows)), sizes)
        block = numpy.repeat(numpy.cumsum(sizes) - sizes, sizes)
        right = numpy.repeat(first, sizes) + (numpy.arange(len(left)) - block)
        flat = sparse_rows[left] * count + sparse_rows[right]
        weights = sparse_vals[left] * sparse_vals[right]
        out += numpy.bincount(flat, weights=weights, minlength=count * count).reshape(count, count)
    return out


def _power_method(matrix: numpy.ndarray, epsilon: float, normalise: bool) -> numpy.ndarray:
    """sumy's power method, step for step (same dense products, same stopping rule)."""
    transposed = matrix.T
    count = len(matrix)
    p_vector = numpy.array([1.0 / count] * count)
    lambda_val = 1.0
    for _ in range(MAX_POWER_ITERATIONS):
        if lambda_val <= epsilon:
            break
        next_p = numpy.dot(transposed, p_vector)
        if normalise:
            norm = numpy.linalg.norm(next_p)
            if norm == 0:  # no sentence has a word: every rating is the same
                return numpy.zeros(count)
            next_p /= norm
        lambda_val = float(numpy.linalg.norm(numpy.subtract(next_p, p_vector)))
        p_vector = next_p
    return p_vector


def text_rank(sentences: Sequence[Sequence[str]], damping: float = 0.85, epsilon: float = 1e-4) -> list[float]:
    """TextRank ratings as sumy's ``TextRankSummarizer.rate_sentences`` gives them."""
    count = len(sentences)
    if not count:
        return []
    rows, cols, vals, terms = _postings(sentences)
    shared = _products(rows, cols, vals, count, terms)  # shared[i, j] = sum over words of count_i * count_j
    lengths = [len(words) for words in sentences]
    logs = numpy.array([math.log(n) if n else 0.0 for n in lengths])
    norm = logs[:, None] + logs[None, :]
    weights = numpy.zeros((count, count))
    linked = shared > 0
    single = linked & numpy.isclose(norm, 0.0)  # two one-word sentences: the shared count itself
    plain = linked & ~single
    weights[plain] = shared[plain] / norm[plain]
    weights[single] = shared[single]
    weights /= weights.sum(axis=1)[:, numpy.newaxis] + 1e-7
    matrix = numpy.full((count, count), (1.0 - damping) / count) + damping * weights
    return [float(v) for v in _power_method(matrix, epsilon, normalise=False)]


def lex_rank(sentences: Sequence[Sequence[str]], threshold: float = 0.1, epsilon: float = 0.1) -> list[float]:
    """LexRank ratings as sumy's ``LexRankSummarizer`` computes them."""
    count = len(sentences)
    if not count:
        return []
    rows, cols, vals, terms = _postings(sentences)
    document_frequency = numpy.bincount(cols, minlength=terms).astype(numpy.float64)
    idf = numpy.array([math.log(count / (1 + n)) for n in document_frequency])
    top = numpy.zeros(count)
    numpy.maximum.at(top, rows, vals)
    tf_idf = vals / top[rows] * idf[cols]  # tf / max tf of the sentence, divided as sumy divides, times idf
    numerator = _products(rows, cols, tf_idf, count, terms)
    lengths = numpy.sqrt(numpy.bincount(rows, weights=tf_idf * tf_idf, minlength=count))
    denominator = lengths[:, None] * lengths[None, :]
    cosine = numpy.zeros((count, count))
    nonzero = denominator > 0
    cosine[nonzero] = numerator[nonzero] / denominator[nonzero]
    matrix = (cosine > threshold).astype(numpy.float64)
    degrees = matrix.sum(axis=1)
    degrees[degrees == 0] = 1.0
    matrix /= degrees[:, None]
    return [float(v) for v in _power_method(matrix, epsilon, normalise=True)]


def lsa(sentences: Sequence[Sequence[str]], dictionary: frozenset[str], smooth: float = 0.4) -> list[float]:
    """sumy's LSA rating of each sentence: the norm of its smoothed max-tf column (see module doc).

    ``sentences`` hold every stemmed word (stop words included, as sumy counts them), and
    ``dictionary`` the stems of the document's non-stop words, headings included.
    """
    size = len(dictionary)
    out = []
    for words in sentences:
        counts = Counter(w for w in words if w in dictionary)
        if not counts:
            out.append(0.0)
            continue
        top = max(counts.values())
        present = sum((smooth + (1.0 - smooth) * (c / top)) ** 2 for c in counts.values())
        out.append(math.sqrt(present + smooth * smooth * (size - len(counts))))
    return out


def reduction(sentences: Sequence[Sequence[str]]) -> list[float]:
    """sumy's Reduction ratings: each sentence's summed edge weights (as TextRank's) to every other one."""
    count = len(sentences)
    if not count:
        return []
    rows, cols, vals, terms = _postings(sentences)
    shared = _products(rows, cols, vals, count, terms)
    numpy.fill_diagonal(shared, 0.0)
    logs = numpy.array([math.log(len(words)) if words else 0.0 for words in sentences])
    norm = logs[:, None] + logs[None, :]
    weights = numpy.zeros((count, count))
    linked = (shared > 0) & (norm != 0.0)
    weights[linked] = shared[linked] / norm[linked]
    return [float(v) for v in weights.sum(axis=1)]
