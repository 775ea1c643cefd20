"""Issue 15: the learned news method — coherent picks, a budget that fits, explanations, any language."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from articles.samples import sample_names, sample_path
from summarize.ranking.features import ALL_FEATURES, FEATURES, is_lead_in, sentence_features
from summarize.ranking.model import RankerModel, default_model
from summarize.ranking.select import MAX_LIST_ITEMS
from summarize.summary import MAX_DEFAULT_COUNT, Feature, budget, candidate_indices, default_count, summarize_text


def _list_article(items: int, lead_in: str, lang: str) -> str:
    if lang == "ar":
        head = "الحكومة تعلن خطة جديدة للنقل العام في العاصمة"
        body = [
            "أعلنت الحكومة اليوم خطة جديدة لتطوير النقل العام في العاصمة خلال السنوات الخمس المقبلة.",
            "وقال وزير النقل إن الخطة تهدف إلى تقليل الازدحام وتحسين جودة الهواء في المدينة.",
            f"وأوضح الوزير أن الخطة الجديدة للنقل العام تتضمن عدة محاور {lead_in}",
        ]
        points = [f"{k + 1}- توسيع شبكة الحافلات في الحي رقم {k + 1} وربطها بمحطات القطار." for k in range(items)]
        tail = [
            "وتبلغ كلفة الخطة نحو ملياري دينار تمولها الحكومة والبلديات معا.",
            "ومن المتوقع أن تبدأ الأشغال في مطلع العام المقبل بعد استكمال الدراسات.",
        ]
    else:
        head = "Government announces a new public transport plan for the capital"
        body = [
            "The government announced a new plan today to improve public transport in the capital over five years.",
            "The transport minister said the plan aims to cut congestion and improve air quality in the city.",
            f"The minister explained that the new public transport plan covers several areas {lead_in}",
        ]
        points = [
            f"{k + 1}. Extend the bus network in district {k + 1} and link it to the train stations."
            for k in range(items)
        ]
        tail = [
            "The plan will cost about two billion and is funded by the government and the councils.",
            "Work is expected to start early next year once the studies are complete.",
        ]
    return "\n\n".join([head, " ".join(body), "\n".join(points), " ".join(tail)])


LISTS = [
    (3, "وهي:", "ar"),
    (2, "التالية:", "ar"),
    (3, "as follows:", "en"),
    (6, "as follows:", "en"),
    (6, "وهي:", "ar"),
]


@pytest.mark.parametrize(("items", "lead_in", "lang"), LISTS)
def test_a_lead_in_is_chosen_with_its_whole_list_or_not_at_all(items, lead_in, lang):
    text = _list_article(items, lead_in, lang)
    for count in range(1, 9):
        summary = summarize_text(text, count=count, language=lang)
        chosen = [c.index for c in summary.chosen]
        assert chosen == sorted(chosen)
        for c in summary.chosen:
            if not is_lead_in(c.text):
                continue
            following = [i for i in range(c.index + 1, c.index + 1 + items)]
            assert all(i in chosen for i in following), (count, chosen)
            assert items <= MAX_LIST_ITEMS
            assert all(summary.chosen[chosen.index(i)].reason == "list item" for i in following)
        assert not is_lead_in(summary.chosen[-1].text)


def test_the_seed_summary_does_not_end_on_a_promise():
    text = sample_path("seed-ar").read_text(encoding="utf-8")
    for count in (None, 1, 2, 3, 4, 5, 6):
        chosen = summarize_text(text, count=count).chosen
        assert not chosen[-1].text.rstrip().endswith(":")


def test_lead_in_detection():
    assert is_lead_in("لتحقيق ثلاث أهداف وهي:")
    assert is_lead_in("The plan has three parts, as follows:")
    assert is_lead_in("The demands were the following")
    assert not is_lead_in("Talks ended on Monday.")


def test_default_length_grows_with_the_article():
    assert [default_count(n) for n in (1, 2, 4, 9, 16, 25, 40, 500)] == [1, 1, 2, 3, 4, 5, 6, 6]
    assert budget(40, None, None) == MAX_DEFAULT_COUNT
    assert budget(40, 2, None) == 2 and budget(40, None, 0.5) == 20  # explicit lengths as before
    brief = "The council opened a new park in the city centre on Monday morning."
    assert len(summarize_text(brief, language="en").chosen) == 1
    for name in sample_names():
        text = sample_path(name).read_text(encoding="utf-8")
        summary = summarize_text(text)
        body = len(candidate_indices(summary.sentences))
        assert summary.budget == default_count(body)
        assert len(summary.chosen) <= summary.budget


def test_every_pick_explains_itself():
    text = sample_path("seed-ar").read_text(encoding="utf-8")
    summary = summarize_text(text, count=5)
    body = candidate_indices(summary.sentences)
    for c in summary.chosen:
        assert body[c.position] == c.index
        assert math.isfinite(c.score)
        assert c.features and all(isinstance(f, Feature) for f in c.features)
        named = [f for f in c.features if f.name != "redundancy"]
        assert {f.name for f in named} <= set(FEATURES)
        assert [abs(f.contribution) for f in named] == sorted((abs(f.contribution) for f in named), reverse=True)
    # the other methods have positions and no features
    for c in summarize_text(text, count=3, method="lead").chosen:
        assert body[c.position] == c.index and c.features == ()


def test_scores_are_the_models_less_the_redundancy_penalty():
    text = sample_path("wn-en-bush-visits-canada").read_text(encoding="utf-8")
    summary = summarize_text(text, count=4)
    model = default_model()
    values = {f.index: f.values for f in sentence_features(summary.sentences, summary.language)}
    for c in summary.chosen:
        penalty = sum(-f.contribution for f in c.features if f.name == "redundancy")
        assert c.score == pytest.approx(model.score(values[c.index]) - penalty, abs=1e-3)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Le gouvernement a présenté lundi un nouveau plan pour les transports publics. "
            "Le ministre a déclaré que le plan réduira les embouteillages. "
            "Les travaux commenceront l'année prochaine dans la capitale. "
            "Le coût total est estimé à deux milliards d'euros.",
            "fr",
        ),
        (
            "Die Regierung hat am Montag einen neuen Plan für den Nahverkehr vorgestellt. "
            "Der Minister sagte, der Plan werde die Staus verringern. "
            "Die Arbeiten beginnen im nächsten Jahr in der Hauptstadt. "
            "Die Kosten werden auf zwei Milliarden Euro geschätzt.",
            "de",
        ),
        (
            "Serikali imetangaza mpango mpya wa usafiri wa umma. Waziri alisema mpango huo utapunguza msongamano. "
            "Kazi itaanza mwaka ujao katika mji mkuu.",
            "sw",
        ),
        ("12 345 678. 9 10 11! ... ??? 2024-05-06", None),
        ("😀 🎉 🚀. ✨ 🔥.", None),
        ("", None),
    ],
)
def test_any_language_gets_a_summary_without_crashing(text, language):
    for count in (None, 1, 3):
        summary = summarize_text(text, count=count, language=language)
        assert len(summary.chosen) <= max(1, count or 6)
        for c in summary.chosen:
            assert math.isfinite(c.score)


def test_the_model_ships_as_package_data_and_loads():
    raw = resources.files("summarize.ranking").joinpath("model.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    model = default_model()
    assert model.features == tuple(data["features"]) == ALL_FEATURES
    assert all(math.isfinite(w) for w in (*model.weights, model.bias, model.redundancy))
    assert all(s > 0 for s in model.scale)
    assert len(raw) < 20_000  # kilobytes, not megabytes


def test_a_model_with_missing_columns_is_refused():
    with pytest.raises(ValueError):
        RankerModel.from_dict({"features": ["a", "b"], "mean": [0], "scale": [1, 1], "weights": [1, 1], "bias": 0})
