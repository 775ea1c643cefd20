"""Function words that end a name: prepositions, pronouns, days, speech verbs.

A name runs until one of these ("جيمس جيفري خلال ...", "Tony Blair said"). Words are separated by
spaces and line breaks; extend freely.
"""

from __future__ import annotations

_ARABIC_TEXT = """
    في على إلى الى من عن مع خلال بعد قبل حول اليوم أمس امس
    غدا الذي التي الذين اللذين اللذان إن أن أنه انه إنه لقد قد كما
    حيث بين عند لدى ضمن منذ حتى أو أم ثم هذا هذه ذلك تلك
    هناك هنا هو هي هم نفسه بنفسه أيضا كذلك الخميس الجمعة السبت الأحد الاثنين
    الثلاثاء الأربعاء صباح مساء عشية ظهر يوم عام شهر وقال وأضاف قال أضاف أكد
    وأكد أعلن وأعلن أشار وأشار لم لن لا ما ماذا الذى بشأن وفق عبر
    إثر اثر اليمين بصفته بمثل بصورة بشكل بهدف بناء بحسب حسب وفقا طيلة طوال
    لأن لكن بينما فيما إذ اذ إذا كان كانت يكون تكون يذكر يشار ويذكر
    بسبب جراء نتيجة بفضل رغم برغم
    بأن بان لأن كأن وأن وإن فإن مصادر مصدر مراقبون مراقبين
    كلمة كلمته كلمتها خطابا خطاب رسالة بيانا تصريحا مداخلة
    لديه لديها لديهم اضافة إضافة بالإضافة علاوة فضلا خاصة
    خلاله خلالها فحسب بل واحدة واحد مختلف أكثر أقل بعد أحد إحدى
    ويشار باسم بدوره بدورها ممثلا ممثلة نيابة عدا كل جميع بعض عدد
    أي أية أيضاً تفاديا تجنبا سعيا منعا حرصا قريبا لاحقا
    عنه عنها عنهم منه منها منهم إليه إليها إليهم عليه عليها عليهم له لها لهم معه معها معهم فيه فيها فيهم لمن
    الأسبوع الشهر السنة الماضي الماضية أسبوع
    أنها إنها لأنه لأنها كأنه كأنها بأنه بأنها
"""

_ENGLISH_TEXT = """
    the a an and or of in on at to for from with by
    as is was were be been has have had he she it they his
    her their this that these those but not no said says told after before
    during while when where who which what there then than also about over under
    into out up down new former ex mr mrs ms dr sir it's i
    we you our us them him its one two three first last next later
    some many most all every each both several other such another any
    today yesterday tomorrow on monday tuesday wednesday thursday friday saturday sunday
"""

ARABIC: tuple[str, ...] = tuple(_ARABIC_TEXT.split())
ENGLISH: tuple[str, ...] = tuple(_ENGLISH_TEXT.split())
