"""The XML tree of a VOC annotation as it is written: edited in place, or new in labelImg's form.

An annotation read from a file keeps its parsed tree; only the values that
changed since are written back into a copy of it, so unknown elements,
attributes and order survive (ADR 0003). `build_tree` is what
`core.voc_write.write_voc` serialises; the checks and the atomic write of the
file are there.
"""

from __future__ import annotations

import copy
import dataclasses
import re

from lxml import etree

from petloc_gui.core.file_name_text import file_name_text
from petloc_gui.core.voc_provenance import wanted_mark, write_mark
from petloc_gui.core.voc_tree import clean_copy, drop_inner
from petloc_gui.core.voc_types import PRELABEL_PREFIX, VocAnnotation, VocObject

_BOX_TAGS = ("xmin", "ymin", "xmax", "ymax")
# Every character XML 1.0 cannot hold (its Char production): control
# characters, lone surrogates, U+FFFE and U+FFFF (`app.class_list` refuses a class holding one).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _name_text(name: str) -> str:
    """``name`` (folder, file name, path) as text XML can hold.

    A file name may hold characters no XML can (a control character such as
    U+0001, U+FFFE; a byte that is not valid UTF-8 reaches Python as a lone
    surrogate): each becomes U+FFFD, so the annotation is still written.
    Readers pair an annotation with its image by the files' own names, not by
    this text, so the file still belongs to its image. The name's bytes are
    read as UTF-8 (`file_name_text`): under a Latin-1 locale they were read as
    Latin-1, and the XML would hold that garbled text.
    """
    return NOT_XML.sub("\ufffd", file_name_text(name))


def naming_the_image(annotation: VocAnnotation, image_name: str) -> VocAnnotation:
    """``annotation`` to save for the image file named ``image_name``: its `<filename>` that name when it
    names another file (another case, "A.JPG" beside a.jpg, or another name: an image renamed since), as
    labelImg writes it at every save; tools open the image by it (TF Object Detection's
    create_pascal_tf_record), and failed on a case-sensitive disk. One that names this image, alone or after
    a folder ("JPEGImages/a.jpg"), is kept as written (the minimal diff, ADR 0003); so are `<folder>` (a
    dataset's name, "VOC2007") and `<path>`, which petloc never follows and no reader opens the image by."""
    named = re.split(r"[\\/]", annotation.filename)[-1]
    if named == _name_text(image_name):
        return annotation
    return dataclasses.replace(annotation, filename=image_name)


def _set_child(parent: etree._Element, tag: str, text: str) -> etree._Element:
    """Set ``parent/tag`` text, creating the child at the end when missing."""
    child = parent.find(tag)
    if child is None:
        child = etree.SubElement(parent, tag)
    child.text = text
    return child


def _flag_text(value: bool) -> str:
    return "1" if value else "0"


def _object_element(obj: VocObject) -> etree._Element:
    """A new <object> in the element set and order labelImg writes."""
    element = etree.Element("object")
    etree.SubElement(element, "name").text = obj.name
    etree.SubElement(element, "pose").text = obj.pose or "Unspecified"
    etree.SubElement(element, "truncated").text = _flag_text(obj.truncated)
    etree.SubElement(element, "difficult").text = _flag_text(obj.difficult)
    if obj.occluded is not None:
        etree.SubElement(element, "occluded").text = _flag_text(obj.occluded)
    bndbox = etree.SubElement(element, "bndbox")
    for tag, value in zip(_BOX_TAGS, obj.box.rounded(), strict=True):
        etree.SubElement(bndbox, tag).text = str(value)
    return element


