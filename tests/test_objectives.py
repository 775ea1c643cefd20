"""Numbered objectives: one small made-up text per rule, then the seed article end to end."""

from __future__ import annotations

import pytest

from summarize.numbers import announced_count, find_counts
from summarize.objectives import extract_objectives


def only(text: str):
    lists = extract_objectives(text)
    assert len(lists) == 1, lists
    return lists[0]


# --- announced counts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("حددت اللجنة ثلاثة مطالب هي:", 3),
        ("تسعى الحكومة إلى تحقيق ثلاث أهداف وهي:", 3),
        ("وضعت الوزارة خمسة أهداف", 5),
        ("أعلن الحزب خمس نقاط", 5),
        ("للخطة هدفين:", 2),
        ("للاتفاق شرطان أساسيان:", 2),
        ("حددت الورقة ركائز استراتيجية أربع هي:", 4),
        ("تضمن البيان المطالب الثلاثة التالية:", 3),
        ("قدم المجلس ٤ توصيات:", 4),
        ("قدم المجلس ۶ توصيات:", 6),
        ("The union set out five points:", 5),
        ("The plan has 3 goals:", 3),
        ("The report makes twelve recommendations:", 12),
    ],
)
def test_counts_from_words_digits_and_duals(text, count):
    assert announced_count(text) == count


@pytest.mark.parametrize(
    "text",
    [
        "تضمن المشروع عديد النقاط الإيجابية، منها:",
        "قدمت الجمعية عدة مقترحات:",
        "يمتد البرنامج على 9 سنوات ويشمل ما يلي:",
        "في إطار رؤية 2030 يهدف البرنامج إلى:",
        "The plan, agreed in 2004, includes the following:",
        "He served 5 years as mayor and proposed:",
    ],
)
def test_vague_quantities_years_and_units_are_no_count(text):
    assert announced_count(text) is None


def test_a_topic_noun_wins_over_another_number():
    counts = find_counts("بعد ثلاثة اجتماعات حدد الوزراء أربعة أهداف")
    assert [c.value for c in counts] == [3, 4]
    assert announced_count("بعد ثلاثة اجتماعات حدد الوزراء أربعة أهداف") == 4


# --- list shapes ------------------------------------------------------------------------------


def test_arabic_indic_numbers_on_lines_with_count():
    text = "وحدد المؤتمر ثلاثة مطالب وهي:\n\n١- رفع الأجور.\n\n٢- تحسين ظروف العمل.\n\n٣- تثبيت العقود المؤقتة.\n"
    found = only(text)
    assert found.items == ("رفع الأجور.", "تحسين ظروف العمل.", "تثبيت العقود المؤقتة.")
    assert found.announced_count == 3
    assert not found.count_mismatch
    assert found.topic == "مطالب"
    assert found.lead_in == "وحدد المؤتمر ثلاثة مطالب وهي:"


def test_count_mismatch_is_reported():
    text = "أعلنت الوزارة أربعة أهداف هي:\n1- بناء المدارس\n2- تدريب المعلمين\n3- تحديث المناهج\n"
    found = only(text)
    assert found.announced_count == 4
    assert len(found.items) == 3
    assert found.count_mismatch


@pytest.mark.parametrize(
    "markers",
    [
        ("١.", "٢.", "٣."),
        ("(١)", "(٢)", "(٣)"),
        ("۱-", "۲-", "۳-"),
        ("1)", "2)", "3)"),
        ("-", "-", "-"),
        ("•", "•", "•"),
    ],
)
def test_marker_styles_on_lines(markers):
    items = ("توسيع شبكة النقل", "خفض أسعار الكهرباء", "دعم الفلاحين")
    body = "\n".join(f"{m} {item}" for m, item in zip(markers, items, strict=True))
    found = only(f"وتتضمن الخطة النقاط التالية:\n{body}\n\nوانتهى الاجتماع مساء.")
    assert found.items == items


