"""Importers: sniffing, text and Markdown, encodings, HTML pages, feeds (and their safety), JSON export."""

from __future__ import annotations

import json

import pytest

from articles.export import parse_export, to_json, to_markdown
from articles.importers import ImportFailure, expand, from_bytes, load, sniff
from articles.importers.feeds import UnsafeFeed, check_safe
from articles.importers.html import decode_html, fragment_paragraphs
from articles.importers.text import markdown_to_text
from articles.model import Article

ARABIC = (
    "أخبار عاجلة\n\nالوزير يزور المدينة الجديدة\n\n"
    "زار الوزير المدينة الجديدة أمس، والتقى بالمسؤولين فيها لبحث المشاريع.\n"
)


def one(data: bytes, name: str = "x.txt", **kw) -> Article:
    loaded = from_bytes(data, name=name, source=name, **kw)
    assert len(loaded.articles) == 1
    return loaded.articles[0]


# -- sniffing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "suffix", "ctype", "kind"),
    [
        (b'{"format": "newsread-export"}', "", None, "json"),
        (b"[{}]", ".json", None, "json"),
        (b"<?xml version='1.0'?><rss version='2.0'>", "", None, "feed"),
        (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", "", None, "feed"),
        (b"<!DOCTYPE html><html>", "", None, "html"),
        (b"<p>hello</p>", ".htm", None, "html"),
        (b"hello", "", "text/html", "html"),
        (b"# Title\n\ntext", ".md", None, "markdown"),
        (b"Title\n\ntext", ".txt", None, "text"),
        (b"{ not json, a text starting with a brace", ".txt", None, "text"),
    ],
)
def test_sniff(head, suffix, ctype, kind):
    assert sniff(head, suffix=suffix, content_type=ctype) == kind


# -- text, Markdown, encodings -----------------------------------------------------------------


def test_plain_text_structure_and_language():
    article = one(ARABIC.encode())
    assert article.kicker == "أخبار عاجلة"
    assert article.title == "الوزير يزور المدينة الجديدة"
    assert article.paragraphs[0].startswith("زار الوزير")
    assert article.language == "ar"


def test_a_label_line_directly_over_the_headline_is_the_kicker():
    article = one("أخبار عاجلة\nقمة الدوحة: القادة يتفقون على خطة للسلام\n\nقال المتحدث إن القمة انتهت.\n".encode())
    assert (article.kicker, article.title) == ("أخبار عاجلة", "قمة الدوحة: القادة يتفقون على خطة للسلام")
    assert article.paragraphs == ("قال المتحدث إن القمة انتهت.",)


@pytest.mark.parametrize(
    "head",
    [
        "Leaders of the G7 meet in Paris\nto agree a plan",  # a hard-wrapped headline: its longer line first
        "قال الوزير:\nإن المصنع سيفتتح غدا في المدينة الجديدة",  # the first line ends like text
    ],
)
def test_a_headline_on_two_lines_stays_one_headline(head):
    article = one(f"{head}\n\nThe body of the article, long enough to be a paragraph.\n".encode())
    assert article.kicker is None
    assert article.title == head.replace("\n", " ")


def test_english_text_language():
    article = one(b"Leaders meet\n\nThe leaders of the two countries met on Monday and they talked for hours.\n")
    assert article.language == "en" and article.title == "Leaders meet"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1256", "iso8859_6"])
def test_arabic_encodings_decode_right(encoding):
    text = ARABIC.replace("،", ",") if encoding == "iso8859_6" else ARABIC
    article = one(text.encode(encoding))
    assert article.title == "الوزير يزور المدينة الجديدة"
    assert "زار الوزير المدينة الجديدة" in article.paragraphs[0]


def test_binary_file_fails_with_reason():
    with pytest.raises(ImportFailure) as info:
        from_bytes(b"\x00\x01\x02\x03" * 100, name="blob.txt", source=None)
    assert "blob.txt" in str(info.value) and "binary" in str(info.value)


def test_whitespace_only_fails():
    with pytest.raises(ImportFailure):
        from_bytes(b"   \n\n  ", name="empty.txt", source=None)


