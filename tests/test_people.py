"""The people index: who attended what across the library, kept with each stored analysis."""

from __future__ import annotations

import pytest

from articles.model import Article
from articles.people import person_key
from articles.store import Library, ListFilter
from summarize.analysis import Analysis, Attendee


def seen(*people: tuple[str, str | None, tuple[str, ...]]) -> Analysis:
    return Analysis("ar", None, "news", (), tuple(Attendee(n, t, a) for n, t, a in people), (), ())


@pytest.fixture
def lib(tmp_path):
    with Library(tmp_path / "lib.db") as library:
        yield library


def add(lib: Library, title: str, published: str) -> Article:
    article = Article(title=title, paragraphs=(f"{title} body",), published=published)
    article_id = lib.add(article)[0]
    return lib.get(article_id)


def test_one_person_across_articles_by_name_and_spelling(lib):
    first = add(lib, "first", "2024-01-01")
    second = add(lib, "second", "2024-02-01")
    third = add(lib, "third", "2024-03-01")
    lib.store_analysis(first.content_hash, "v", seen(("جيمس جيفري", "المبعوث", ("جميس جيفري", "جيفري"))))
    lib.store_analysis(second.content_hash, "v", seen(("جميس جيفري", None, ())))  # the other spelling
    lib.store_analysis(third.content_hash, "v", seen(("جيمس جيفرى", "السفير", ())))  # ى for ي
    (person,) = lib.people()
    assert person.articles == 3 and person.title == "السفير"  # the newest article's title
    assert [r.id for r in lib.rows(ListFilter(person=person.id))] == [third.id, second.id, first.id]


def test_a_surname_alone_never_merges_two_people(lib):
    a, b = add(lib, "a", "2024-01-01"), add(lib, "b", "2024-01-02")
    lib.store_analysis(a.content_hash, "v", seen(("جيمس جيفري", None, ("جيفري",))))
    lib.store_analysis(b.content_hash, "v", seen(("روبرت جيفري", None, ("جيفري",))))
    assert sorted(p.name for p in lib.people()) == ["جيمس جيفري", "روبرت جيفري"]


def test_a_new_analysis_replaces_the_attendance_of_its_article(lib):
    a = add(lib, "a", "2024-01-01")
    lib.store_analysis(a.content_hash, "v1", seen(("Ruth Kelly", None, ())))
    lib.store_analysis(a.content_hash, "v2", seen(("Tony Blair", None, ())))
    assert [p.name for p in lib.people()] == ["Tony Blair"]
    assert lib.people_indexed(a.content_hash, "v2") and not lib.people_indexed(a.content_hash, "v1")


def test_removing_an_article_removes_its_attendance(lib):
    a, b = add(lib, "a", "2024-01-01"), add(lib, "b", "2024-01-02")
    for article in (a, b):
        lib.store_analysis(article.content_hash, "v", seen(("Ruth Kelly", "Education Secretary", ())))
    lib.remove([a.id])
    (person,) = lib.people()
    assert person.articles == 1
    lib.remove([b.id])
    assert lib.people() == []


def test_people_are_found_by_any_part_of_any_spelling(lib):
    a = add(lib, "a", "2024-01-01")
    lib.store_analysis(a.content_hash, "v", seen(("خالد بن سعيد المنصوري", None, ()), ("Ruth Kelly", None, ())))
    assert [p.name for p in lib.people("المنصوري")] == ["خالد بن سعيد المنصوري"]
    assert [p.name for p in lib.people("kelly")] == ["Ruth Kelly"]
    assert lib.people("100%_") == []  # LIKE's wildcards are the user's text, not patterns
    assert lib.find_person("ruth kelly").name == "Ruth Kelly"
    assert lib.person_in_article(a.id, "Ruth Kelly") == lib.find_person("Ruth Kelly").id


@pytest.mark.parametrize(
    ("one", "other"), [("مسئول عربي", "مسؤول عربي"), ("Ruth  Kelly,", "ruth kelly"), ("أحمد", "احمد")]
)
def test_the_key_folds_what_writers_vary(one, other):
    assert person_key(one) == person_key(other)


def test_the_library_analysis_is_resumable_and_indexes_old_cached_analyses_without_recomputing(lib):
    from articles.analysis_cache import analyse_library, analyzer_version

    articles = [add(lib, f"Talks {n}", f"2024-01-{n + 1:02d}") for n in range(6)]
    version = analyzer_version()
    # one analysis cached before the people index existed: stored, then its attendance dropped
    lib.store_analysis(articles[0].content_hash, version, seen(("Ann Lee", None, ())))
    lib.conn.execute("DELETE FROM attendance")
    lib.conn.execute("DELETE FROM people_indexed")
    calls: list[str] = []

    def analyse(text: str, language: str | None) -> Analysis:
        calls.append(text)
        return seen((f"Person {len(calls)}", None, ()))

    stop_after = 3
    computed = analyse_library(lib, analyse=analyse, cancelled=lambda: len(calls) >= stop_after)
    assert computed == len(calls) == stop_after  # stopped part-way
    analyse_library(lib, analyse=analyse)  # the next run picks up where the first stopped
    assert len(calls) == len(lib.ids()) - 1  # every article once, but the one already cached
    assert all(lib.people_indexed(lib.get(i).content_hash, version) for i in lib.ids())
    assert "Ann Lee" in {person.name for person in lib.people()}  # indexed from the cache, not recomputed
    assert analyse_library(lib, analyse=analyse) == 0 and len(calls) == len(lib.ids()) - 1
