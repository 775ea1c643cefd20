"""Arabic for terminals that do no shaping and no bidi: the pieces behind ``tui.rendering``.

One job per module: ``sanitize`` (controls out, paragraphs apart), ``shaping`` (glyph units
with Arabic presentation forms), ``levels`` (Unicode bidi embedding levels of a paragraph),
``wrap`` (line breaks in logical order, measured in cells), ``reorder`` (one line to visual
order, brackets mirrored). ``tui.rendering`` puts them together and caches the results.
"""
