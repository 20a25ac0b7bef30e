"""The types meta.json's "images" (each training image's hashes) must have for a walk of parents to trust it.

`bundle.read_meta` checks the splits' types (`model.meta_types`) but not "images": its one reader,
`training_record.record_from_meta`, drops what it cannot use, so a hand-edited or damaged ancestor's
"images" (a list, a number, an entry that is no object, a hash that is no string) read as "no hashes" and
its chain walked as complete: images it trained on, by content, were not recognised. The walk
(`parent_chain.ancestor_at`) refuses such a meta.json instead, naming the key and what it must be, as it
refuses a corrupt one.
"""

from __future__ import annotations

import json
from typing import Any

HASH_KEYS = ("sha256", "annotation_sha256")  # of each image; null: the file could not be read then


def images_record_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with ``meta``'s "images" ("KEY must be WHAT, not FOUND"); None when it is missing,
    null, or an object of objects whose hashes are strings or null."""
    images = meta.get("images")
    if images is None:
        return None
    if not isinstance(images, dict):
        return f"images must be an object of image paths, not {_json_type(images)}"
    for path, entry in images.items():
        key = f"images[{json.dumps(path)}]"
        if not isinstance(entry, dict):
            return f"{key} must be an object of the image's hashes, not {_json_type(entry)}"
        for name in HASH_KEYS:
            value = entry.get(name)
            if value is not None and not isinstance(value, str):
                return f"{key}.{name} must be a string, not {_json_type(value)}"
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
