"""Where a box came from, in its VOC ``<object>``: a model's box a person accepted unchanged (ADR 0013).

A box accepted from a model (A on a prediction in the window; a `petloc predict --write-voc`
pre-label saved or marked verified with its box untouched) is no person's box: a model scored
against it is scored against its own output. The mark keeps that known, in CVAT-style object
attributes (datumaro reads them as the object's attributes; CVAT's importer keeps only the attributes a
project declares on the label, so a CVAT round trip drops the mark unless the project declares
petloc_box_source, petloc_model_box and petloc_model_label; labelImg, and every reader of ``name`` /
``bndbox``, ignores them)::

    <attributes>
      <attribute><name>petloc_box_source</name><value>accepted unchanged from model pets (pets-…)</value></attribute>
      <attribute><name>petloc_model_box</name><value>867 156 1305 571</value></attribute>
      <attribute><name>petloc_model_label</name><value>Abyssinian</value></attribute>
    </attributes>

The second is the box as the model proposed it (rounded, as VOC stores boxes): a box another
program changed since while keeping unknown elements is no longer that box, so the mark is void
and the box a person's. A person's box (drawn, moved or resized beyond rounding) carries no mark;
a relabelled box keeps it (the box is still the model's), and the third, the label the model
proposed, tells that a person gave the label: its accuracy is against a person's label
(`VocObject.label_accepted_from`). A mark without the third (written before it was) says nothing of
the label. Reading and writing of the elements is here; `core.voc` and `core.voc_edit` call it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from petloc_gui.core.boxes import Box

if TYPE_CHECKING:
    from petloc_gui.core.voc_types import VocAnnotation, VocObject

SOURCE_ATTRIBUTE = "petloc_box_source"
MODEL_BOX_ATTRIBUTE = "petloc_model_box"
MODEL_LABEL_ATTRIBUTE = "petloc_model_label"
_ATTRIBUTES = (SOURCE_ATTRIBUTE, MODEL_BOX_ATTRIBUTE, MODEL_LABEL_ATTRIBUTE)
ACCEPTED_PREFIX = "accepted unchanged from "
# The model a box was accepted from when nobody said which (a pre-label imported by petloc convert)
UNNAMED_MODEL = "an unnamed model"
# A mark the file holds that no longer matches its box (changed by another program): removed on save
VOID = ("void",)
_VERSION = re.compile(r"\(([^()]*)\)\s*$")

# (the model, the box it proposed, rounded, the label it proposed with it or None: not recorded)
Mark = tuple[str, tuple[int, int, int, int], str | None]


def model_phrase(name: str | None, version_id: str | None = None) -> str:
    """``model pets (pets-20261203T011551Z-c71d1a)``: a model as marks name it (`UNNAMED_MODEL` without a name),
    the one rule for the window's A (`EditController.accept_prediction`) and `petloc predict`'s pre-labels
    (`cli.prelabel.prelabel_mark`): by its own name, meta.json ``version_id`` in brackets where it differs.
    The window names a stored version ``<preset> <id>`` (`ui.models.model_handle.model_info`), `petloc
    predict` by its folder, ``<id>``: the preset is no part of the name, so ``pets pets-ID`` of version
    ``pets-ID`` is ``model pets-ID``, as `petloc predict --model pets/pets-ID` marks it. The window wrote
    ``model pets pets-ID (pets-ID)``, and `petloc train` counted one model's boxes under two names."""
    name = "".join(ch for ch in str(name or "") if ch.isprintable()).strip()  # XML text takes no controls
    if not name:
        return UNNAMED_MODEL
    version = "".join(ch for ch in str(version_id or "") if ch.isprintable()).strip()
    if version and name.endswith(f" {version}"):  # "<preset> <id>": the stored version <id>
        name = version
    return f"model {name}" + (f" ({version})" if version and version != name else "")


def as_named_now(model: str) -> str:
    """A mark's model (``model NAME (VERSION)``) as `model_phrase` names it now: a mark the window wrote
    before (``model pets pets-ID (pets-ID)``, in folders on disk) is ``model pets-ID``, the same model as
    `petloc predict`'s mark of it; any other is unchanged."""
    if not model.startswith("model "):
        return model  # UNNAMED_MODEL, or a text no petloc wrote: kept as written
    return model_phrase(name_of(model), version_of(model))


def model_of_prelabel(mark: str) -> str:
    """The model a pre-label mark names (``petloc pre-label by petloc predict, model NAME (VERSION)``,
    `cli.prelabel.prelabel_mark`) as `model_phrase` writes it; `UNNAMED_MODEL` when it names none."""
    _, found, rest = mark.partition(", model ")
    return f"model {rest.strip()}" if found and rest.strip() else UNNAMED_MODEL


def version_of(phrase: str) -> str | None:
    """The version id in a model phrase (``model pets (pets-…)`` -> ``pets-…``), or None."""
    found = _VERSION.search(phrase)
    if found is None:
        return None
    return found.group(1).strip() or None


def name_of(phrase: str) -> str:
    """The model's name in a model phrase (``model pets (pets-…)`` -> ``pets``; "" for an unnamed one)."""
    if not phrase.startswith("model "):
        return ""
    return _VERSION.sub("", phrase[len("model "):]).strip()