def _update_object(element: etree._Element, obj: VocObject, saved: tuple) -> None:
    """Write back only the fields of ``obj`` that differ from ``saved``."""
    name, box, pose, truncated, difficult, occluded = saved
    if obj.name != name:
        _set_child(element, "name", obj.name)
    if obj.pose != pose:
        _set_child(element, "pose", obj.pose)
    if obj.truncated != truncated:
        _set_child(element, "truncated", _flag_text(obj.truncated))
    if obj.difficult != difficult:
        _set_child(element, "difficult", _flag_text(obj.difficult))
    if obj.occluded != occluded and obj.occluded is not None:
        _set_child(element, "occluded", _flag_text(obj.occluded))
    if obj.box != box:
        bndbox = element.find("bndbox")
        if bndbox is None:
            bndbox = etree.SubElement(element, "bndbox")
        for tag, value in zip(_BOX_TAGS, obj.box.rounded(), strict=True):
            _set_child(bndbox, tag, str(value))


def _new_tree(annotation: VocAnnotation) -> etree._ElementTree:
    """labelImg's element set: folder, filename, path, source, size, segmented."""
    root = etree.Element("annotation")
    etree.SubElement(root, "folder").text = _name_text(annotation.folder)
    etree.SubElement(root, "filename").text = _name_text(annotation.filename)
    if annotation.path is not None:
        etree.SubElement(root, "path").text = _name_text(annotation.path)
    source = etree.SubElement(root, "source")
    etree.SubElement(source, "database").text = "Unknown"
    if annotation.prelabel:
        etree.SubElement(source, "annotation").text = annotation.prelabel
    size = etree.SubElement(root, "size")
    etree.SubElement(size, "width").text = str(int(annotation.width))
    etree.SubElement(size, "height").text = str(int(annotation.height))
    etree.SubElement(size, "depth").text = str(int(annotation.depth))
    etree.SubElement(root, "segmented").text = _flag_text(annotation.segmented)
    if annotation.verified:
        root.set("verified", "yes")
    return root.getroottree()


def _update_header(root: etree._Element, annotation: VocAnnotation, saved: tuple) -> None:
    filename, folder, path, width, height, depth, verified, segmented, prelabel = saved
    if annotation.folder != folder:
        _set_child(root, "folder", _name_text(annotation.folder))
    if annotation.filename != filename:
        _set_child(root, "filename", _name_text(annotation.filename))
    if annotation.path != path:
        if annotation.path is None:
            for element in root.findall("path"):
                root.remove(element)
        else:
            _set_child(root, "path", _name_text(annotation.path))
    if (annotation.width, annotation.height, annotation.depth) != (width, height, depth):
        size = root.find("size")
        if size is None:
            size = etree.SubElement(root, "size")
            # Keep the header before the objects, as every VOC tool writes it.
            first_object = root.find("object")
            if first_object is not None:
                first_object.addprevious(size)
        _set_child(size, "width", str(int(annotation.width)))
        _set_child(size, "height", str(int(annotation.height)))
        _set_child(size, "depth", str(int(annotation.depth)))
    if annotation.verified != verified:
        if annotation.verified:
            root.set("verified", "yes")
        elif "verified" in root.attrib:
            root.set("verified", "no")
    if annotation.segmented != segmented:
        _set_child(root, "segmented", _flag_text(annotation.segmented))
    if annotation.prelabel != prelabel:
        _update_prelabel(root, annotation.prelabel)


def _update_prelabel(root: etree._Element, prelabel: str | None) -> None:
    """Set the pre-label mark, or (None: a person saved) remove it; any other source is kept."""
    source = root.find("source")
    if prelabel is None:
        if source is not None:
            for element in source.findall("annotation"):
                if (element.text or "").strip().startswith(PRELABEL_PREFIX):
                    source.remove(element)
        return
    if source is None:
        source = etree.SubElement(root, "source")
        size = root.find("size")
        if size is not None:
            size.addprevious(source)
    _set_child(source, "annotation", prelabel)


def _twins(old_root: etree._Element, root: etree._Element,
           annotation: VocAnnotation) -> dict[int, etree._Element]:
    """Map each object's element (by id) to its copy in ``root``, a fresh deep copy."""
    # Walk both trees once (O(n)); old_root.index() per object would be O(n^2).
    # `wanted` keeps the objects' element proxies alive, so lxml hands out the
    # same proxy objects while iterating and the identity test below is exact.
    wanted = {id(obj._element): obj._element for obj in annotation.objects
              if obj._element is not None}
    twins = {}
    for old_child, new_child in zip(old_root, root, strict=False):
        if wanted.get(id(old_child)) is old_child:
            twins[id(old_child)] = new_child
    return twins


