"""What a bundle's meta.json must hold for any model to load from it: one check for the loader and for listing.

`bundle.load_bundle` refused a meta.json without format_version, class_names or input_size, but listing the
store (`bundle_check.model_file_problem`) looked only that it was a JSON object: a meta.json emptied to ``{}``
was listed usable, chosen in Model → Versions, and failed every load, as "unsupported bundle format version
None (this petloc reads up to 1)", which sent the user to a newer petloc for a damaged file. Both ask
`meta_problem` now, and a missing or mangled format_version is said as damage, a larger one as a newer
petloc's. No TensorFlow, no Keras: the Qt- and TensorFlow-free app layer lists and chooses models with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from petloc_gui.core.text import drawn_as_nothing

FORMAT_VERSION = 1  # of the bundles this petloc writes, and the newest it reads


def meta_problem(meta: Mapping[str, Any]) -> str | None:
    """Why a model cannot load from a bundle whose meta.json is ``meta`` ("meta.json has no format_version
    (damaged?)", "unsupported bundle format version 2 (...): saved by a newer petloc", "meta.json has no
    class_names (damaged?)", "meta.json's class_names name 'cat' twice (classes 0 and 1)", ...), or None when
    its format version, class names (each showing something, none twice) and input size are usable."""
    return _format_problem(meta.get("format_version")) or _names_problem(meta) or _size_problem(meta)


def _format_problem(version: Any) -> str | None:
    if version is None:  # absent, or null: no petloc writes either
        return "meta.json has no format_version (damaged?)"
    if not _whole(version):
        return f"meta.json's format_version {version!r} is not a whole number (damaged?)"
    if version < 1:
        return f"meta.json's format_version {version} is not one petloc writes (damaged?)"
    if version > FORMAT_VERSION:
        return (f"unsupported bundle format version {version} (this petloc reads up to {FORMAT_VERSION}): the "
                "model was saved by a newer petloc")
    return None


def _names_problem(meta: Mapping[str, Any]) -> str | None:
    names = meta.get("class_names")
    if names is None:
        return "meta.json has no class_names (damaged?)"
    if not isinstance(names, list) or not names or not all(isinstance(name, str) for name in names):
        return "meta.json has no valid class_names list"
    # No run learns either (`scored_objects.labelled`; names are read stripped): a stranger's ["", " "] loaded,
    # and a prediction of class "" read as none (`inference.NO_LABEL`: "its output is not a number"); ["cat",
    # "cat"] gave two outputs one name.
    first: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name or drawn_as_nothing(name):  # not `scored_objects.labelled`: it brings numpy (core.boxes)
            return f"meta.json's class_names hold a name that shows nothing (class {index}: {name!r})"
        if name in first:
            return f"meta.json's class_names name {name!r} twice (classes {first[name]} and {index})"
        first[name] = index
    return None


def _size_problem(meta: Mapping[str, Any]) -> str | None:
    size = meta.get("input_size")
    if size is None:
        return "meta.json has no input_size (damaged?)"
    if not (isinstance(size, list) and len(size) == 2 and all(_whole(v) and v > 0 for v in size)):
        return f"meta.json has an invalid input_size {size!r}"
    return None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # a JSON true is no number
