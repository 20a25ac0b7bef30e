"""The image search: a typed text found in image names as petloc matches names elsewhere, case and
Unicode form ignored (no Qt, no TensorFlow).

A plain `str.lower` on both sides missed names a user sees as matching: a macOS file name holds a
decomposed "é" ("e" and U+0301), so typed "café" found none of them, and "İstanbul" lower-cased is "i"
and a combining dot, so typed "istanbul" found none of those either. Case follows Turkish too: "IŞIK"
is found by "\u0131ş\u0131k" (dotless i, `core.turkish_case`). The names are folded once a listing
(`FoldedNames`), not at each keystroke: the search runs over up to 20,000 names as the user types. The
window makes one at the first text typed, not when a folder is opened (`ui.review.file_list`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.turkish_case import DOT_ABOVE, with_turkish_i, without_dot_above_i

_TURKISH_I = frozenset("I\u0131")  # a text holding one of these may match under Turkish case only


def search_key(text: str) -> str:
    """``text`` as the search compares it: case and Unicode form folded as a file system folds them
    (`core.annotation_names.folded`, the rule that pairs an image with its annotation), "İ" as a plain
    "i" (`str.lower` gives it a second, combining, dot)."""
    key = folded(text)
    return unicodedata.normalize("NFC", without_dot_above_i(key)) if DOT_ABOVE in key else key


def turkish_search_key(text: str) -> str:
    """`search_key` with Turkish case: "I" the capital of dotless "\u0131" ("IŞIK" is "\u0131ş\u0131k")."""
    return search_key(with_turkish_i(unicodedata.normalize("NFC", text)))


class FoldedNames:
    """The names of a listing as the search compares them, folded once, and the text looked for."""

    def __init__(self, names: Sequence[str]) -> None:
        self._keys = [search_key(name) for name in names]
        # only a name with a capital I has a Turkish key of its own; the others' is their usual one
        self._turkish_keys = [turkish_search_key(name) if "I" in name else key
                              for name, key in zip(names, self._keys, strict=True)]
        self._key = self._turkish_key = ""

    def look_for(self, text: str) -> None:
        """Look for ``text`` from now on ("" finds every name)."""
        self._key = search_key(text)
        # a text with no I or dotless i is found under Turkish case only where it is found otherwise
        self._turkish_key = turkish_search_key(text) if _TURKISH_I.intersection(text) else ""

    def finds(self, item: int) -> bool:
        """Whether name ``item`` holds the text looked for, in its usual or its Turkish case."""
        if self._key in self._keys[item]:
            return True
        return bool(self._turkish_key) and self._turkish_key in self._turkish_keys[item]
