"""Which file in a folder listing is each image's annotation: ``photo.xml``, else ``photo.XML``."""

from __future__ import annotations


def annotation_names(stems: list[str], names: set[str]) -> list[str | None]:
    """Each image stem's annotation file name in a folder listing, or None.

    An exact ``stem.xml`` wins; otherwise a name differing only in case
    (``photo.XML``): on Windows and macOS that *is* the same file, and
    missing it would let a new, empty annotation replace it. The case-folded
    search only runs when some .xml file was not matched exactly.
    """
    found = [stem + ".xml" if stem + ".xml" in names else None for stem in stems]
    matched = {name for name in found if name is not None}
    leftovers = {name.casefold(): name for name in names
                 if name[-4:].lower() == ".xml" and name not in matched}
    if leftovers:
        for index, stem in enumerate(stems):
            if found[index] is None:
                found[index] = leftovers.get((stem + ".xml").casefold())
    return found
