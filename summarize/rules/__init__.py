"""Rules as data: cue words, titles, number words and list markers.

Each module here is a plain table a linguist can extend without touching the
algorithms in ``summarize.attendees`` and ``summarize.objectives``. Arabic entries
are written as in running text; the algorithms normalize them (hamza forms, harakat,
tatweel, digits) before matching, so one spelling per word is enough.
"""
