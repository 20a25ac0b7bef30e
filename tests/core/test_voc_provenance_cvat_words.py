"""What `core.voc_provenance` says other tools do with the accepted mark: CVAT's importer keeps only the
attributes a project declares on the label, so the mark survives a CVAT round trip only when the project
declares every attribute of it. It said "CVAT and datumaro read them as the object's attributes"."""

from __future__ import annotations

import re

from petloc_gui.core import voc_provenance


def _sentence_on_cvat() -> str:
    text = " ".join((voc_provenance.__doc__ or "").split())
    return next(part for part in re.split(r"(?<=;)|(?<=\.) ", text) if "CVAT's importer" in part)


def test_the_module_says_cvat_keeps_declared_attributes_only_and_names_each():
    text = " ".join((voc_provenance.__doc__ or "").split())
    assert "CVAT and datumaro read them" not in text
    sentence = _sentence_on_cvat()
    assert "declares" in sentence
    for attribute in voc_provenance._ATTRIBUTES:  # a mark of a new attribute must be declared too
        assert attribute in sentence, attribute
