"""Labels that name one class spelled two ways: "Bengal" and "bengal", "ABYSSINIAN" and "abyssinian",
"bengal  cat" and "bengal cat" (no Qt, no TensorFlow).

Labels are compared exactly everywhere in petloc (a class is its label's text), so such labels are
two classes: counted apart by `petloc stats`, trained as two classes by `petloc train`, and a model
that predicts one is scored wrong on the other. A person typing a class name rarely means case,
spacing or a Unicode form (a decomposed "é", a full-width letter) to tell two classes apart, so
`petloc stats` reports them (`core.stats_problems.CASE_VARIANT_LABELS`) and `petloc train` refuses them
until they have one name. Other characters are other classes, however alike (`label_key`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.text import visible


def label_key(name: str) -> str:
    """What two spellings of one class share, and nothing more: the label in its composed Unicode form
    (NFC: a decomposed "é" is the composed one), a full-width or half-width letter as its usual one (an
    East Asian input method's full-width "\\uff43\\uff41\\uff54" is "cat"), runs of whitespace made one
    space, and lower case (`str.lower`). Canonical equivalents only, not NFKC's compatibility folds:
    "m²" is not "m2", "①" not "1", "Ⅻ" not "xii", "ﬁsh" not "fish". Lower case, not case folding:
    "Maße" is not "Masse" (casefold makes ß "ss"), and a Greek word ending in a medial sigma is not
    the word ending in a final one (casefold makes both the medial; `str.lower` gives an upper-case
    word's last capital sigma as the final one). Those pairs can name two classes, and a refusal of
    them (`core.case_variant_refusal`) would have no way round."""
    return _lower(_spaced(_formed(name)))


def _formed(name: str) -> str:
    """``name`` in its composed form (NFC), full-width and half-width letters as their usual ones."""
    return unicodedata.normalize("NFC", name if name.isascii() else "".join(map(_usual_width, name)))


def _spaced(name: str) -> str:
    """``name`` with each run of whitespace one space, none around it."""
    return " ".join(name.split())


def _lower(name: str) -> str:
    """``name`` in lower case, composed again (a lower-case letter may compose where its capital did not)."""
    return unicodedata.normalize("NFC", name.lower())


def _usual_width(char: str) -> str:
    """A full-width ("\\uff21") or half-width ("\\uff76") form as the character it is a form of ("A",
    "\\u30ab"); others as they are."""
    if unicodedata.decomposition(char).startswith(("<wide>", "<narrow>")):
        return unicodedata.normalize("NFKC", char)
    return char


def variant_groups(names: Iterable[str]) -> list[list[str]]:
    """The groups of two or more of ``names`` that differ only in case, spacing or Unicode form,
    each in natural order, the groups in the order of their first name."""
    by_key: dict[str, set[str]] = {}
    for name in names:
        if name:
            by_key.setdefault(label_key(name), set()).add(name)
    by_first = {group[0]: group for group in (natural_order(found) for found in by_key.values() if len(found) > 1)}
    return [by_first[first] for first in natural_order(by_first)]


def differences(groups: Iterable[Iterable[str]]) -> str:
    """What the spellings of each of ``groups`` (`variant_groups`') differ in, all groups together:
    "case", "spacing", "Unicode form", or two or three of them ("case or spacing"), so a message says
    "Unicode form" where a spelling is a decomposed or full-width one, and not where none is."""
    steps = {"case": (_formed, _spaced), "spacing": (_formed, _lower), "Unicode form": (_spaced, str.lower)}
    found = [kind for kind, (first, then) in steps.items()
             if any(len({then(first(name)) for name in group}) > 1 for group in map(list, groups))]
    found = found or list(steps)  # (every pair differs in one of them: `label_key` applies no other step)
    return ", ".join(found[:-1]) + " or " + found[-1] if len(found) > 1 else found[0]


def variants_text(group: Iterable[str], counts: Mapping[str, str]) -> str:
    """``"ABYSSINIAN" (3 boxes) and "abyssinian" (17 boxes)``: each spelling quoted (`shown`) with what
    ``counts`` says of it, and, where two would show alike, what tells them apart (`form_notes`:
    ``"été" (composed, 3 boxes) and "été" (decomposed, 1 box)``)."""
    group = list(group)
    notes = form_notes(group)
    parts = [f'"{shown(name)}"' + _bracketed(notes.get(name, ""), counts.get(name, "")) for name in group]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def shown_apart(name: str, group: Iterable[str]) -> str:
    """``name`` quoted as a message shows it (`shown`), with what tells it from a spelling of ``group``
    it would show alike: ``"été" (decomposed)``."""
    return f'"{shown(name)}"' + _bracketed(form_notes([name, *group]).get(name, ""))


def form_notes(names: Iterable[str]) -> dict[str, str]:
    """For each of ``names`` that a message would show as another of them (`shown`, one text in two
    Unicode forms: "été" composed, and decomposed, "e" and U+0301 twice, look the same on a screen),
    what tells it apart: "composed" (NFC), "decomposed" (NFD), or, when neither tells (a mix of both),
    its code points; the others have none."""
    alike: dict[str, set[str]] = {}
    for name in names:
        alike.setdefault(unicodedata.normalize("NFC", shown(name)), set()).add(name)
    notes: dict[str, str] = {}
    for same in (found for found in alike.values() if len(found) > 1):
        forms = {name: _form_word(name) for name in same}
        for name, word in forms.items():
            unique = word and list(forms.values()).count(word) == 1
            notes[name] = word if unique else "code points " + " ".join(f"U+{ord(char):04X}" for char in name)
    return notes


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
