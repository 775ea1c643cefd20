"""Numbered objectives on unseen layouts (issue 14): one small made-up text per rule.

Every text here was written for the test; none is taken from an evaluation set. Each rule has a
test that fails on the extractor before issue 14; a few more are guards that held before and must
keep holding (references, dates, lone rules, counts that were already read).
"""

from __future__ import annotations

import pytest

from summarize.numbers import announced_count
from summarize.objectives import extract_objectives
from summarize.text import lists
from summarize.text.lists import is_list_item


def only(text: str):
    found = extract_objectives(text)
    assert len(found) == 1, found
    return found[0]


def wrap(text: str, width: int = 60) -> str:
    """Hard-wrap each paragraph the way newswire does: indented first line, lines of ``width`` columns."""
    out = []
    for paragraph in text.split("\n"):
        line, lines = "", []
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        out.append("    " + "\n".join(lines))
    return "\n".join(out) + "\n"


# --- run-together and inline lists ----------------------------------------------------------------


def test_numbers_run_together_after_a_colon_with_and_without_spaces():
    text = (
        "أعلنت البلدية خطتها للعام المقبل، وأهدافها فهي: 1-تحسين شبكة الطرق في الأحياء. 2- إنشاء حدائق عامة "
        "جديدة. 3 - زيادة عدد الحافلات. وقال رئيس البلدية إن العمل يبدأ قريبا."
    )
    found = only(text)
    assert found.items == ("تحسين شبكة الطرق في الأحياء.", "إنشاء حدائق عامة جديدة.", "زيادة عدد الحافلات.")
    assert found.lead_in.endswith("فهي:")


def test_arabic_indic_parenthesis_numbers_inside_one_line():
    text = "وطالب المحتجون بما يلي:\n١) رفع الأجور، ٢) خفض ساعات العمل، ٣) تثبيت العقود المؤقتة\n"
    assert only(text).items == ("رفع الأجور", "خفض ساعات العمل", "تثبيت العقود المؤقتة")


def test_comma_separated_run_together_items_end_the_last_one_at_the_comma():
    text = (
        "ويمكن للأسرة أن تساعد أبناءها من خلال الخطوات التالية:\n"
        "1- تنظيم وقت النوم، 2- تشجيع القراءة اليومية، 3- الحد من الأجهزة، وقد أثبتت التجارب فائدة ذلك."
    )
    found = only(text)
    assert found.items == ("تنظيم وقت النوم", "تشجيع القراءة اليومية", "الحد من الأجهزة")


def test_a_run_without_a_colon_needs_three_numbers_in_sequence():
    three = "وتسعى الجمعية إلى 1- رعاية الأيتام 2- دعم الأسر المحتاجة 3- تدريب الشباب على المهن."
    assert only(three).items == ("رعاية الأيتام", "دعم الأسر المحتاجة", "تدريب الشباب على المهن.")
    two = "وحصل الفريق على المركز 1- في البطولة ثم 2- في الدوري الموسم الماضي."
    assert extract_objectives(two) == ()


def test_parenthesised_numbers_in_running_text_are_references_not_a_list():
    text = "قال تعالى {وَالْعَصْرِ (1) إِنَّ الْإِنسَانَ لَفِي خُسْرٍ (2) إِلَّا الَّذِينَ آمَنُوا (3)} صدق الله العظيم."
    assert extract_objectives(text) == ()


def test_dates_with_slashes_are_no_markers():
    text = "عقد الاجتماع يوم الخميس 14 / 10 / 1436هـ الموافق 30 / 7 / 2015م في مقر الوزارة: 2 / 3 من الأعضاء حضروا."
    assert extract_objectives(text) == ()


