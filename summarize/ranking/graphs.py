"""sumy's LexRank, TextRank, Reduction and LSA on numpy/scipy: the same ratings, without sumy's Python loops.

Each function takes the sentences as sumy sees them (lists of stemmed words, stop words already
out) and returns one rating per sentence, equal to what sumy computes:

- TextRank: edge weight = shared word count / (log len_i + log len_j), the same dense stochastic
  matrix and power method as sumy, with the word-overlap counts from one sparse product.
- LexRank: idf-modified cosine above 0.1 as an edge, degree-normalised, sumy's power method.
- Reduction: the sum of a sentence's TextRank edge weights to the other sentences.
- LSA: sumy keeps every singular dimension, so a sentence's rating sqrt(sum_k s_k^2 v_kj^2) is the
  Euclidean norm of its column of the term-sentence matrix (A = U S V^T and U is orthonormal).
  The norm is computed directly from the sentence's counts: no matrix, no SVD, linear time and
  memory (sumy builds a dense |words| x |sentences| matrix: 7.8 GB on 2 MB of text). sumy's own
  ties are broken by rounding noise of the SVD (and the hash order of its dictionary); here ties
  go to the earlier sentence.

Graph methods are quadratic in the number of sentences by nature; the caller caps that number
(see ``summarize.sumy_methods``). numpy and scipy are imported here only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy
from scipy import sparse

MAX_POWER_ITERATIONS = 10_000  # sumy iterates until converged; a guard against a graph that never settles


def _counts(sentences: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Sentence x term matrix of word counts."""
    vocabulary: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for row, words in enumerate(sentences):
        for term, count in Counter(words).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            vals.append(count)
    shape = (len(sentences), max(1, len(vocabulary)))
    return sparse.csr_matrix((numpy.array(vals, dtype=numpy.float64), (rows, cols)), shape=shape)


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
    counts = _counts(sentences)
    shared = (counts @ counts.T).toarray()  # shared[i, j] = sum over words of count_i * count_j
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
    counts = _counts(sentences)
    present = counts.copy()
    present.data[:] = 1.0
    document_frequency = numpy.asarray(present.sum(axis=0)).ravel()
    idf = numpy.array([math.log(count / (1 + n)) for n in document_frequency])
    tf = counts.copy()
    for row in range(count):  # tf / max tf of the sentence, divided as sumy divides
        start, end = tf.indptr[row], tf.indptr[row + 1]
        if end > start:
            tf.data[start:end] /= tf.data[start:end].max()
    tf_idf = tf @ sparse.diags(idf)
    numerator = (tf_idf @ tf_idf.T).toarray()
    lengths = numpy.sqrt(numpy.asarray(tf_idf.multiply(tf_idf).sum(axis=1)).ravel())
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
    counts = _counts(sentences)
    shared = (counts @ counts.T).toarray()
    numpy.fill_diagonal(shared, 0.0)
    logs = numpy.array([math.log(len(words)) if words else 0.0 for words in sentences])
    norm = logs[:, None] + logs[None, :]
    weights = numpy.zeros((count, count))
    linked = (shared > 0) & (norm != 0.0)
    weights[linked] = shared[linked] / norm[linked]
    return [float(v) for v in weights.sum(axis=1)]
