"""The Turkish (and Azerbaijani) case pairs of the letter i, which `str.lower` does not follow (no Qt, no
TensorFlow).

Those alphabets have two i's: dotted "i", whose capital is "İ" (U+0130), and dotless "\u0131" (U+0131),
whose capital is "I". `str.lower` follows the default rule: "I" is "i" (never "\u0131"), and "İ" is "i"
followed by a combining dot above (U+0307), which looks like "i" and compares different. So a name typed
on a Turkish keyboard ("İstanbul", "IŞIK") was not its lower-case spelling ("istanbul", "\u0131ş\u0131k")
where petloc ignores case. (Dotless i is written "\u0131" here: it reads as "i" in most fonts.)
"""

from __future__ import annotations

DOT_ABOVE = "\u0307"
_TURKISH_LOWER_I = str.maketrans({"I": "\u0131", "\u0130": "i"})


def with_turkish_i(text: str) -> str:
    """``text`` with the capitals "I" and "İ" as the lower-case letters they are in Turkish, "\u0131" and "i"
    (``text`` composed, NFC: a decomposed "İ" is "I" and U+0307)."""
    return text.translate(_TURKISH_LOWER_I)


def without_dot_above_i(text: str) -> str:
    """``text`` with a combining dot above (U+0307) right after an "i" dropped: what `str.lower` makes of
    "İ" ("i" and U+0307), a second dot on a letter that has one, drawn as a plain "i"."""
    return text.replace("i" + DOT_ABOVE, "i") if DOT_ABOVE in text else text