def test_star_items_inside_one_paragraph():
    found = only("وأكدت الهيئة في قرارها ما يلي : * يمنع نشر النتائج * تلتزم المكاتب بنشر العينة * يبدأ التطبيق فورا")
    assert found.items == ("يمنع نشر النتائج", "تلتزم المكاتب بنشر العينة", "يبدأ التطبيق فورا")


def test_numbered_items_inside_one_paragraph():
    found = only(
        "واتفق الطرفان على خمس نقاط وهي: ١- وقف القتال ٢- فتح المعابر ٣- تبادل الأسرى ٤- عودة النازحين ٥- بدء الحوار"
    )
    assert len(found.items) == 5
    assert found.items[0] == "وقف القتال"
    assert found.announced_count == 5 and not found.count_mismatch


def test_inline_dashes_then_dash_lines_make_one_list():
    text = "وتضمن الحكم البنود التالية: - منع بيع الأرض - منع تغيير الإدارة.\n- إلزام الشركة بالتعويض.\n"
    found = only(text)
    assert found.items == ("منع بيع الأرض", "منع تغيير الإدارة.", "إلزام الشركة بالتعويض.")


def test_prose_after_the_last_inline_item_is_not_part_of_it():
    text = "وقررت النقابة ما يلي : - رفع دعوى قضائية. - مقاطعة الاجتماعات المقبلة. كما عبرت النقابة عن قلقها."
    assert only(text).items == ("رفع دعوى قضائية.", "مقاطعة الاجتماعات المقبلة.")


def test_ordinal_words_in_running_text():
    text = (
        "يبدو أن للمعارضة ثلاث مطالب واضحة. فهي تريد أولاً أن تُجرى الانتخابات في موعدها؛ "
        "وثانياً أن يُفرج عن المعتقلين؛ وأخيراً أن تُرفع القيود عن الصحافة. ولم ترد الحكومة بعد."
    )
    found = only(text)
    assert found.items == ("أن تُجرى الانتخابات في موعدها", "أن يُفرج عن المعتقلين", "أن تُرفع القيود عن الصحافة.")
    assert found.lead_in == "يبدو أن للمعارضة ثلاث مطالب واضحة."
    assert found.announced_count == 3


def test_ordinal_words_on_lines():
    text = "وأوصى التقرير بما يلي:\nأولاً: تعزيز الرقابة\nثانياً: نشر الميزانية\nثالثاً: محاسبة المقصرين\n"
    assert only(text).items == ("تعزيز الرقابة", "نشر الميزانية", "محاسبة المقصرين")


def test_english_dash_list_with_count():
    text = "The unions listed four demands:\n\n- Higher pay\n- Shorter hours\n- Safer sites\n- Paid training\n"
    found = only(text)
    assert found.announced_count == 4
    assert found.topic == "demands"
    assert found.items[-1] == "Paid training"


def test_a_list_after_prose_has_no_lead_in():
    text = "He spoke at length about the plan.\n\n- Cut emissions by half\n- Build new rail lines\n"
    found = only(text)
    assert found.lead_in is None
    assert found.items == ("Cut emissions by half", "Build new rail lines")


def test_item_spans_point_into_the_text():
    text = "وحددت الوزارة هدفين:\n- زيادة الصادرات\n- خفض الواردات\n"
    found = only(text)
    assert [text[a:b] for a, b in found.item_spans] == list(found.items)
    assert text[slice(*found.lead_in_span)] == found.lead_in
    assert found.announced_count == 2


# --- what is not objectives -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وأظهرت الحصيلة النتائج التالية:\n- إيقاف 12 شخصا\n- حجز 3 سيارات\n",
        "They gave three reasons for leaving:\n- low pay\n- long hours\n- no training\n",
        "وفي ما يلي قائمة الفائزين:\n- سامي عادل\n- هدى سالم\n",
        "والمكرمون هم:\n- ناصر خليل (مصر)\n- ريم فؤاد (لبنان)\n",
        "أبرز محطات المنظمة:\n١٩٦٣- تأسيس المنظمة في أديس أبابا\n١٩٩٩- إعلان سرت\n٢٠٠٢- قيام الاتحاد\n",
        "وقال الوزير إن هناك ثلاث قضايا وهي الأمن والاقتصاد والتعليم.",
        "وأوصت اللجنة بعدة توصيات من بينها:",
    ],
)
def test_results_reasons_names_timelines_and_prose_are_not_objectives(text):
    assert extract_objectives(text) == ()


