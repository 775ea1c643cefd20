"""The SQLite library: storing, listing, flags, search, analysis cache, samples."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importers.samples import sample_articles
from articles.model import Article
from articles.samples import sample_names
from articles.schema import APPLICATION_ID, SCHEMA_VERSION
from articles.store import Library, LibraryError, ListFilter
from summarize.analysis import Analysis, Attendee


def art(title: str, *paragraphs: str, **fields) -> Article:
    return Article(title=title, paragraphs=tuple(paragraphs) or (f"Body of {title}.",), **fields)


@pytest.fixture
def lib(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    yield library
    library.close()


def test_new_library_is_wal_versioned_and_marked(tmp_path):
    path = tmp_path / "sub" / "lib.sqlite3"
    Library(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_add_then_get_keeps_every_field_exactly(lib):
    article = Article(
        title="عُنوانٌ مع تشكيل",
        kicker="أخبار عاجلة",
        paragraphs=("فقرة أولى، بالعربية.", "Second paragraph, English 12.", "اقتباس قصير"),
        pull_quotes=("اقتباس قصير",),
        language="ar",
        source="/tmp/x.txt",
        published="2024-01-02",
        tags=("a", "ب"),
    )
    article_id, added = lib.add(article)
    assert added
    got = lib.get(article_id)
    for field in ("title", "kicker", "paragraphs", "pull_quotes", "language", "source", "published", "tags"):
        assert getattr(got, field) == getattr(article, field)
    assert got.id == article_id and got.imported and not got.read and not got.starred
    assert got.content_hash == article.content_hash


def test_duplicate_content_is_stored_once(lib):
    first = lib.add(art("Same", "Same body."))
    again = lib.add(art("Same", "Same body.", source="elsewhere"))
    assert again == (first[0], False)
    assert lib.count() == 1


def test_add_many_reports_each(lib):
    results = lib.add_many([art("A"), art("B"), art("A")])
    assert [added for _, added in results] == [True, True, False]
    assert results[0][0] == results[2][0]


def test_get_missing_raises_keyerror(lib):
    with pytest.raises(KeyError):
        lib.get(404)


def test_rows_newest_first_with_filters_and_paging(lib):
    ids = [lib.add(art(f"T{i}", language="ar" if i % 2 else "en"))[0] for i in range(5)]
    assert [r.id for r in lib.rows()] == ids[::-1]
    assert [r.id for r in lib.rows(offset=1, limit=2)] == ids[::-1][1:3]
    assert {r.id for r in lib.rows(ListFilter(language="ar"))} == {ids[1], ids[3]}
    lib.set_read([ids[0], ids[1]])
    lib.set_starred([ids[4]])
    assert lib.count(ListFilter(unread=True)) == 3
    assert [r.id for r in lib.rows(ListFilter(starred=True))] == [ids[4]]
    assert lib.count(ListFilter(unread=True, language="en")) == 2
    row = lib.rows(limit=1)[0]
    assert row.title == "T4" and row.starred and not row.read


def test_imported_date_given_is_kept_and_orders(lib):
    old = lib.add(art("Old", imported="2000-01-01T00:00:00+00:00"))[0]
    new = lib.add(art("New"))[0]
    assert [r.id for r in lib.rows()] == [new, old]
    assert lib.get(old).imported == "2000-01-01T00:00:00+00:00"


def test_flags_and_remove_return_counts(lib):
    a, b = lib.add(art("A"))[0], lib.add(art("B"))[0]
    assert lib.set_read([a, b, 999]) == 2
    assert lib.get(a).read
    assert lib.set_read([a], False) == 1 and not lib.get(a).read
    assert lib.set_starred([b]) == 1 and lib.get(b).starred
    assert lib.remove([a, 999]) == 1
    assert lib.count() == 1
    with pytest.raises(KeyError):
        lib.get(a)


def test_next_unread_follows_list_order(lib):
    ids = [lib.add(art(f"N{i}"))[0] for i in range(4)]  # rows order: ids[3], ids[2], ids[1], ids[0]
    lib.set_read([ids[2]])
    assert lib.next_unread(None) == ids[3]
    assert lib.next_unread(ids[3]) == ids[1]
    assert lib.next_unread(ids[1]) == ids[0]
    assert lib.next_unread(ids[0]) is None
    assert lib.next_unread(ids[0], backwards=True) == ids[1]
    assert lib.next_unread(ids[1], backwards=True) == ids[3]
    assert lib.next_unread(None, backwards=True) == ids[0]


# -- search ------------------------------------------------------------------------------------


def test_search_folds_alef_forms_and_taa_marbuta(lib):
    target = lib.add(art("خبر", "زار الوفد السفارة الأمريكية في المدينة."))[0]
    lib.add(art("آخر", "لا علاقة لهذا النص بالموضوع."))
    assert [h.id for h in lib.search("الامريكية")] == [target]
    assert [h.id for h in lib.search("الامريكيه")] == [target]


def test_search_folds_alef_maqsura_and_yaa(lib):
    target = lib.add(art("لقاء", "التقى جيفري بالمسؤولين."))[0]
    assert [h.id for h in lib.search("جيفرى")] == [target]
    other = lib.add(art("مستشفى", "افتتح مستشفى جديد."))[0]
    assert [h.id for h in lib.search("مستشفي")] == [other]


def test_search_ignores_harakat_and_tatweel_on_both_sides(lib):
    target = lib.add(art("عنوان", "قالَ المُتحدّثُ إنّ الاجتماعَ انتهى."))[0]
    assert [h.id for h in lib.search("المتحدث")] == [target]
    assert [h.id for h in lib.search("الاجـــتماع")] == [target]


def test_search_english_inflections_and_explicit_prefixes(lib):
    target = lib.add(art("Leaders meet", "The ministers were running late for the meetings."))[0]
    assert [h.id for h in lib.search("run")] == [target]
    assert [h.id for h in lib.search("meeting")] == [target]
    assert [h.id for h in lib.search("minist*")] == [target]
    assert lib.search("minist") == []  # a word is a word: a prefix only when asked for
    assert lib.search("absent") == []


def test_search_does_not_conflate_derivations(lib):
    lib.add(art("Vote", "The election was held on Monday."))
    lib.add(art("Schools", "A new policy on schools."))
    assert lib.search("elected") == [] and lib.search("police") == []


def test_search_requires_every_word_and_supports_phrases(lib):
    both = lib.add(art("One", "Red apples and green pears."))[0]
    lib.add(art("Two", "Red cars only."))
    assert [h.id for h in lib.search("red pears")] == [both]
    assert [h.id for h in lib.search('"green pears"')] == [both]
    assert lib.search('"pears green"') == []


def test_search_ranks_title_hits_first(lib):
    body = lib.add(art("Weather", "Later the summit was mentioned once."))[0]
    title = lib.add(art("Summit opens", "Delegates arrived on Monday."))[0]
    assert [h.id for h in lib.search("summit")] == [title, body]


def test_search_snippet_is_original_plain_text_around_the_match(lib):
    words = [f"word{i}" for i in range(60)]
    words[40] = "الأمريكيّة"
    lib.add(art("T", " ".join(words)))
    (hit,) = lib.search("الامريكيه")
    assert "الأمريكيّة" in hit.snippet  # original spelling, harakat kept
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "<" not in hit.snippet and "word0 " not in hit.snippet


@pytest.mark.parametrize("query", ['"', "NEAR(a b)", "title:x", "a OR", "(", "*", "AND", "-x", "'"])
def test_search_never_passes_syntax_to_fts(lib, query):
    lib.add(art("Plain", "Some text here."))
    assert isinstance(lib.search(query), list)


def test_removed_articles_leave_the_index(lib):
    a = lib.add(art("Kept", "alpha beta"))[0]
    b = lib.add(art("Gone", "alpha gamma"))[0]
    lib.remove([b])
    assert [h.id for h in lib.search("alpha")] == [a]
    assert lib.search("gamma") == []
    lib.conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_index_is_rebuilt_when_its_version_changes(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library(path) as library:
        target = library.add(art("Rebuilt", "zebra crossing"))[0]
        library.conn.execute("UPDATE meta SET value = 'old' WHERE key = 'index_version'")
        library.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        assert library.search("zebra") == []
    with Library(path) as library:
        assert [h.id for h in library.search("zebra")] == [target]


# -- analysis cache and samples ----------------------------------------------------------------


def _analysis(name: str) -> Analysis:
    return Analysis("ar", None, "news", (), (Attendee(name, None),), (), ())


def test_analysis_cache_per_hash_and_version(lib):
    assert lib.cached_analysis("h", "v1") is None
    lib.store_analysis("h", "v1", _analysis("جيفري"))
    lib.store_analysis("h", "v1", _analysis("روباك"))
    assert lib.cached_analysis("h", "v1") == _analysis("روباك")
    assert lib.cached_analysis("h", "v2") is None


def test_a_cached_analysis_of_another_shape_is_a_miss(lib):
    lib.conn.execute(
        "INSERT INTO analysis (content_hash, analyzer_version, data) VALUES ('h', 'v', ?)",
        ('{"summary": [1], "attendees": "guessed"}',),
    )
    assert lib.cached_analysis("h", "v") is None


def test_removing_an_article_drops_its_cached_analysis(lib):
    article = art("Cached")
    article_id = lib.add(article)[0]
    lib.store_analysis(article.content_hash, "v", _analysis("x"))
    lib.remove([article_id])
    assert lib.cached_analysis(article.content_hash, "v") is None


def test_samples_imported_once_into_an_empty_library(lib):
    added = lib.seed_once(sample_articles)
    assert added == lib.count() == len(sample_names())
    languages = {row.language for row in lib.rows()}
    assert languages == {"ar", "en"}
    lib.remove(lib.ids())
    assert lib.seed_once(sample_articles) == 0 and lib.count() == 0


def test_samples_not_added_to_a_library_already_in_use(lib):
    lib.add(art("Mine"))
    assert lib.seed_once(sample_articles) == 0
    assert lib.count() == 1


def test_wikipedia_samples_carry_their_attribution(lib):
    lib.seed_once(sample_articles)
    attributed = [r for r in lib.rows() if "Arabic Wikipedia contributors, CC BY-SA 3.0" in (r.source or "")]
    assert len(attributed) == 2
    assert all("Arabic Wikipedia contributors, CC BY-SA 3.0" in lib.get(r.id).tags for r in attributed)


def test_seed_sample_keeps_its_structure(lib):
    lib.seed_once(sample_articles)
    newest = lib.get(lib.rows(limit=1)[0].id)
    assert newest.kicker and newest.pull_quotes and newest.language == "ar"
    assert lib.search("جيفرى")


def test_connection_belongs_to_its_thread(lib):
    errors = []

    def use():
        try:
            lib.count()
        except Exception as exc:
            errors.append(exc)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    assert errors and isinstance(errors[0], sqlite3.ProgrammingError)


def test_closed_library_says_so(tmp_path):
    library = Library(tmp_path / "x.sqlite3")
    library.close()
    with pytest.raises(LibraryError):
        library.count()


def test_search_matches_arabic_words_with_or_without_the_article(lib):
    with_article = lib.add(art("خبر", "وصل الوفد والأمريكية معه إلى المدينة."))[0]
    bare = lib.add(art("آخر", "قالت مصادر أمريكية إن الاتفاق قريب."))[0]
    assert {h.id for h in lib.search("امريكية")} == {with_article, bare}
    assert {h.id for h in lib.search("الأمريكية")} == {with_article, bare}
    (hit,) = lib.search("الوفد")
    assert hit.id == with_article and "الوفد" in hit.snippet


def test_short_words_are_not_found_inside_others(lib):
    house = lib.add(art("بيت", "هذا بيت كبير."))[0]
    lib.add(art("يتيم", "رعاية اليتيم واجبة."))
    assert [h.id for h in lib.search("بيت")] == [house]


def test_title_hits_rank_first_for_arabic_words_with_the_article(lib):
    body = lib.add(art("تقرير", "ذكر التقرير القمة مرة واحدة في آخره."))[0]
    title = lib.add(art("القمة تبدأ اليوم", "وصل المندوبون صباحا."))[0]
    assert [h.id for h in lib.search("القمة")] == [title, body]


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("الأُمَمُ المتّحدة", "الأمم المتحدة"),
        ("مستشفى ـــ آخر", "مستشفى  آخر"),
        ("٣ أهداف و۴", "3 أهداف و4"),
        ("Café", "café"),
    ],
)
def test_exact_form_drops_only_marks_and_digit_scripts(text, exact):
    from articles.search_text import exact_form

    assert exact_form(text) == exact


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT, paragraphs=st.lists(_TEXT, min_size=1, max_size=4), query=_TEXT)
def test_any_text_round_trips_exactly_and_any_query_is_safe(lib, title, paragraphs, query):
    article = Article(title=title, paragraphs=tuple(paragraphs), kicker=paragraphs[0][:10] or None)
    article_id, _ = lib.add(article)
    got = lib.get(article_id)
    assert (got.title, got.paragraphs, got.kicker) == (article.title, article.paragraphs, article.kicker)
    for hit in lib.search(query, limit=5):
        assert isinstance(hit.snippet, str) and "\n" not in hit.snippet and lib.get(hit.id)


def test_snippet_finds_the_word_fts_matched_by_its_stem(lib):
    filler = " ".join(f"filler{i}" for i in range(40))
    lib.add(art("Report", f"{filler} the delegates held a meeting on Monday."))
    (hit,) = lib.search("meetings")  # both stem to "meeting"
    assert "meeting" in hit.snippet and hit.snippet.startswith("…")


# -- list order, keyset pages, positions, ids --------------------------------------------------


def test_lists_follow_publication_time_and_fall_back_to_import_time(lib):
    old = lib.add(
        Article(title="Old news", paragraphs=("a",), published="2004-11-13", imported="2026-01-02T00:00:00+00:00")
    )[0]
    fresh = lib.add(
        Article(
            title="Fresh", paragraphs=("b",), published="2026-01-01T10:00:00Z", imported="2026-01-02T00:00:00+00:00"
        )
    )[0]
    undated = lib.add(Article(title="Undated", paragraphs=("c",), imported="2025-06-01T00:00:00+00:00"))[0]
    future = lib.add(
        Article(
            title="From the future", paragraphs=("d",), published="2999-01-01", imported="2024-01-01T00:00:00+00:00"
        )
    )[0]
    assert lib.ids() == [fresh, undated, future, old]  # a date after the import is not believed


def _many(lib, n: int) -> list[int]:
    return [i for i, _ in lib.add_many(Article(title=f"t{k}", paragraphs=(f"body {k}",)) for k in range(n))]


def test_keyset_pages_walk_the_list_both_ways(lib):
    _many(lib, 25)
    order = lib.ids()
    pages, after = [], None
    while page := lib.page(limit=10, after=after):
        pages.append([r.id for r in page])
        after = page[-1].key
    assert [i for p in pages for i in p] == order and [len(p) for p in pages] == [10, 10, 5]
    last = lib.page(limit=7, backwards=True)
    assert [r.id for r in last] == order[-7:]
    before = lib.page(limit=5, after=last[0].key, backwards=True)
    assert [r.id for r in before] == order[-12:-7]


def test_positions_come_from_one_count_in_any_filter(lib):
    ids = _many(lib, 30)
    order = lib.ids()
    lib.set_read(ids[::2], True)
    assert [lib.position(i) for i in order] == list(range(30))
    unread = [r.id for r in lib.rows(ListFilter(unread=True), limit=100)]
    assert [lib.position(i, ListFilter(unread=True)) for i in unread] == list(range(len(unread)))
    assert lib.position(ids[0], ListFilter(unread=True)) is None  # read: not in that list
    assert lib.position(10_000) is None


def test_next_unread_skips_read_articles_by_index(lib):
    ids = _many(lib, 40)
    order = lib.ids()
    lib.set_read(order[1:-1], True)
    assert lib.next_unread(order[0]) == order[-1]
    assert lib.next_unread(order[-1], backwards=True) == order[0]
    plan = lib.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE read = 0 AND (sort_key, id) < (?, ?)"
        " ORDER BY sort_key DESC, id DESC LIMIT 1",
        ("z", 1),
    ).fetchall()
    assert "articles_unread" in str(plan)
    assert len(ids) == 40


def test_ids_are_never_reused(lib):
    first = _many(lib, 3)
    lib.remove([first[-1]])
    again = lib.add(Article(title="new", paragraphs=("new body",)))[0]
    assert again > first[-1]  # a script's "@3" never names another article


def test_a_library_of_the_previous_release_is_migrated_and_keeps_its_articles(tmp_path):
    from articles import schema

    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path)
    for version in (0, 1):
        for statement in schema.MIGRATIONS[version].split(";"):
            if statement.strip():
                conn.execute(statement)
    rows = [
        (7, "h7", "Dated", '["a"]', "2004-11-13", "2026-01-01T00:00:00+00:00"),
        (9, "h9", "Undated", '["b"]', None, "2025-01-01T00:00:00+00:00"),
    ]
    conn.executemany(
        "INSERT INTO articles (id, content_hash, title, paragraphs, pull_quotes, published, imported)"
        " VALUES (?, ?, ?, ?, '[]', ?, ?)",
        rows,
    )
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Library(path) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert library.ids() == [9, 7]  # 2025 import before a 2004 publication
        assert library.get(7).title == "Dated" and library.rows()[1].sort_key.startswith("2004-11-13")
        new_id = library.add(Article(title="After the upgrade", paragraphs=("c",)))[0]
        assert new_id == 10
        assert [h.id for h in library.search("Undated")] == [9]
