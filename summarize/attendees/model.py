"""What the steps hand each other: the public results and the mention record both languages share."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Person:
    """One attendee: the name as shown, the title or role, other spellings, and where each mention is."""

    name: str
    title: str | None
    aliases: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    """Unnamed people said to be present ("عدد من زعماء القبائل ووجهاء العشائر")."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Attendees:
    """Who was there: named people in order of first mention, then unnamed groups."""

    people: tuple[Person, ...] = ()
    groups: tuple[Group, ...] = ()


@dataclass
class _Mention:
    name: str
    name_span: Span
    title: str | None
    tokens: tuple[str, ...]  # normalized name tokens
    dead: bool = False
    sentence: int = -1
    start: int = -1  # where the mention (title included) starts
    speaker: bool = False  # quoted with a speech verb
    also: list[int] = field(default_factory=list)  # other sentences the same words were found in
    bare: bool = False  # found by the recognizer alone, with no title: weaker evidence
    quoted_heading: bool = False  # "سفيان طوبال : ..." opening a headline: who the article quotes
    confirmed: bool = False  # the person recognizer reads a name here too
    chain: int = -1  # names read as one chain ("بيل وهيلاري كلينتون، وآل غور") share a number
    structural: bool = False  # an item of a list of people under an event: a name without the recognizer
    alone: bool = False  # a first name given alone among relatives ("أبناء الفقيد (محمد وبندر)"): merged with no one

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.name_span[0]
