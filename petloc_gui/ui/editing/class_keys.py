"""Which class each number key gives in the Label box (`label_box.LabelBox.pick`), and the other way round: pure
rules on the class list, shared by the box, F1's key list, the class editor and the Classes dialog."""

from __future__ import annotations

from collections.abc import Sequence

NUMBER_KEYS = "1234567890"  # in the order they fall to classes not named by a key: 1-9, then 0 for the 10th


def number_keys(names: Sequence[str]) -> dict[str, str]:
    """Which class each number key gives, key -> class, for the class list ``names``.

    A key whose character is a class's whole name gives that class: on a digits
    model (classes "0".."9") 7 gives "7", and 0 gives "0" (by place, 7 gave "6"
    and "9" had no key). The classes no key names take the keys left, in list
    order, 1-9 then 0: so with ordinary names key n is the n-th class, and in a
    mix (["cat", "1"]) the name wins: 1 gives "1" and cat takes 2. A name of
    several digits ("12") is no key's and takes a key by place like any other.
    """
    named = {name: name for name in names if len(name) == 1 and name in NUMBER_KEYS}  # not "12", a piece of it
    free = (key for key in NUMBER_KEYS if key not in named)
    rest = (name for name in names if name not in named)
    return {**named, **dict(zip(free, rest, strict=False))}


def key_of(names: Sequence[str]) -> dict[str, str]:
    """`number_keys` the other way round: class -> the key that gives it (a class past the tenth has none)."""
    return {name: key for key, name in number_keys(names).items()}
