"""Words as every analyzer sees them: runs of letters and digits, harakat and tatweel inside a word kept."""

from __future__ import annotations

import re

# sumy's own pattern silently drops every word that carries a diacritic, so we use ours everywhere.
MARKS = "\u064b-\u065f\u0670"
WORD = re.compile(rf"[^\W_](?:[^\W_]|[{MARKS}\u0640'’-](?=[^\W_]|[{MARKS}]))*[{MARKS}]*")


# Size of the per-word memo caches (features, matching forms, name comparisons, stems). A news article
# has a few thousand distinct words and the analysis reads at most 100,000 characters (about 8,000
# distinct Arabic words), so this keeps every repeat within an article and the common words across
# articles; 8,192 made such a long text 10-15% slower. It also bounds a worker's memory over a corpus:
# filled with 70,000 distinct words the caches of one process hold 71 MB at this size, 236 MB at the
# 65,536 used before ('newsread analyze' workers grew from 40 to 90 MB between 5,000 and 50,000 articles).
WORD_CACHE_SIZE = 16_384


def words(text: str) -> list[str]:
    """Words as written (harakat kept), in order."""
    return WORD.findall(text)
