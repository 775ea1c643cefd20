"""Sentence ranking for the summarizer: scoring, duplicate detection, graph methods and selection.

Every module here is pure text analysis. Only ``graphs`` imports numpy/scipy, and only
when a graph method (lsa, lex-rank, text-rank) runs.
"""
