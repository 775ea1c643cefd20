"""Given names, a lexicon class for the recognizer's features ("this word is often a first name").

Written for this project from common knowledge of names in use (no list was copied): Arabic names
across the Arab world, men's and women's, and names of other languages as Arabic news writes them;
English and other Latin-script given names. Many are also ordinary words ("أمل", "سعيد", "Grace"):
the feature says only that a word *can* be a first name, and the model learns from the corpora how
much that counts next to its other features. Words are separated by spaces; extend freely, then
retrain (``training/ner/README.md``).
"""

from __future__ import annotations

_ARABIC_MEN = """
    محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد سعد سعيد سعود سلمان سلطان فهد فيصل بندر تركي
    نايف مشعل منصور نواف عبدالله عبدالرحمن عبدالعزيز عبدالمحسن عبدالكريم عبدالرحيم عبداللطيف عبدالمجيد
    عبدالإله عبدالفتاح عبدالحميد عبدالملك عبدالوهاب عبدالقادر عبدالسلام عبدالناصر عبدالحليم عبدالرزاق
    عبدالمنعم عبدالغني عبدالحكيم عبدالجليل عبدالباسط عبدالهادي عبدالمطلب عبدالخالق عبدالحق عبدالستار
    إبراهيم إسماعيل إسحاق يوسف يعقوب يحيى زكريا موسى عيسى داود سليمان هارون أيوب يونس إدريس آدم نوح
    إلياس صالح شعيب لقمان طارق زياد ماجد مازن ناصر نبيل نزار نضال هشام هاني هيثم وائل وليد ياسر ياسين
    يزيد جمال كمال عادل عماد عصام فؤاد فارس فراس فادي فايز فهمي قاسم كريم لؤي مالك مجدي مراد مروان
    مهدي منير مؤيد ناجي نادر نعيم نجيب هاشم هادي وسيم وجدي رامي رائد رياض رشيد رضا رفيق ربيع زهير زيد
    سامي سامر سمير سليم سهيل شادي شريف شوقي صابر صادق صلاح صفوان ضياء طلال طه عاطف عامر عباس عدنان عزت
    عزام علاء عمار عمرو غازي غسان فتحي فريد فوزي قيس كامل لطفي ماهر محسن مختار مدحت مصعب معاذ معتز منذر
    مهند ميشال ميشيل أنطوان بطرس بولس جبران نعمان بشير بشار بشر حمزة حمد حمدان حامد حاتم حازم حافظ حسام
    حكيم خليل خليفة راشد رامز زايد سيف صقر ظافر عبيد عوض غانم فالح فلاح فواز متعب مساعد مقرن مشاري ممدوح
    هزاع هذلول ثامر جابر جاسم جعفر حمود ذياب راكان ريان سطام شاكر ضاري عايض عيد مبارك مطلق مفلح مهنا
    ناهض نمر هلال أسامة أنس أمين أيمن إياد باسل باسم بسام بلال تامر توفيق ثابت جلال جهاد حسني حلمي خضر
    رأفت رجب رمضان رمزي سالم سعدي سلامة شعبان شكري صبحي صفوت عاصم عبده عرفات مأمون محيي مرسي مسعود
    منصف مصباح نصر وجيه يسري الحبيب الباجي المنجي المنصف الهادي الطاهر الصادق المولدي الأمين عزيز حميد
    بوعلام مولود عز صبري سعدون عدي قصي مقتدى نوري إياد حيدر كاظم جواد مهدي رعد ضرغام هيثم
    غيث أديب أكرم أنور أشرف إيهاب بهاء ثروت جودت حمدي خيري رشاد زكي سمعان شفيق صبري طلعت عزمي عفيف
    فخري فكري مجيد ممتاز نشأت هاني وحيد يحيى غالب غلاب فهيد مفرج عثمان صالح مشاري عبدالمحسن
    نزار مساعد عادل متعب سطام خالد الوليد الحسين الحسن علوي عوني مؤنس قحطان ليث مهيب رسلان هايل نايل
    سهل عطا فرج مفيد منيف نواف عقيل جميل نبيه كنعان معن أوس سنان زهران مخلد مشهور
"""
_ARABIC_WOMEN = """
    فاطمة عائشة خديجة مريم زينب سارة سارا ليلى ليلي هدى منى نور نورة نوال نادية نجلاء نجوى هالة هند هبة
    هيفاء وفاء سعاد سلمى سلوى سميرة سهى سهام رانيا رنا رشا رغد رهف ريم ريما رحاب روان رولا زهراء زهرة
    سوسن شيماء صفاء ضحى عبير علياء عفاف غادة فرح فدوى لمى لينا لبنى مها منال ميساء ميسون نسرين نهى هيام
    ياسمين أسماء أمل أمينة آمنة إيمان بثينة بشرى جميلة حنان حياة خلود دعاء دينا رحمة رقية سناء شهد عزة
    فايزة كوثر لطيفة مشاعل منيرة نوف هنادي هناء وداد وعد نوارة لولوة الجوهرة البندري العنود موضي حصة
    شيخة أريج أسيل إسراء آلاء بسمة تغريد جنى جود حلا دلال ديما رزان رنين روى ريهام زينة سجى سلاف سماح
    سمر سهير شذى صبا عبلة علا غدير فاتن فريدة كريمة لميس ليال مايا مروة ملك منار ميار نادين نبيلة
    نجاة نعيمة هيا وسام يسرا يارا جيهان حنين درة رجاء زكية سعدية صباح عواطف فوزية ماجدة نبيهة نعمات
    نوران نسمة نهلة هديل ولاء وجدان أروى إسراء بيان تسنيم جمانة حلا دانة رزان روضة سديم شروق غدير
"""
# Names of other languages as Arabic news spells them.
_ARABIC_FOREIGN = """
    جون جيمس جيمي جورج دونالد باراك بيل هيلاري مايكل ديفيد ديفد بول بيتر مارك روبرت ريتشارد توماس تشارلز
    فرانسوا إيمانويل إيمانوئيل نيكولا أنجيلا تيريزا بوريس فلاديمير سيرغي سيرجي دميتري ماريو جوزيبي ماتيو
    أنطونيو كارلوس خوان خوسيه لويس ماريا آنا إيفانكا ميلانيا جاريد مايك جو كامالا نانسي ستيفن كريستوفر
    أندرو أليكس ألكسندر فيكتور إيغور هنري ليندسي ميت رونالد جيرالد ريكس جيم تيم توني غوردون ديفيد
    كيم شي ناريندرا ميغان أريانا جنيفر أوبرا ستيفي إلتون جاستن تايلور سيندي ويليام هاري
"""
_ENGLISH = """
    james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
    mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
    jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
    frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
    walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
    vincent russell louis bobby philip johnny tony tom bill jim mike dick bob ted ed harry malcolm clayton
    marvin allen alejandro manuel carlos luis jorge pedro miguel francisco jean pierre michel jacques
    francois hans klaus helmut gerhard boris vladimir mikhail yuri nelson hugh colin gordon tony neil ian
    alistair nigel clive graham simon oliver rupert giles hamish angus duncan fergus gavin dominic
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra
    ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
    cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine
    debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly
    christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann
    teresa kathryn sara janice alice madison doris abigail julia judy grace denise amber marilyn beverly
    danielle theresa sophia marie diana natalie isabella charlotte rose hillary tessa harriet tessa cherie
"""

ARABIC: tuple[str, ...] = tuple(dict.fromkeys((_ARABIC_MEN + _ARABIC_WOMEN + _ARABIC_FOREIGN).split()))
ENGLISH: tuple[str, ...] = tuple(dict.fromkeys(_ENGLISH.split()))
