"""Which file in a folder listing is each image's annotation: ``photo.xml``, else ``photo.XML`` or the
same name in another Unicode form."""

from __future__ import annotations

import unicodedata


def folded(name: str) -> str:
    """``name`` with case and Unicode form ignored: ``Café.XML`` as macOS writes it (a decomposed é,
    NFD) and as another tool may (composed, NFC) are one key."""
    if name.isascii():  # most names: nothing to normalise
        return name.lower()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def annotation_names(stems: list[str], names: set[str]) -> list[str | None]:
    """Each image stem's annotation file name in a folder listing, or None.

    An exact ``stem.xml`` wins; otherwise a name differing only in case
    (``photo.XML``) or in Unicode form (a macOS image ``Café.jpg`` written
    decomposed, NFD, beside a ``Café.xml`` another tool wrote composed, NFC):
    on macOS that *is* the same file (and on Windows one differing in case),
    and missing it would let a new, empty annotation replace it; elsewhere
    the image was "no annotation" and `petloc predict --write-voc` wrote a
    second, look-alike file beside its own. The folded search only runs when some .xml file
    was not matched exactly.
    """
    found = [stem + ".xml" if stem + ".xml" in names else None for stem in stems]
    matched = {name for name in found if name is not None}
    leftovers = {folded(name): name for name in names
                 if name[-4:].lower() == ".xml" and name not in matched}
    if leftovers:
        for index, stem in enumerate(stems):
            if found[index] is None:
                found[index] = leftovers.get(folded(stem + ".xml"))
    return found