def test_a_single_dash_line_is_no_list():
    assert extract_objectives("وقال المتحدث:\n- سنواصل العمل\n\nوانتهى اللقاء.") == ()


def test_a_separator_line_is_no_list():
    assert extract_objectives("نص الخبر.\n----------------------\nنص آخر.") == ()


# --- end to end ---------------------------------------------------------------------------------


def test_seed_article_has_three_objectives(seed_text):
    found = only(seed_text)
    assert found.announced_count == 3
    assert not found.count_mismatch
    assert found.topic == "أهداف"
    assert [item.split()[0] for item in found.items] == ["القضاء", "خروج", "الوصول"]
    assert found.lead_in.endswith("لتحقيق ثلاث أهداف وهي:")


def test_english_samples_have_no_objectives():
    from articles.samples import sample_names, sample_path

    for name in sample_names():
        if name.startswith("wn-en-"):
            assert extract_objectives(sample_path(name).read_text(encoding="utf-8")) == (), name


def test_a_line_announcing_a_count_is_a_lead_in_without_a_colon():
    text = "وحدد البيان الختامي خمسة مطالب أساسية\n١- الحرية\n٢- العدالة\n٣- الكرامة\n٤- العمل\n٥- السكن\n"
    found = only(text)
    assert found.lead_in == "وحدد البيان الختامي خمسة مطالب أساسية"
    assert found.announced_count == 5 and not found.count_mismatch


def test_the_headline_can_announce_the_count():
    text = (
        "ثلاثة شروط للعودة إلى المفاوضات\n\n"
        "وقال المتحدث إن الحركة تشترط:\n- وقف القصف\n- فتح الممرات\n- الإفراج عن الأسرى\n"
    )
    found = only(text)
    assert found.announced_count == 3 and not found.count_mismatch
    assert found.lead_in == "وقال المتحدث إن الحركة تشترط:"


def test_statistics_are_not_objectives():
    text = "وتوزعت الحصيلة كالتالي:\n- 17 موقوفا\n- 5 سيارات محجوزة\n- 3100 لتر من المحروقات\n"
    assert extract_objectives(text) == ()
    text = "Officials gave these figures:\n- 120 arrests\n- 45 cars seized\n"
    assert extract_objectives(text) == ()


def test_a_timeline_whose_items_open_with_a_full_date_is_not_objectives():
    text = (
        "نفذ الجهاز عمليات عدة خلال العقود الماضية، وقد كانت هذه العمليات على النحو الآتي:\n"
        "- في 27 ماي 1986، اغتيل الدكتور سالم في منزله.\n"
        "- في 16 أفريل 1988، اغتيل القيادي كمال في تونس.\n"
        "- عام 1995 اغتيل الأمين العام للحركة في مالطا.\n"
    )
    assert extract_objectives(text, "ar") == ()


def test_a_list_introducing_people_by_name_and_role_is_not_objectives():
    text = (
        "واقتصر التمثيل النسائي في البرلمان على الوافدات الجديدات التاليات:\n"
        "- سلمى حداد، مرشحة التيار في طرابلس، أستاذة في الجامعة.\n"
        "- رنا الخطيب، مرشحة الحزب عن دائرة بيروت الثانية.\n"
        "- هدى ناصر، زوجة رئيس الحزب، كانت نائبة في الدورة السابقة.\n"
        "- منى سالم، وزيرة في الحكومة الحالية.\n"
    )
    assert extract_objectives(text, "ar") == ()
    goals = (
        "وحدد الاجتماع الأهداف التالية:\n"
        "- تعزيز الأمن، ومكافحة الإرهاب في المنطقة.\n"
        "- دعم الاقتصاد المحلي، وتوفير فرص العمل.\n"
        "- تطوير الحوكمة الرشيدة.\n"
    )
    assert len(extract_objectives(goals, "ar")) == 1
