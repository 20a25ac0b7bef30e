"""Places a line may wrap inside a long word, drawn as nothing (U+200B, zero width space).

Qt wraps text only where it may break a line: a name with nowhere to break (80 characters, or underscores
and no space: "american_staffordshire_terrier…") set the width of the word-wrapped label or tooltip it was
in, and a window or dialog grew past its dock or the screen. Here, after "_", "-", "/" or "." first, and
every `BREAK_EVERY` characters at most. Below every ui package: the Dataset panel (`review.wrapped_names`)
and Edit → Classes… (`editing.class_list_dialog`) both use it.
"""

from __future__ import annotations

import re
import unicodedata

BREAK = "\u200b"  # zero width space: a place the line may wrap, nothing drawn
BREAK_EVERY = 16  # characters with no place to wrap, at most; a name no longer is shown as it is
_BREAKS_AFTER = frozenset(" -_/.")  # a break after these reads naturally ("_" is the one Qt does not break at)
_LONG_WORD = re.compile(rf"\S{{{BREAK_EVERY + 1},}}")


def breakable(name: str) -> str:
    """``name`` with a place to wrap every `BREAK_EVERY` characters at most (after "_" first) when longer."""
    return _breakable(name) if len(name) > BREAK_EVERY else name


def breakable_words(text: str) -> str:
    """A sentence that names things (Edit → Classes…' "Added …"), with places to wrap inside each word longer
    than `BREAK_EVERY` characters: a 200-character name made its word-wrapped label, and so its dialog, wider
    than the screen. Shorter words are left as they are."""
    return _LONG_WORD.sub(lambda word: _breakable(word.group()), text)


def _breakable(name: str) -> str:
    out: list[str] = []
    run = 0  # characters since the last place the line may wrap
    for i, char in enumerate(name):
        out.append(char)
        run = 0 if char.isspace() else run + 1
        following = name[i + 1] if i + 1 < len(name) else ""
        if not following or following.isspace() or one_character(char, following):
            continue
        if (char in _BREAKS_AFTER and char != " ") or run >= BREAK_EVERY:
            out.append(BREAK)
            run = 0
    return "".join(out)


def one_character(char: str, following: str) -> bool:
    """Whether ``char`` and ``following`` are parts of one character as read: a letter and its accent (a mark, the
    emoji form's selector U+FE0F among them), or emoji joined by U+200D. Nothing goes between them: no place to
    wrap here, no word joiner in `review.save_texts`."""
    return bool(unicodedata.combining(following)) or unicodedata.category(following) in ("Mn", "Mc", "Me") \
        or "\u200d" in (char, following)