def test_an_ordinal_adjective_continues_ordinal_adverbs():
    text = (
        "أصدر مدير المستشفى ثلاثة قرارات جاءت كالتالي: أولاً نقل قسم الطوارئ إلى المبنى الجديد، ثانياً تكليف "
        "سالم العلي مديراً للجودة، ويقضي القرار الثالث بتشكيل لجنة لمتابعة الشكاوى برئاسة نائب المدير."
    )
    found = only(text)
    assert len(found.items) == 3
    assert found.items[2].startswith("بتشكيل لجنة")
    assert found.items[1] == "تكليف سالم العلي مديراً للجودة"
    assert found.announced_count == 3 and not found.count_mismatch


def test_an_ordinal_adjective_alone_opens_no_list():
    text = "واعتمد التقسيم في ثلاثة محاور؛ المحور الأول : بإشراف سالم، المحور الثاني: بإشراف ماجد."
    assert extract_objectives(text) == ()


def test_runs_of_spaces_separate_paragraphs_of_a_scraped_page():
    text = (
        "وأضاف البيان أن الهدفين جاءا على النحو التالي \u00a0 1. تحسين الخدمات الصحية في القرى "
        "\u00a0 2. توفير الأدوية في جميع المراكز \u00a0 وشكر الوزير الحضور."
    )
    found = only(text)
    assert found.items == ("تحسين الخدمات الصحية في القرى", "توفير الأدوية في جميع المراكز")
    assert found.announced_count == 2
    assert found.lead_in.startswith("وأضاف البيان")


# --- sub-lists --------------------------------------------------------------------------------------


def test_a_nested_list_belongs_to_its_item_and_a_later_list_stands_alone():
    text = (
        "وتضمنت الخطة المقترحين التاليين:\n"
        "أولا: تنظيم مالي للأندية وفقا لما يلي:\n"
        "1. اعتماد مكتب محاسبة موحد.\n"
        "2. تحديد سنة مالية موحدة.\n"
        "ثانيا: عقوبات على الأندية المتعثرة وفقا للتالي:\n"
        "1. الأندية الكبرى:\n"
        "• منع التسجيل عند تجاوز الحد\n"
        "• غرامة مالية\n"
        "2. الأندية الصغرى:\n"
        "• إنذار أول\n"
        "وأقر الاتحاد كذلك المخالفات التالية:\n"
        "1. تأخير الرواتب.\n"
        "2. إخفاء البيانات.\n"
    )
    first, second = extract_objectives(text)
    assert first.items == ("تنظيم مالي للأندية وفقا لما يلي:", "عقوبات على الأندية المتعثرة وفقا للتالي:")
    assert first.announced_count == 2 and not first.count_mismatch
    assert second.items == ("تأخير الرواتب.", "إخفاء البيانات.")


def test_a_dash_inside_a_line_item_is_punctuation():
    text = (
        "وتضمن التقرير التوصيات التالية:\n"
        "- إنشاء هيئة مستقلة - تتبع مجلس الوزراء - لمراقبة الأسعار\n"
        "- نشر التقارير المالية كل ثلاثة أشهر\n"
    )
    assert only(text).items == (
        "إنشاء هيئة مستقلة - تتبع مجلس الوزراء - لمراقبة الأسعار",
        "نشر التقارير المالية كل ثلاثة أشهر",
    )


def test_a_bullet_item_broken_over_two_lines_stays_one_item():
    text = (
        "ونصح الأطباء بما يلي:\n"
        "- شرب الماء بكثرة وتجنب المشروبات الغازية ومشروبات\n"
        "الطاقة خلال ساعات النهار.\n"
        "- النوم ثماني ساعات.\n"
    )
    found = only(text)
    assert len(found.items) == 2
    assert found.items[0].endswith("خلال ساعات النهار.")


# --- English newswire -------------------------------------------------------------------------------