def _sync_objects(root: etree._Element, twins: dict[int, etree._Element],
                  annotation: VocAnnotation) -> list[etree._Element]:
    """Update changed objects in place, drop deleted ones, add new ones, keep list order.

    ``root`` is a copy of the annotation's own tree (``twins`` maps its
    object elements to their copies), so the annotation is unchanged until
    the save succeeds. Returns the element of each object in ``root``.
    """
    elements: list[etree._Element] = []
    used: set[int] = set()
    existing = root.findall("object")
    last = existing[-1] if existing else None
    for obj in annotation.objects:
        original = obj._element
        twin = twins.get(id(original)) if original is not None else None
        # read_voc sets _element and _saved together, so a twin always has a saved state
        held = obj._saved_mark  # the provenance mark its element holds (`core.voc_provenance`)
        if twin is not None and id(twin) not in used and obj._saved is not None:
            element = twin
            if obj._values() != obj._saved:
                _update_object(element, obj, obj._saved)
        else:
            if original is not None and obj._saved is not None:
                # From another file, a duplicate, or deleted earlier and restored
                # by undo: keep its unknown children, write back what changed.
                element = copy.deepcopy(original)
                _update_object(element, obj, obj._saved)
            else:
                element, held = _object_element(obj), None
            if last is not None:
                last.addnext(element)
            else:
                root.append(element)
            last = element
        if (mark := wanted_mark(obj, annotation)) != held:  # a box moved since it was accepted loses it
            write_mark(element, mark)
        used.add(id(element))
        elements.append(element)
    for element in _box_elements(root):  # one without <bndbox> is no object read (`core.voc`): kept as it is
        if id(element) not in used:
            root.remove(element)
    _order_objects(root, elements)
    return elements


def _box_elements(root: etree._Element) -> list[etree._Element]:
    """The <object> elements that are boxes (`is_box_object`), in file order."""
    return [element for element in root.findall("object") if is_box_object(element)]


def is_box_object(element: etree._Element) -> bool:
    """Whether an <object> element is a box: one `core.voc.read_voc` reads as an object, and a save
    pairs with an object read (the two must agree). One without <bndbox> (a point or tag another tool
    wrote) is left out there, and stays in the file untouched."""
    return element.find("bndbox") is not None


def _order_objects(root: etree._Element, elements: list[etree._Element]) -> None:
    """Put the <object> elements in list order, in the slots objects occupy now.

    Other elements between objects keep their positions, so a file whose
    objects were not reordered is left exactly as it was.
    """
    current = _box_elements(root)
    if all(a is b for a, b in zip(current, elements, strict=False)):
        return
    boxes = {id(element) for element in current}
    slots = [index for index, child in enumerate(root) if id(child) in boxes]
    for element in current:
        root.remove(element)
    # Ascending slots: every earlier slot is filled when a later one is used.
    for slot, element in zip(slots, elements, strict=False):
        root.insert(slot, element)


def build_tree(annotation: VocAnnotation) -> tuple[etree._ElementTree, list[etree._Element]]:
    """The tree to write for ``annotation`` and its objects' elements (in order): the tree it was
    read from with only what changed edited, or a new one in labelImg's form."""
    if annotation._tree is not None:
        if annotation._saved is None:  # read_voc sets _tree and _saved together
            raise ValueError("annotation has a parsed tree but no saved header to compare with")
        tree = clean_copy(annotation._tree)  # without DOCTYPE / top-level instructions
        # Before the header update, which may insert elements and shift indices.
        twins = _twins(annotation._tree.getroot(), tree.getroot(), annotation)
        _update_header(tree.getroot(), annotation, annotation._saved)
    else:
        twins = {}
        tree = _new_tree(annotation)
    elements = _sync_objects(tree.getroot(), twins, annotation)
    drop_inner(tree.getroot())  # after matching by position
    return tree, elements