def rounded(box: Box | None) -> tuple[int, int, int, int] | None:
    """The box as VOC stores it, or None (no box, or one with a coordinate that is not finite)."""
    if box is None:
        return None
    try:
        return box.sorted().rounded()
    except (ValueError, OverflowError):
        return None


def _attribute_elements(element: etree._Element) -> dict[str, list[etree._Element]]:
    """petloc's own ``<attribute>`` elements of an ``<object>``, by name, in file order: every one, in
    every ``<attributes>`` block. Taken together: reading the first of each alone read a void mark
    where a valid one followed (a person's box), a save removed the first only, and the next read found
    the other mark, so a person's box became a model's."""
    found: dict[str, list[etree._Element]] = {}
    for attributes in element.findall("attributes"):
        for attribute in attributes.findall("attribute"):
            name = (attribute.findtext("name") or "").strip()
            if name in _ATTRIBUTES:
                found.setdefault(name, []).append(attribute)
    return found


def read_mark(element: etree._Element, box: Box) -> Mark | tuple[str] | None:
    """The mark of an ``<object>`` whose box (as read, before any repair) is ``box``: ``(model,
    proposed box, proposed label or None)`` while the box is still the proposed one, `VOID` when the file
    holds a mark that no longer fits it (or cannot be read, or is written twice: two marks, which no
    one can tell apart), None when it holds none."""
    if element.find("attributes") is None:  # the usual case: one lookup
        return None
    every = _attribute_elements(element)
    if not every:
        return None
    if any(len(copies) > 1 for copies in every.values()):
        return VOID  # removed, every copy, on the next save (`write_mark`)
    found = {name: copies[0] for name, copies in every.items()}
    source = (found[SOURCE_ATTRIBUTE].findtext("value") or "").strip() if SOURCE_ATTRIBUTE in found else ""
    proposed = _box_text(found[MODEL_BOX_ATTRIBUTE].findtext("value") or "") if MODEL_BOX_ATTRIBUTE in found else None
    if not source.startswith(ACCEPTED_PREFIX) or proposed is None or proposed != rounded(box):
        return VOID
    # stripped as `core.voc` reads <name>, so an unchanged label reads as the same
    label = (found[MODEL_LABEL_ATTRIBUTE].findtext("value") or "").strip() if MODEL_LABEL_ATTRIBUTE in found else None
    # as named now: the window's old form of a stored version counts as that version (`as_named_now`)
    return (as_named_now(source[len(ACCEPTED_PREFIX):].strip()) or UNNAMED_MODEL, proposed, label)


def _box_text(text: str) -> tuple[int, int, int, int] | None:
    parts = text.replace(",", " ").split()
    if len(parts) != 4:
        return None
    try:
        return rounded(Box(*(float(part) for part in parts)))
    except ValueError:
        return None


def wanted_mark(obj: VocObject, annotation: VocAnnotation) -> Mark | None:
    """The mark a save writes for ``obj``: its model, box and proposed label (`VocObject.model_label`,
    None when not known) while the box is the one accepted unchanged; none in a file that is still an
    unreviewed pre-label (its file mark says it all)."""
    model = obj.accepted_from
    box = rounded(obj.box)
    if model is None or box is None or annotation.unreviewed:
        return None
    return (model, box, obj.model_label)


def write_mark(element: etree._Element, mark: Mark | None) -> None:
    """Set petloc's attributes of ``element`` (an ``<object>``) to ``mark``, or remove them (None);
    any other attribute, and an ``<attributes>`` holding one, are kept. A copy of one beyond the first
    (`read_mark` reads them void) goes either way."""
    every = _attribute_elements(element)
    for copies in every.values():
        for attribute in copies[1:]:
            _remove(element, attribute)
    found = {name: copies[0] for name, copies in every.items()}
    if mark is None:
        for attribute in found.values():
            _remove(element, attribute)
        return
    model, box, label = mark
    values = {SOURCE_ATTRIBUTE: ACCEPTED_PREFIX + model, MODEL_BOX_ATTRIBUTE: " ".join(map(str, box))}
    if label is not None:
        values[MODEL_LABEL_ATTRIBUTE] = label
    elif MODEL_LABEL_ATTRIBUTE in found:  # not known now: a label recorded for another proposal would mislead
        _remove(element, found.pop(MODEL_LABEL_ATTRIBUTE))
    holder = element.find("attributes")
    if holder is None:
        holder = etree.SubElement(element, "attributes")
    for name, value in values.items():
        attribute = found.get(name)
        if attribute is None:
            attribute = etree.SubElement(holder, "attribute")
            etree.SubElement(attribute, "name").text = name
        value_element = attribute.find("value")
        if value_element is None:
            value_element = etree.SubElement(attribute, "value")
        value_element.text = value


def _remove(element: etree._Element, attribute: etree._Element) -> None:
    """Remove one of petloc's ``<attribute>`` elements from ``element``, and its ``<attributes>`` once empty."""
    holder = attribute.getparent()
    if holder is None:
        return
    holder.remove(attribute)
    if len(holder) == 0 and not (holder.text or "").strip():
        element.remove(holder)