def test_hard_wrapped_english_numbers_with_an_explanation_paragraph():
    text = "TALKS AGREE ON PACT\n\n" + wrap(
        "Delegates at the conference agreed on a draft accord, the chairman said on Friday after the last session.\n"
        "The chairman said producers and consumers had agreed on three points:\n"
        "1) Price reviews will be held every twelve months instead of every eighteen months as in the old pact.\n"
        "Consumers had asked for even shorter intervals between the reviews during the talks.\n"
        "2) The stock will be sold when prices rise above the upper level set in the accord.\n"
        "3) The floor price will not be lowered during the life of the new agreement.\n"
        "The accord is expected to be signed in the spring by all the countries taking part."
    )
    found = only(text)
    assert found.announced_count == 3 and not found.count_mismatch
    assert found.lead_in == "The chairman said producers and consumers had agreed on three points:"
    assert found.items[0].startswith("Price reviews will be held") and found.items[0].endswith("during the talks.")
    assert found.items[2] == "The floor price will not be lowered during the life of the new agreement."


def test_wire_double_dash_items_with_a_count_of_key_proposals():
    text = "MINISTER URGES TRADE STEPS\n\n" + wrap(
        "The minister told the meeting that the best way to fight protectionism was to adopt three key trade "
        "proposals:\n"
        "-- an end to farm subsidies in all the rich countries of the world;\n"
        "-- new rules on trade in services and investment;\n"
        "-- a faster way to settle trade disputes between member states.\n"
        "Delegates from twenty countries attend the two-day meeting."
    ).replace("    -- ", "    -- ")
    found = only(text)
    assert found.announced_count == 3
    assert found.items[1] == "new rules on trade in services and investment"
    assert found.items[2] == "a faster way to settle trade disputes between member states."


def test_a_lone_double_dash_line_is_still_a_rule():
    assert not is_list_item("-- rule")
    assert extract_objectives("Text above.\n-- rule\nText below.") == ()


def test_a_lead_in_ending_with_a_dash():
    text = "He said solutions to the problems should -\n - protect farm incomes.\n - keep investors confident.\n"
    found = only(text)
    assert found.lead_in == "He said solutions to the problems should -"
    assert found.items == ("protect farm incomes.", "keep investors confident.")


# --- announced counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ووافق المجلس على الشروط الـ10 التالية:", 10),
        ("وأعلنت الحركة الشروط الـ 6 للهدنة:", 6),
        ("وعرض الوزير أربع نقاط:", 4),
        ("وتقوم الخطة على خمسة محاور:", 5),
        ("حدد المؤتمر هدفين:", 2),
        ("وأضاف أن المقترحيْن اللذين قدمهما الوفد هما:", 2),
        ("وهذه هي النقاط الست:", 6),
        ("وتتضمن خطة البنود السبعة ما يلي:", 7),
        ("وللمنظمة مبادئ خمسة وهي:", 5),
        ("وأعادت الهيئة التأكيد على أهدافها الأربعة:", 4),
        ("After two rounds of talks the ministers backed four key reform proposals:", 4),
    ],
)
def test_count_forms(text, count):
    assert announced_count(text) == count


@pytest.mark.parametrize(
    "text",
    [
        "وفقا لمتوسط ترتيب الدوري خلال السنوات الـ 4 الماضية:",
        "الأندية من المركز الـ 6 وحتى الـ 10:",
        "ويبدأ العمل يوم الاثنين المقبل:",
        "ووافق المجلس على تعيينات بالمرتبتين الخامسة عشرة والرابعة عشرة، وذلك على النحو التالي:",
        "وفي 14 مايو الماضي أعلنت الوزارة ما يلي:",
        "وتراوحت آجال السندات بين خمس وسبع وعشر سنوات على النحو التالي:",
        "ويضم الملحق 8 صفحات يوميا يحررها فريق من عشرة محررين، وأبرز ما يميزه ما يلي:",
    ],
)
def test_definite_numbers_after_units_or_no_noun_are_no_count(text):
    assert announced_count(text) is None


def test_a_count_in_the_sentence_before_a_short_lead_in():
    text = "الوزارة تطلق خطتها\n\nحددت الوزارة خمسة أهداف للخطة. وهي كالتالي:\n- أ\n- ب\n- ج\n- د\n- هـ\n"
    found = only(text)
    assert found.lead_in == "وهي كالتالي:"
    assert found.announced_count == 5 and not found.count_mismatch


