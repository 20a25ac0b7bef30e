"""`natural_key` casefolds the whole name then splits it: the keys (so every order) are those of the
name split first and casefolded part by part, as before."""

from __future__ import annotations

import random
import re
import sys

from petloc_gui.core.natural_order import natural_key

_DIGITS = re.compile(r"(\d+)")


def _key_part_by_part(text: str) -> tuple:
    """The key as it was made before (split, then each text part casefolded)."""
    parts = _DIGITS.split(text)
    return tuple(int(part) if i % 2 else part.casefold() for i, part in enumerate(parts))


def test_casefolding_keeps_every_digit_and_makes_none() -> None:
    digit = re.compile(r"\d")
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        folded = char.casefold()
        assert (folded == char) if digit.match(char) else not digit.search(folded), hex(point)


# digits, leading zeros, case, ß/ẞ, sigmas, titlecase, dotted and dotless i, ligatures, fullwidth and other
# scripts' digits, numerals that are not decimal digits, composed and decomposed accents, an undecodable byte
PIECES = ["img", "IMG", "Img", "_", "-", " ", ".", "/", "0", "00", "007", "1", "2", "10", "99", "100",
          "0000000000000000000012345678901234567890", "\u00df", "SS", "ss", "\u1e9e", "\u03a3", "\u03c3",
          "\u03c2", "\u01c5", "\u01c6", "\u01c4", "\u0130", "i\u0307", "\u0131", "\ufb01", "\uff21\uff22",
          "\uff41\uff42", "\uff11\uff12", "\u0663", "\u06f4\u06f2", "\u07c1", "\u0967\u0966",
          "\U0001d7d9\U0001d7da", "\u00bd", "\u00b2", "\u216b", "\u2460", "\u00e9", "\u00c9", "e\u0301",
          "\udcff", "\u0000", "\u0149", "\u0390", "\u1f88", "\ufb00", ".jpg", ".JPG", "photo", "Photo", "a1b2"]


def _names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 7))) for _ in range(count)]


def test_the_keys_and_orders_are_those_of_the_name_split_first() -> None:
    names = _names(5000, 0) + PIECES + ["", "0", "00", "a0", "0a", "a00b", "1.2.10", "x-1", "x-01"]
    for name in names:
        assert natural_key(name) == _key_part_by_part(name), name
    for seed in range(3):
        sample = _names(3000, seed + 1)
        assert (sorted(sample, key=lambda name: (natural_key(name), name))
                == sorted(sample, key=lambda name: (_key_part_by_part(name), name)))
