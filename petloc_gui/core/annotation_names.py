"""Which file in a folder listing is each image's annotation: ``photo.xml``, else ``photo.XML`` or the
same name in another Unicode form."""

from __future__ import annotations

import unicodedata

from petloc_gui.core.folder_listing import is_annotation_name
from petloc_gui.core.natural_order import natural_key

# the reason a run, `petloc evaluate` and the window's run log give an image skipped for having no annotation
NO_ANNOTATION = "no annotation"


def folded(name: str) -> str:
    """``name`` with case and Unicode form ignored as file systems ignore them: ``Café.XML`` as macOS
    writes it (a decomposed é, NFD) and as another tool may (composed, NFC) are one key. Case goes
    character by character (`str.lower` after NFC, as the upcase tables of NTFS and APFS map one
    character to one), never `str.casefold`'s full folding: that makes ``Straße`` ``strasse`` and the
    ligature ``ﬁsch`` ``fisch``, names no common file system holds as one file, and paired
    ``Strasse_1.jpg`` with ``Straße_1.xml``."""
    if name.isascii():  # most names: nothing to normalise
        return name.lower()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).lower())


def annotation_names(stems: list[str], names: set[str]) -> list[str | None]:
    """Each image stem's annotation file name in a folder listing, or None.

    An exact ``stem.xml`` wins; otherwise a name differing only in case
    (``photo.XML``) or in Unicode form (a macOS image ``Café.jpg`` written
    decomposed, NFD, beside a ``Café.xml`` another tool wrote composed, NFC):
    on macOS that *is* the same file (and on Windows one differing in case),
    and missing it would let a new, empty annotation replace it; elsewhere
    the image was "no annotation" and `petloc predict --write-voc` wrote a
    second, look-alike file beside its own. Such a name no image matched
    exactly comes first (on a case-sensitive disk ``photo.XML`` beside
    ``Photo.xml`` is ``photo.png``'s own file); else one that another image
    matched exactly is taken too (``mouse.png`` beside ``Mouse.jpg`` and
    ``Mouse.xml``): on macOS and Windows it is ``mouse.png``'s file as well,
    and the window showed, then saved over, Mouse.jpg's boxes; so the two
    share it on every system (`core.shared_annotations`). The folded search
    only runs when some image has no exact match.
    """
    found = [stem + ".xml" if stem + ".xml" in names else None for stem in stems]
    if None not in found:
        return found
    matched = {name for name in found if name is not None}
    claimed: dict[str, str] = {}
    leftovers: dict[str, str] = {}
    for name in names:
        if is_annotation_name(name):  # as every layout reads one: one rule, not a copy of it
            table = claimed if name in matched else leftovers
            key = folded(name)
            other = table.get(key)
            # two names for one image (a.XML and a.Xml, a case-sensitive disk holding both): the first in
            # natural order, as `shared_owner` chooses, never the set's order (which PYTHONHASHSEED sets, so
            # two runs paired differently); the other is left an annotation with no image, and said so
            if other is None or (natural_key(name), name) < (natural_key(other), other):
                table[key] = name
    if claimed or leftovers:
        for index, stem in enumerate(stems):
            if found[index] is None:
                key = folded(stem + ".xml")
                found[index] = leftovers.get(key) or claimed.get(key)
    return found


def annotation_file_names(image_names: list[str], stems: list[str], names: set[str]) -> list[str]:
    """Each image's annotation file name: its file in ``names`` (`annotation_names`), else ``stem.xml``
    to be written. Images without a file whose names would differ only in case or Unicode form
    (``Mouse.jpg`` and ``mouse.png``) get one name, as on macOS and Windows they get one file: the
    name of the first of them in natural order, the image `sidecar_index.shared_owner` gives that
    file to while it does not exist."""
    files = annotation_names(stems, names)
    result = [file or stem + ".xml" for file, stem in zip(files, stems, strict=True)]
    missing = [index for index, file in enumerate(files) if file is None]
    keys = [folded(result[index]) for index in missing]
    if len(set(keys)) == len(keys):  # most folders: no two alike, nothing to group
        return result
    by_key: dict[str, list[int]] = {}
    for index, key in zip(missing, keys, strict=True):
        by_key.setdefault(key, []).append(index)
    for indices in by_key.values():
        if len(indices) > 1:
            first = min(indices, key=lambda index: (natural_key(image_names[index]), image_names[index]))
            for index in indices:
                result[index] = result[first]
    return result