def test_a_wrong_announced_count_is_reported_as_a_mismatch():
    text = "Union leaders listed four demands:\n\n1) Higher pay\n2) Shorter hours\n3) Safer sites\n"
    found = only(text)
    assert found.announced_count == 4 and found.count_mismatch


# --- lead-ins ---------------------------------------------------------------------------------------


def test_the_lead_in_is_never_the_headline_or_a_caption():
    text = (
        "الهيئة تصدر ثلاثة قرارات جديدة\n\n"
        " صورة من الاجتماع السابق للهيئة\n"
        "وأصدرت الهيئة قرارين جاءا كالتالي: أولاً إغلاق المحلات المخالفة، ثانياً فرض غرامات على المتأخرين.\n"
    )
    found = only(text)
    assert found.lead_in == "وأصدرت الهيئة قرارين جاءا كالتالي:"
    assert found.announced_count == 2


def test_a_long_lead_in_sentence_is_cut_to_its_last_clause():
    text = (
        "مهما قلنا عن الموظفين الذين خدموا هذه المدينة سنوات طويلة فلن نوفيهم حقهم ولن نرد لهم جميلهم مهما حاولنا "
        "وخاصة ونحن نعلم حرص المسؤولين على رعاية مصالحهم ومصالح أسرهم في كل وقت وفي كل مكان "
        "إلا أن هناك مقترحات يمكن أن تخدمهم في المستقبل:\n"
        "1- تخصيص جائزة سنوية باسمهم.\n"
        "2- إنشاء نادٍ اجتماعي للمتقاعدين.\n"
    )
    assert only(text).lead_in == "إلا أن هناك مقترحات يمكن أن تخدمهم في المستقبل:"


# --- what is not objectives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # findings of an inquiry
        "وأوضح المتحدث أن تقرير اللجنة تضمن النقاط التالية:\n"
        "١-أن المعدل المسجل للطالب صحيح.\n٢-تم التثبت من سجلات القبول.\n٣-لم يثبت وجود أي خطأ.\n"
        "٤-تبين أن الطلب قدم في موعده.\n",
        # a person's statements
        "وقال الوزير في كلمته:\n- أن المملكة ماضية في دعم الاقتصاد\n- أنه لا تراجع عن الإصلاحات\n"
        "- إن هناك فرصا كبيرة للاستثمار\n",
        "The senator made these points in his testimony:\n\n"
        "- The bill would raise farm income.\n- Smith said prices would not fall.\n"
        "- He argued that exports would grow.\n",
        # problems announced by name, inline
        "ويعود ذلك إلى ما يسميه الباحثون (المشكلات الثلاث الكبرى): 1) ضعف التمويل، و 2) بطء القرارات، "
        "و 3) قلة الكوادر المؤهلة.",
        # problems listed as lacks
        "ويشكو سكان القرية من أمور كثيرة:\n- نقص المياه في الصيف\n- ضعف شبكة الكهرباء\n- غياب المراكز الصحية\n",
        # names with name particles, and ranks before a slash
        "وشارك في الدورة كل من:\n1- محمد بن سالم القحطاني\n2- عبدالله بن علي الزهراني\n3- سعد آل مريع\n",
        "وفيما يلي التفاصيل:\n1 - الرقيب / خالد سعد العمري.\n2 - الجندي / ماجد علي الشهري.\n",
        # a timeline in Hijri years
        "ومرت الجمعية بمراحل:\n- في 5 رجب 1420هـ تأسيس الجمعية في جدة\n- في 1 محرم 1428هـ افتتاح الفرع الثاني\n"
        "- في 9 شوال 1435هـ إطلاق برنامج الإسكان\n",
        # numbered paragraphs of a document whose text follows
        "Following is the text of a statement issued by the ministers after their meeting.\n"
        "1. The ministers met today and reviewed the economy.\n"
        "2. The ministers reaffirmed their commitment to cooperation.\n",
        # claims
        "He made the following claims:\n- The plan would cut costs.\n- The plan would create jobs.\n",
    ],
)
def test_findings_statements_problems_names_timelines_and_documents_are_not_objectives(text):
    assert extract_objectives(text) == ()