def test_markdown_markup_is_removed():
    text = "# The headline\n\nSome **bold** and *italic* words with a [link](https://example.org).\n\n> A quote line\n"
    cleaned = markdown_to_text(text)
    assert "The headline" in cleaned and "#" not in cleaned
    assert "bold" in cleaned and "**" not in cleaned and "link" in cleaned and "example.org" not in cleaned
    article = one(text.encode(), name="a.md")
    assert article.title == "The headline"
    assert article.paragraphs[-1] == "A quote line"


# -- HTML --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title} | Site</title>
<meta property="article:published_time" content="2024-03-05"></head><body>
<nav><a href="/">Home</a> <a href="/world">World menu entry</a></nav>
<article><h1>{title}</h1><p>{p1}</p><p>{p2}</p></article>
<div class="advert">Buy cheap watches now, advertisement</div>
<footer>Copyright footer text</footer></body></html>"""


def page(charset="utf-8", title="Ministers agree on a water plan", p1=None, p2=None):
    p1 = p1 or "The ministers of the region agreed on Tuesday on a plan to share water from the river basin."
    p2 = p2 or "The plan, discussed for three years, sets quotas for each country and a joint commission."
    return PAGE.format(charset=charset, title=title, p1=p1, p2=p2)


def test_html_page_main_content_title_and_date():
    article = one(page().encode(), name="page.html")
    assert article.title == "Ministers agree on a water plan"
    assert article.published == "2024-03-05"
    assert article.paragraphs[0].startswith("The ministers of the region")
    body = " ".join(article.paragraphs)
    assert "menu entry" not in body and "watches" not in body and "Copyright" not in body


def test_html_page_in_windows_1256_is_decoded_by_its_declaration():
    html = page(
        charset="windows-1256",
        title="الوزراء يتفقون على خطة المياه",
        p1="اتفق وزراء المنطقة يوم الثلاثاء على خطة لتقاسم مياه النهر بين الدول المجاورة كلها.",
        p2="وتحدد الخطة التي نوقشت ثلاث سنوات حصة كل دولة وتنشئ لجنة مشتركة للمتابعة.",
    )
    article = one(html.encode("cp1256"), name="page.html")
    assert article.title == "الوزراء يتفقون على خطة المياه"
    assert article.language == "ar"


def test_decode_html_prefers_header_charset():
    assert decode_html("مرحبا".encode("cp1256"), "windows-1256") == "مرحبا"


def test_html_without_text_fails():
    with pytest.raises(ImportFailure):
        from_bytes(
            b"<!DOCTYPE html><html><head><title></title></head><body><img src=x></body></html>",
            name="e.html",
            source=None,
        )


def test_fragment_paragraphs_split_blocks_and_breaks():
    assert fragment_paragraphs("<p>One <b>two</b></p><p>Three</p>Four<br>Five") == ["One two", "Three", "Four", "Five"]
    assert fragment_paragraphs("plain\n\ntext") == ["plain", "text"]
    assert fragment_paragraphs("<script>x()</script><p>Kept</p>") == ["Kept"]


# -- feeds -------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>http://example.test/</link><language>en-us</language>
<item><title>First story</title><link>http://example.test/1</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><category>Politics</category>
<description><![CDATA[<p>The first paragraph of the story.</p><p>The second one.</p>]]></description></item>
<item><title>Second story</title><link>http://example.test/2</link>
<description>Only a summary line.</description></item>
<item><title>Empty one</title><link>http://example.test/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>خبر أول</title><id>urn:1</id><link href="http://example.test/a"/><updated>2024-01-02T08:30:00Z</updated>
<content type="html">&lt;p&gt;زار الوزير المدينة أمس والتقى بالمسؤولين.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_become_articles_and_empty_entries_are_reported():
    loaded = from_bytes(RSS.encode(), name="feed.xml", source="feed.xml")
    first, second = loaded.articles
    assert first.title == "First story"
    assert first.paragraphs == ("The first paragraph of the story.", "The second one.")
    assert first.source == "http://example.test/1"
    assert first.published == "2024-03-05T10:00:00+00:00"
    assert first.tags == ("Politics",)
    assert first.language == "en"
    assert second.paragraphs == ("Only a summary line.",)
    assert len(loaded.failures) == 1 and "Empty one" in loaded.failures[0] and "feed.xml" in loaded.failures[0]


def test_atom_entry_with_html_content():
    (article,) = from_bytes(ATOM.encode(), name="a.atom", source="a.atom").articles
    assert article.title == "خبر أول"
    assert article.paragraphs == ("زار الوزير المدينة أمس والتقى بالمسؤولين.",)
    assert article.published == "2024-01-02T08:30:00+00:00"
    assert article.language == "ar"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&c;</title><description>&c;</description></item></channel></rss>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>t</title><description>&secret;</description></item></channel></rss>"""


