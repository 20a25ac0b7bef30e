"""The types meta.json's values must have where commands use them as they are.

Checked once when meta.json is read (`bundle.read_meta`), so a hand-edited file is refused naming the
key and what it must be, instead of an AttributeError or TypeError wherever the value is used, or a value
its user drops as unusable: a damaged "images" (each training image's hashes) read as "no hashes"
(`training_record.record_from_meta`), so `petloc evaluate` took the model's own training images, by
content, for unseen, and a walk of parents took a damaged ancestor's chain for complete.
"""

from __future__ import annotations

import json
from typing import Any


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_paths(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(p, str) for p in value)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


# of each training image: its file's, its annotation's, its scored objects' (`core.scored_objects.OBJECTS_KEY`,
# by name: that module reads XML, and every read of meta.json passes here); null: the file could not be read then
HASH_KEYS = ("sha256", "annotation_sha256", "objects_sha256")
# each image's size in bytes (null: unreadable then; absent in records written before it): damaged, the window's
# check would skip hashing a copy of the image (`trained_here`) and take a training photo for unseen
SIZE_KEY = "size"


# (key path, test, what it must be, whether null stands for "absent") of the meta.json values commands
# use as they are: one check when meta.json is read, instead of an AttributeError or TypeError wherever
# one is used. A missing key passes (each user has its default); null passes where its users take it
# for a missing key.
_META_TYPES: tuple[tuple[tuple[str, ...], Any, str, bool], ...] = (
    (("channels",), _is_count, "a positive whole number", False),
    (("refine",), lambda v: isinstance(v, dict), "an object", True),
    (("refine", "model_file"), lambda v: isinstance(v, str), "a string", False),
    (("refine", "margin"), _is_number, "a number", False),
    (("refine", "repass_below"), _is_number, "a number", False),
    (("refine", "passes"), _is_count, "a positive whole number", False),
    (("refine", "flip_tta"), lambda v: isinstance(v, bool), "true or false", False),
    (("splits",), lambda v: isinstance(v, dict), "an object", True),
    (("splits", "train"), _is_paths, "a list of image paths", True),
    (("splits", "validation"), _is_paths, "a list of image paths", True),
    (("splits", "test"), _is_paths, "a list of image paths", True),
    (("validation_split",), lambda v: isinstance(v, dict), "an object", True),
    (("validation_split", "images"), _is_paths, "a list of image paths", True),
    (("test_split",), lambda v: isinstance(v, dict), "an object", True),
    (("test_split", "images"), _is_paths, "a list of image paths", True),
    (("training_data",), lambda v: isinstance(v, dict), "an object", True),
    (("training_data", "root"), lambda v: isinstance(v, str), "a string", True),
    (("training_data", "excluded"), _is_paths, "a list of image paths", True),
    (("training_data", "fingerprint"), lambda v: isinstance(v, str), "a string", True),
    # damaged, core.digits_record.learned_digits reads it as "learned nothing": learned digits pass for held out
    (("training_data", "mnist_digits"), lambda v: _learned_digits_problem(v) is None,
     'an object of "all" or a list of digit indices per split', True),
)


def _learned_digits_problem(value: Any) -> str | None:
    """What a damaged ``training_data.mnist_digits`` (``{split: "all" or indices}``) is; None: not damaged."""
    if not isinstance(value, dict):
        return _json_type(value)
    for split, indices in value.items():
        if isinstance(indices, list):  # type(): a JSON true is no index
            bad = next((i for i in indices if type(i) is not int or i < 0), None)
            if bad is not None:
                what = "a negative number" if type(bad) is int else _json_type(bad)
                return f"an object whose {json.dumps(split)} is a list holding {what}"
        elif indices != "all":  # core.digits_record.ALL: the whole split
            return f"an object whose {json.dumps(split)} is {_json_type(indices)}"
    return None



def _images_record_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with ``meta``'s "images" ("KEY must be WHAT, not FOUND"); None when it is missing,
    null, or an object of objects whose hashes are strings or null and sizes whole numbers or null."""
    images = meta.get("images")
    if images is None:
        return None
    if not isinstance(images, dict):
        return f"images must be an object of image paths, not {_json_type(images)}"
    # every read of meta.json passes here, a digits model's 70,000 entries too: the key is written only when
    # it is said
    for path, entry in images.items():
        if not isinstance(entry, dict):
            return f"images[{json.dumps(path)}] must be an object of the image's hashes, not {_json_type(entry)}"
        for name in HASH_KEYS:
            value = entry.get(name)
            if value is not None and not isinstance(value, str):
                return f"images[{json.dumps(path)}].{name} must be a string, not {_json_type(value)}"
        size = entry.get(SIZE_KEY)
        if size is not None and not (type(size) is int and size >= 0):  # type(): a JSON true is no size
            found = "a negative number" if type(size) is int else _json_type(size)
            return f"images[{json.dumps(path)}].{SIZE_KEY} must be a whole number of bytes, not {found}"
    return None


def meta_type_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with the first value of ``meta`` that has the wrong type ("KEY must be WHAT, not
    FOUND"); None when every value this module knows has its type."""
    for keys, test, what, nullable in _META_TYPES:
        parent: Any = meta
        for key in keys[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or keys[-1] not in parent:
            continue
        value = parent[keys[-1]]
        # refine: false or {} means "no second stage", as a missing key does
        if (value is None and nullable) or (keys == ("refine",) and value in (False, {})):
            continue
        if not test(value):
            found = (_learned_digits_problem(value) or "") if keys[-1] == "mnist_digits" else _json_type(value)
            if isinstance(value, list) and test is _is_paths:  # a list of the wrong things: say what is in it
                found += " holding " + next((_json_type(v) for v in value if not isinstance(v, str)), "strings")
            return f"{'.'.join(keys)} must be {what}, not {found}"
    # (an object of every training image: checked apart, not by a key path of the table)
    return _images_record_problem(meta)
