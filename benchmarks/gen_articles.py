"""Generate N made-up news articles, mixed Arabic and English, as plain-text files for benchmarks.

Each file has the plain-text structure newsread reads: an optional kicker line, a headline,
then paragraphs (one of them repeated as a pull-quote). The words are drawn at random from
small hand-written vocabularies; the same seed gives the same files.

    python benchmarks/gen_articles.py OUT_DIR [--count 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

AR_WORDS = [
    "الحكومة",
    "الوزير",
    "الرئيس",
    "المدينة",
    "الاجتماع",
    "المؤتمر",
    "الاقتصاد",
    "السوق",
    "الأمن",
    "المجلس",
    "البرلمان",
    "القرار",
    "الشركة",
    "المشروع",
    "التعليم",
    "الصحة",
    "المياه",
    "الكهرباء",
    "الطريق",
    "الجامعة",
    "الطلاب",
    "المستشفى",
    "الأطباء",
    "المزارعين",
    "المحصول",
    "الأمطار",
    "الشتاء",
    "الصيف",
    "الميناء",
    "السفينة",
    "الطائرة",
    "المطار",
    "الحدود",
    "السلام",
    "الاتفاق",
    "المفاوضات",
    "الوفد",
    "السفير",
    "الأمريكية",
    "الأوروبية",
    "العربية",
    "المحلية",
    "الدولية",
    "الجديدة",
    "الكبيرة",
    "الصغيرة",
    "الأولى",
    "الثانية",
    "العامة",
    "الخاصة",
    "أعلن",
    "أكد",
    "قال",
    "أوضح",
    "أشار",
    "ناقش",
    "وقع",
    "افتتح",
    "زار",
    "استقبل",
    "دعا",
    "طالب",
    "قرر",
    "بحث",
    "رفض",
    "وافق",
    "في",
    "من",
    "إلى",
    "على",
    "مع",
    "عن",
    "بعد",
    "قبل",
    "خلال",
    "حول",
    "بين",
    "منذ",
    "حتى",
    "أمس",
    "اليوم",
    "غدا",
    "أيضا",
    "كما",
]
AR_KICKERS = ("أخبار عاجلة", "اقتصاد", "رياضة", "ثقافة", "محليات")
EN_WORDS = [
    "government",
    "minister",
    "president",
    "city",
    "meeting",
    "conference",
    "economy",
    "market",
    "security",
    "council",
    "parliament",
    "decision",
    "company",
    "project",
    "education",
    "health",
    "water",
    "electricity",
    "road",
    "university",
    "students",
    "hospital",
    "doctors",
    "farmers",
    "harvest",
    "rain",
    "winter",
    "summer",
    "port",
    "ship",
    "aircraft",
    "airport",
    "border",
    "peace",
    "agreement",
    "negotiations",
    "delegation",
    "ambassador",
    "american",
    "european",
    "regional",
    "local",
    "international",
    "new",
    "large",
    "small",
    "first",
    "second",
    "public",
    "private",
    "announced",
    "confirmed",
    "said",
    "explained",
    "noted",
    "discussed",
    "signed",
    "opened",
    "visited",
    "received",
    "called",
    "demanded",
    "decided",
    "studied",
    "rejected",
    "approved",
    "in",
    "of",
    "to",
    "on",
    "with",
    "about",
    "after",
    "before",
    "during",
    "around",
    "between",
    "since",
    "until",
    "yesterday",
    "today",
    "tomorrow",
    "also",
    "the",
    "a",
    "and",
]
EN_KICKERS = ("Breaking news", "Business", "Sport", "Culture", "Local")


def sentence(rng: random.Random, vocabulary: list[str], end: str) -> str:
    words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 22))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + end


def article_parts(rng: random.Random, number: int) -> tuple[str, str | None, str, list[str], str]:
    """(language, kicker, title, body paragraphs, pull-quote) of article ``number``."""
    arabic = rng.random() < 0.5
    vocabulary, kickers, end = (AR_WORDS, AR_KICKERS, ".") if arabic else (EN_WORDS, EN_KICKERS, ".")
    title = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 10))) + f" {number}"
    paragraphs = [
        " ".join(sentence(rng, vocabulary, end) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))
    ]
    quote = paragraphs[0].split(end)[0].strip()
    body = [paragraphs[0], quote, *paragraphs[1:]]
    kicker = rng.choice(kickers) if rng.random() < 0.4 else None
    return ("ar" if arabic else "en"), kicker, title, body, quote


def article(rng: random.Random, number: int) -> str:
    _, kicker, title, body, _ = article_parts(rng, number)
    return "\n\n".join([*([kicker] if kicker else []), title, *body]) + "\n"


def generate(out: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` articles under ``out`` (100 per sub-folder); their paths."""
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        folder = out / f"batch{number // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"article{number:05d}.txt"
        path.write_text(article(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
    print(f"wrote {args.count} articles under {args.out}")


if __name__ == "__main__":
    main()