@pytest.mark.parametrize("feed", [BILLION_LAUGHS, EXTERNAL, EXTERNAL.replace("</rss>", "")])
def test_feeds_declaring_entities_are_refused(feed):
    with pytest.raises(UnsafeFeed):
        check_safe(feed.encode())
    with pytest.raises(ImportFailure) as info:
        from_bytes(feed.encode(), name="evil.xml", source=None)
    assert "evil.xml" in str(info.value) and "entities" in str(info.value)


def test_safe_feed_passes_the_check():
    check_safe(RSS.encode())


def test_feed_without_entries_fails():
    with pytest.raises(ImportFailure):
        from_bytes(
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>",
            name="f.xml",
            source=None,
        )


# -- JSON export -------------------------------------------------------------------------------


def test_export_json_round_trip_keeps_everything_but_ids():
    articles = [
        Article(
            title="عنوان",
            kicker="ركن",
            paragraphs=("فقرة.", "اقتباس"),
            pull_quotes=("اقتباس",),
            language="ar",
            source="s",
            published="2024-01-01",
            imported="2024-02-02T00:00:00+00:00",
            id=7,
            read=True,
            starred=True,
            tags=("t",),
        ),
        Article(title="Plain", paragraphs=("Body.",), language="en", imported="2024-02-03T00:00:00+00:00"),
    ]
    back = parse_export(to_json(articles))
    assert [a.content_hash for a in back] == [a.content_hash for a in articles]
    for original, copy in zip(articles, back, strict=True):
        assert copy.id is None
        for field in ("title", "kicker", "paragraphs", "pull_quotes", "language", "source", "published"):
            assert getattr(copy, field) == getattr(original, field)
        assert (copy.imported, copy.read, copy.starred, copy.tags) == (
            original.imported,
            original.read,
            original.starred,
            original.tags,
        )


def test_export_is_sniffed_and_loaded():
    data = to_json([Article(title="T", paragraphs=("B.",))]).encode()
    assert len(from_bytes(data, name="export.json", source=None).articles) == 1


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ('{"format": "newsread-export", "version": 1, "articles": [', "not valid JSON"),
        ('{"format": "something-else"}', "not a newsread export"),
        ('{"format": "newsread-export", "version": 99, "articles": []}', "newer"),
        ('{"format": "newsread-export", "version": 1, "articles": [{"paragraphs": []}]}', "title"),
        ('{"format": "newsread-export", "version": 1, "articles": [{"title": "x", "paragraphs": [1]}]}', "paragraphs"),
    ],
)
def test_bad_exports_fail_with_reason(document, reason):
    with pytest.raises(ImportFailure) as info:
        from_bytes(document.encode(), name="bad.json", source=None)
    assert reason in str(info.value)


def test_markdown_export_marks_pull_quotes_and_attribution():
    text = to_markdown([Article(title="T", kicker="K", paragraphs=("Body.", "Q"), pull_quotes=("Q",), tags=("CC",))])
    assert "# T" in text and "**K**" in text and "> Q" in text and "CC" in text


def test_export_document_is_one_json_value():
    document = json.loads(to_json([Article(title="T", paragraphs=("B",))]))
    assert document["format"] == "newsread-export" and len(document["articles"]) == 1