def test_goals_that_open_with_an_verb_after_an_are_kept():
    text = "ويطالب المحتجون بما يلي:\n- أن تفرج السلطات عن المعتقلين\n- أن تجرى الانتخابات في موعدها\n"
    assert len(only(text).items) == 2


def test_solutions_to_problems_are_goals():
    text = "وقال إن حلول المشكلات التالية:\n- تطوير التعليم\n- تدريب المعلمين\n"
    assert len(only(text).items) == 2


# --- the text core ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "value", "family"),
    [("1-", 1, "dash"), ("٣)", 3, "paren"), ("(12)", 12, "paren"), ("۴.", 4, "dash"), ("2 -", 2, "dash")],
)
def test_number_markers_carry_a_value_and_a_family(marker, value, family):
    assert lists.number_value(marker) == value
    assert lists.number_family(marker) == family


@pytest.mark.parametrize(("text", "value"), [("أولاً ", 1), ("أولًا: ", 1), ("وثانيا، ", 2), ("ثالثاً- ", 3)])
def test_ordinal_adverbs_in_every_spelling(text, value):
    match = lists.INLINE_ORDINAL.match(text)
    assert match is not None and lists.ordinal_value(match) == value


# --- more lists that are not objectives -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # interview questions
        "وطرحنا على المدير الأسئلة التالية:\n- لماذا تأخر افتتاح المستشفى؟\n- متى تنتهي أعمال الطريق؟\n"
        "- ما خطتكم للصيف؟\n",
        # quoted lines after a speech verb and its speaker
        "أجابوه:\n- ليس بعد.\n- سيصل الوفد غدا صباحا.\n- لا نعرف موعد العودة.\n",
        # results given as past-tense figures
        "وفي ختام الأسبوع:\n- ارتفع المؤشر العام بنسبة 2 في المائة.\n- تراجعت السيولة إلى 8 مليارات ريال.\n"
        "- سجلت أسهم المصارف أعلى مستوى لها.\n",
        # events dated in full
        "ونفذ التنظيم عددا من العمليات شملت الآتي:\n- حادث الهجوم على نقطة التفتيش بتاريخ 10 / 1 / 1436هـ.\n"
        "- حادث إطلاق النار على الدورية بتاريخ 19 / 6 / 1436هـ.\n",
        # wire statistics set against the previous period
        "Reserves at the end of March were as follows:\n- U.S. dlrs 5.98 billion vs 4.47 billion\n"
        "- gold 874.0 mln vs 864.1 mln\n",
        # a timeline by day and month, in Arabic and in English
        "وهذه أبرز المحطات:\n- في 12 يونيو، وصل الوفد إلى العاصمة.\n- في 20 يوليو، وقعت الاتفاقية.\n",
        "Key dates in the dispute:\n- March 3: talks broke down.\n- April 10: the strike began.\n",
        # a list of people by name
        "Those named by the court:\n- John Carter, 45, of Boston\n- Mary Lee, 38, of Salem\n",
        # topics of a workshop, side effects
        "وتناولت الورشة عدة مواضيع من أبرزها:\n- مرحلة قيد الناخبين.\n- مرحلة تسجيل المرشحين.\n",
        "الآثار الجانبية للدواء:\n- صداع خفيف\n- اضطراب في الهضم\n",
    ],
)
def test_questions_quotes_results_events_figures_and_topics_are_not_objectives(text):
    assert extract_objectives(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # a menu of tags without a lead-in
        "مواقع زارها القراء هذا الأسبوع.\n\n- يوتيوب\n- ترافيان\n- بلياردو\n",
        # the sections of a column: several sentences each, no lead-in
        "مقالات الأسبوع\n\n- كان الموسم صعبا. خسر الفريق كثيرا. لكن الجماهير بقيت وفية.\n"
        "- الإدارة الجديدة تعد بالكثير. الأيام ستكشف. والصبر مطلوب.\n",
        # English items without a lead-in that open like sentence fragments
        "Analysts cited several worries.\n\n- the apparent unwillingness of the government to act\n"
        "- the cost of new offices abroad\n- difficulty in finding staff\n",
    ],
)
def test_lists_without_a_lead_in_that_are_tags_sections_or_fragments(text):
    assert extract_objectives(text) == ()


