from __future__ import annotations

import pytest

from summarize.language import detect_language, normalize_language_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("قال الوزير إن الاجتماع كان مثمرا", "ar"),
        ("The minister said the meeting was useful and the talks will go on.", "en"),
        ("Le ministre a dit que la réunion était utile et que les discussions vont continuer.", "fr"),
        ("Der Minister sagte, dass das Treffen nützlich war und die Gespräche weitergehen.", "de"),
        ("قال مدير شركة Microsoft إن الشركة ستفتتح مكتبا في القاهرة", "ar"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_language_codes_and_names():
    assert normalize_language_code("Arabic") == "ar"
    assert normalize_language_code("en") == "en"
    with pytest.raises(ValueError):
        normalize_language_code("klingon")
