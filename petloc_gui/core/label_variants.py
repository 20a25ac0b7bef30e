"""Labels that name one class spelled two ways: "Bengal" and "bengal", "ABYSSINIAN" and "abyssinian",
"bengal  cat" and "bengal cat", "cat\\u200b" (a zero-width space pasted with it) and "cat" (no Qt, no TensorFlow).

Labels are compared exactly everywhere in petloc (a class is its label's text), so such labels are
two classes: counted apart by `petloc stats`, trained as two classes by `petloc train`, and a model
that predicts one is scored wrong on the other. A person typing a class name rarely means case,
spacing, a Unicode form (a decomposed "é", a full-width letter) or a character drawn as nothing (a zero-width
space, a soft hyphen, a variation selector) to tell two classes apart, so
`petloc stats` reports them (`core.stats_problems.CASE_VARIANT_LABELS`) and `petloc train` refuses them
until they have one name. Other characters are other classes, however alike (`label_key`). Case
follows Turkish too (`turkish_label_key`): "İstanbul" and "istanbul", "IŞIK" and "\u0131ş\u0131k" (dotless
i, written so as it reads as "i" in most fonts) are one class typed on two keyboards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.text import DEFAULT_IGNORABLE, isolated, part_of_emoji, tidy_name, visible
from petloc_gui.core.turkish_case import with_turkish_i, without_dot_above_i


def label_key(name: str) -> str:
    """What two spellings of one class share, and nothing more: the label without the characters drawn as
    nothing (Unicode's default-ignorable ones, as UAX #31 keys identifiers: "cat\\u200b" is "cat", and so
    is "❤\\ufe0f" "❤", Persian "\u0645\u06cc\\u200c\u0634\u0648\u062f" the word typed without its
    non-joiner: one word typed two ways; but for a joiner between emoji and a flag's tags, which make another
    emoji: `_drawn_only`), in its composed Unicode form
    (NFC: a decomposed "é" is the composed one), a full-width or half-width letter as its usual one (an
    East Asian input method's full-width "\\uff43\\uff41\\uff54" is "cat"), runs of whitespace made one
    space, and lower case (`str.lower`; "İ" as "i", not "i" and a combining dot). Canonical equivalents
    only, not NFKC's compatibility folds: "m²" is not "m2", "①" not "1", "Ⅻ" not "xii", "ﬁsh" not
    "fish". Lower case, not case folding: "Maße" is not "Masse" (casefold makes ß "ss"), and a Greek
    word ending in a medial sigma is not the word ending in a final one (casefold makes both the
    medial; `str.lower` gives an upper-case word's last capital sigma as the final one). Those pairs
    can name two classes, and a refusal of them (`core.case_variant_refusal`) would have no way round.
    A name of characters drawn as nothing alone keeps them (`_drawn_only`): "\\u3164" is not "\\u115f".
    Turkish case is the other key, `turkish_label_key`: two labels are one class when either key is
    the same (`same_class`)."""
    return _lower(tidy_name(_formed(_drawn_only(name))))


def turkish_label_key(name: str) -> str:
    """`label_key` with Turkish case pairs: "I" the capital of dotless "\u0131", "İ" of "i", so "IŞIK"
    is "\u0131ş\u0131k" (`label_key` makes it "işik"). Only "I" is keyed otherwise, so this pairs no
    labels that differ in more than case: "k\u0131r" and "kir" are two words, each with its own key
    under both rules (though "KIR" is a spelling of both, one under each)."""
    return _lower(with_turkish_i(tidy_name(_formed(_drawn_only(name)))))


def same_class(first: str, second: str) -> bool:
    """Whether two labels are one class spelled two ways, or the same: their `label_key` or their
    `turkish_label_key` is the same."""
    return label_key(first) == label_key(second) or turkish_label_key(first) == turkish_label_key(second)


def spelled_as(name: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that is ``name`` spelled another way (`same_class`), one sharing its
    `label_key` before one sharing only its `turkish_label_key` (typed "KIR" is "kir" before "k\u0131r");
    None if none is."""
    names = list(names)
    for key in (label_key, turkish_label_key):
        typed = key(name)
        found = next((other for other in names if key(other) == typed), None)
        if found is not None:
            return found
    return None


def _drawn_only(name: str) -> str:
    """``name`` without the characters drawn as nothing (`core.text.DEFAULT_IGNORABLE`), before it is composed:
    "e\\u200b\\u0301" is "é" then, as it shows. Those that hold an emoji together (`core.text.part_of_emoji`)
    are kept: the tags tell England's flag from Scotland's, the joiners a family "👨\\u200d👩\\u200d👧" from
    three people "👨👩👧". A name of nothing else (but spaces) is kept whole: without them every such name
    ("\\u3164" and "\\u115f", two Hangul fillers, each shown escaped) had the key "", one class with any other."""
    if not DEFAULT_IGNORABLE.search(name):
        return name
    drawn = "".join(char for at, char in enumerate(name)
                    if not DEFAULT_IGNORABLE.match(char) or part_of_emoji(name, at))
    return drawn if drawn.strip() else name


def _formed(name: str) -> str:
    """``name`` in its composed form (NFC), full-width and half-width letters as their usual ones."""
    return unicodedata.normalize("NFC", name if name.isascii() else "".join(map(_usual_width, name)))


def _lower(name: str) -> str:
    """``name`` in lower case, composed again (a lower-case letter may compose where its capital did not),
    "İ" as "i" (`str.lower` gives it a second, combining, dot)."""
    return unicodedata.normalize("NFC", without_dot_above_i(name.lower()))


def _lower_any_i(name: str) -> str:
    """``name`` in lower case with every i alike ("I", "İ", "\u0131", "i": Turkish case or not), for
    telling what else than case the spellings of a group differ in (`differences`). A decomposed "İ"
    ("I" and U+0307) keeps its dot: it differs from "İ" in Unicode form."""
    return name.translate(_ANY_I).lower()


def _caseless(name: str) -> str:
    """`_lower_any_i` composed again, "i" and a combining dot as "i" (`_lower`)."""
    return unicodedata.normalize("NFC", without_dot_above_i(_lower_any_i(name)))


_ANY_I = str.maketrans({"I": "i", "\u0130": "i", "\u0131": "i"})


def _usual_width(char: str) -> str:
    """A full-width ("\\uff21") or half-width ("\\uff76") form as the character it is a form of ("A",
    "\\u30ab"); others as they are."""
    if unicodedata.decomposition(char).startswith(("<wide>", "<narrow>")):
        return unicodedata.normalize("NFKC", char)
    return char


def variant_groups(names: Iterable[str]) -> list[list[str]]:
    """The groups of two or more of ``names`` that differ only in case, spacing, Unicode form or invisible
    characters,
    each in natural order, the groups in the order of their first name. A group is every name joined
    to another by `same_class`: "KIR" with "kir" (`label_key`) and with "k\u0131r"
    (`turkish_label_key`) makes one group of the three, as renaming any two of them leaves a pair
    `petloc train` refuses."""
    spellings = {name for name in names if name}
    sharing: dict[tuple[int, str], set[str]] = {}
    for name in spellings:
        for rule in _keys(name):
            sharing.setdefault(rule, set()).add(name)
    groups: list[list[str]] = []
    left = set(spellings)
    while left:
        group, reached = set(), [left.pop()]
        while reached:
            name = reached.pop()
            if name not in group:
                group.add(name)
                reached.extend(other for rule in _keys(name) for other in sharing[rule] if other not in group)
        left -= group
        if len(group) > 1:
            groups.append(natural_order(group))
    by_first = {group[0]: group for group in groups}
    return [by_first[first] for first in natural_order(by_first)]


def _keys(name: str) -> tuple[tuple[int, str], tuple[int, str]]:
    """``name``'s two keys, each told by its rule's number (the same text under two rules is no match)."""
    return (0, label_key(name)), (1, turkish_label_key(name))


def differences(groups: Iterable[Iterable[str]]) -> str:
    """What the spellings of each of ``groups`` (`variant_groups`') differ in, all groups together:
    "case", "spacing", "Unicode form", "invisible characters", or some of them ("case or spacing"), so a
    message says "Unicode form" where a spelling is a decomposed or full-width one, and not where none is,
    and "invisible characters" where one holds a zero-width space or another character drawn as nothing."""
    # each kind: every step of `label_key` but the one that makes it alike
    steps = {"case": (_drawn_only, _formed, tidy_name), "spacing": (_drawn_only, _formed, _caseless),
             "Unicode form": (_drawn_only, tidy_name, _lower_any_i),
             "invisible characters": (_formed, tidy_name, _caseless)}
    found = [kind for kind, keyed in steps.items()
             if any(len({_through(name, keyed) for name in group}) > 1 for group in map(list, groups))]
    found = found or list(steps)  # (every pair differs in one of them: `label_key` applies no other step)
    return ", ".join(found[:-1]) + " or " + found[-1] if len(found) > 1 else found[0]


def _through(name: str, steps: Iterable[Callable[[str], str]]) -> str:
    for step in steps:
        name = step(name)
    return name


def variants_text(group: Iterable[str], counts: Mapping[str, str], *, set_apart: bool = False) -> str:
    """``"ABYSSINIAN" (3 boxes) and "abyssinian" (17 boxes)``: each spelling quoted (`shown`) with what
    ``counts`` says of it, and, where two would show alike, what tells them apart (`form_notes`:
    ``"été" (composed, 3 boxes) and "été" (decomposed, 1 box)``). With ``set_apart``, each spelling within its
    quotes is set apart too (`core.text.isolated`), as `shown_apart` does, the words the same."""
    group = list(group)
    notes = form_notes(group)
    parts = [f'"{isolated(shown(name)) if set_apart else shown(name)}"'
             + _bracketed(notes.get(name, ""), counts.get(name, "")) for name in group]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def shown_apart(name: str, group: Iterable[str], *, set_apart: bool = False) -> str:
    """``name`` quoted as a message shows it (`shown`), with what tells it from a spelling of ``group``
    it would show alike: ``"été" (decomposed)``. With ``set_apart``, the name within the quotes is set apart
    too (`core.text.isolated`), for a line printed with its names isolated (`petloc evaluate`'s: a Hebrew
    name moved the quotes and words around it); the window's messages and `petloc stats`' lines are as
    they were."""
    quoted = isolated(shown(name)) if set_apart else shown(name)
    return f'"{quoted}"' + _bracketed(form_notes([name, *group]).get(name, ""))


def form_notes(names: Iterable[str]) -> dict[str, str]:
    """For each of ``names`` that a message would show as another of them (`shown`, one text in two
    Unicode forms: "été" composed, and decomposed, "e" and U+0301 twice, look the same on a screen),
    what tells it apart: "composed" (NFC), "decomposed" (NFD), the characters drawn as nothing a message shows
    raw as part of the text ("with U+200C", and "without U+200C" for the other: `core.text.visible` keeps the
    non-joiner of a Persian word), or, when none of these tells (a mix of both forms), its code points; the
    others have none."""
    alike: dict[str, set[str]] = {}
    for name in names:
        alike.setdefault(unicodedata.normalize("NFC", _drawn_only(shown(name))), set()).add(name)
    notes: dict[str, str] = {}
    for same in (found for found in alike.values() if len(found) > 1):
        held = _code_points(char for name in same for char in _kept_invisible(name))
        forms = {name: _form_word(name) or (f"with {_code_points(_kept_invisible(name))}" if _kept_invisible(name)
                                            else f"without {held}" if held else "") for name in same}
        for name, word in forms.items():
            unique = word and list(forms.values()).count(word) == 1
            notes[name] = word if unique else f"code points {_code_points(name, keep_order=True)}"
    return notes


def _kept_invisible(name: str) -> list[str]:
    """The characters drawn as nothing that a message shows of ``name`` raw (`core.text.visible` keeps them
    where they are part of the text: the joiner of "👩\\u200d💻")."""
    return DEFAULT_IGNORABLE.findall(shown(name))


def _code_points(chars: Iterable[str], *, keep_order: bool = False) -> str:
    """``U+200C U+FE0F``: each character once, in code point order (every one, in order, with ``keep_order``)."""
    return " ".join(f"U+{ord(char):04X}" for char in (chars if keep_order else sorted(set(chars))))


def _form_word(name: str) -> str:
    """"composed" or "decomposed" for a name in one of the two forms and not the other, else ""."""
    composed, decomposed = (unicodedata.normalize(form, name) for form in ("NFC", "NFD"))
    if composed == decomposed:
        return ""
    return "composed" if name == composed else "decomposed" if name == decomposed else ""


def _bracketed(*said: str) -> str:
    """`` (decomposed, 1 box)``: what is said of a quoted spelling, "" when nothing is."""
    words = [part for part in said if part]
    return f" ({', '.join(words)})" if words else ""


def shown(name: str) -> str:
    """A label as a message shows it, its spacing told apart: each character of a run of spaces, a tab,
    a no-break space... is "␣" (a message line makes runs of spaces one, and "bengal  cat" read as
    the "bengal cat" it differs from), control characters escaped (`core.text.visible`)."""
    return visible(_SPACING.sub(lambda run: "␣" * len(run.group()), name))


_SPACING = re.compile(r"\s{2,}|[^\S ]")  # whitespace other than one plain space
