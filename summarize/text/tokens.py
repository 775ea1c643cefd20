"""Words as every analyzer sees them: runs of letters and digits, harakat and tatweel inside a word kept."""

from __future__ import annotations

import re

# sumy's own pattern silently drops every word that carries a diacritic, so we use ours everywhere.
MARKS = "\u064b-\u065f\u0670"
WORD = re.compile(rf"[^\W_](?:[^\W_]|[{MARKS}\u0640'’-](?=[^\W_]|[{MARKS}]))*[{MARKS}]*")


def words(text: str) -> list[str]:
    """Words as written (harakat kept), in order."""
    return WORD.findall(text)