# -- inputs from disk --------------------------------------------------------------------------


def test_expand_walks_folders_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "two.md").write_text("x")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text("x")
    (tmp_path / "empty").mkdir()
    items, failures = expand([str(tmp_path / "a"), str(tmp_path / "missing.txt"), str(tmp_path / "empty"), "-"])
    assert [p.rsplit("/", 1)[-1] for p in items] == ["one.txt", "two.md", "-"]
    assert len(failures) == 2 and "missing.txt" in failures[0] and "no article files" in failures[1]


def test_load_file_sets_absolute_source(tmp_path, monkeypatch):
    (tmp_path / "story.txt").write_text("Headline here\n\nThe body of the story is written in English words.\n")
    monkeypatch.chdir(tmp_path)
    (article,) = load("story.txt").articles
    assert article.source == str(tmp_path / "story.txt")


def test_load_all_in_worker_processes_keeps_order_and_errors(tmp_path, monkeypatch):
    import articles.importers as importers

    monkeypatch.setattr(importers, "PARALLEL_MIN", 2)
    refs = []
    for i in range(6):
        refs.append(str(tmp_path / f"{i}.txt"))
        (tmp_path / f"{i}.txt").write_text(f"Headline {i}\n\nBody number {i} of this small English test article.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01" * 40)
    refs.insert(3, str(tmp_path / "bad.txt"))
    serial = [(ref, result) for ref, result in importers.load_all(refs, workers=1)]
    parallel = [(ref, result) for ref, result in importers.load_all(refs, workers=2)]
    assert [ref for ref, _ in parallel] == refs
    assert isinstance(parallel[3][1], importers.LoadError) and str(parallel[3][1]) == str(serial[3][1])
    titles = [r.articles[0].title for _, r in parallel if not isinstance(r, importers.LoadError)]
    assert titles == [f"Headline {i}" for i in range(6)]


def test_feed_with_a_public_doctype_but_no_entities_is_accepted():
    feed = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "rss-0.91.dtd">\n<rss version="0.91"><channel><title>x</title><item><title>Fish &amp; chips</title>'
        b"<description>Body text here.</description></item></channel></rss>"
    )
    check_safe(feed)
    (article,) = from_bytes(feed, name="old.rss", source=None).articles
    assert article.title == "Fish & chips"


def test_arabic_page_under_a_latin1_server_default_is_not_mojibake():
    data = "<html><body><p>مرحبا بالعالم العربي كله</p></body></html>".encode("cp1256")
    assert "مرحبا بالعالم العربي" in decode_html(data, "iso-8859-1")
    assert decode_html("<p>Café crème</p>".encode("latin-1"), "iso-8859-1") == "<p>Café crème</p>"


def test_expand_refuses_pipes_instead_of_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    items, failures = expand([str(fifo)])
    assert items == [] and "not a regular file" in failures[0]


def test_a_feed_language_the_entry_is_not_written_in_gives_way_to_detection():
    feed = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
    <language>ar</language>
    <item><title>وزير الخارجية يلتقي نظيره في عمان</title><description>التقى وزير الخارجية اليوم نظيره في
    عمان لبحث العلاقات الثنائية بين البلدين وسبل تطويرها.</description></item>
    <item><title>Council approves the water plan</title><description>The city council approved the new
    water plan on Thursday after a long debate about prices.</description></item>
    <item><title>2026</title><description>1 2 3 4 5</description></item>
    </channel></rss>"""
    languages = [a.language for a in from_bytes(feed.encode(), name="feed.xml", source="feed.xml").articles]
    assert languages == ["ar", "en", "ar"]  # numbers alone: the feed's word stands


def test_a_declared_regional_code_is_cut_to_its_base_when_the_script_agrees():
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><language>en-GB</language>
    <item><title>Rail strike ends</title><description>Train drivers returned to work on Monday after
    the union accepted the offer.</description></item></channel></rss>"""
    assert [a.language for a in from_bytes(feed.encode(), name="f.xml", source="f.xml").articles] == ["en"]