def test_a_list_without_a_lead_in_can_still_be_objectives():
    text = (
        "The report was published on Monday.\n\n- Upgrading security at arms stores\n- Creating a new safety agency\n"
    )
    assert len(only(text).items) == 2


def test_decorative_stars_are_no_items():  # a guard: star rules between a story's sections
    text = "* * * *\nمضت الليلة طويلة ولم تنم.\n* * * *\nوفي الصباح خرجت إلى الحديقة.\n"
    assert extract_objectives(text) == ()


def test_an_ordinal_that_closes_its_phrase_is_no_marker():
    text = "سقطت الفكرة على يد القاعديين أولاً ثم على يد الدواعش ثانياً. والتاريخ يعيد نفسه."
    assert extract_objectives(text) == ()


def test_ordinals_with_harakat_open_a_list():
    text = "وأورد الخطيب ما يجب فعله: أوَّلاً: تحصين الشباب فكريا. ثانيًا: المشاركة في برامج التوعية."
    assert only(text).items == ("تحصين الشباب فكريا.", "المشاركة في برامج التوعية.")


def test_words_of_a_long_lead_ins_first_clause_do_not_name_the_list():
    text = (
        "أوضح رئيس النادي أن اللجنة المكونة من المشاركين في الورشة الإلكترونية الخاصة بتطوير المهرجان، "
        "قد خلصت إلى عدد من التوصيات المهمة، جاءت على النحو التالي:\n"
        "- إدخال المهرجان في المناهج المدرسية.\n- تكريم شخصية ثقافية كل عام.\n"
    )
    assert len(only(text).items) == 2


def test_a_last_item_broken_off_mid_sentence_takes_the_next_line():
    text = (
        "ونصح الأطباء بما يلي:\n"
        "1) اغسل يديك بالماء والصابون.\n"
        "2) تجنب لمس وجهك.\n"
        "3) اشرب الماء بكثرة واستبدل المشروبات الغازية ومشروبات\n"
        "الطاقة بالعصائر الطبيعية.\n"
        "وينتشر الفيروس في الصيف.\n"
    )
    found = only(text)
    assert found.items[2] == "اشرب الماء بكثرة واستبدل المشروبات الغازية ومشروبات الطاقة بالعصائر الطبيعية."


def test_a_last_item_without_a_full_stop_keeps_to_its_line_when_the_others_have_none():
    text = "وتشمل الخطة ما يلي:\n- دعم الفلاحين\n- بناء السدود\nوانتهى الاجتماع مساء.\n"
    assert only(text).items == ("دعم الفلاحين", "بناء السدود")


def test_a_paragraph_after_a_blank_line_never_finishes_the_last_item():
    text = (
        "وتحدث المبعوث عن ثلاثة أهداف وهي:\n\n١- هزيمة التنظيم.\n\n٢- خروج القوات الأجنبية.\n\n"
        "٣- الوصول إلى حل سياسي وفق القرار/ ٢٢٥٤/\n\nمن جانبه طالب رئيس المجلس بتمثيل حقيقي.\n"
    )
    assert only(text).items[2] == "الوصول إلى حل سياسي وفق القرار/ ٢٢٥٤/"
