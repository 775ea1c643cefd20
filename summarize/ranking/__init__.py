"""Sentence ranking for the summarizer: scoring, duplicate detection, graph methods and selection.

Every module here is pure text analysis. Only ``graphs`` imports numpy, and only
when a graph method (lsa, lex-rank, text-rank, reduction) runs.
"""
