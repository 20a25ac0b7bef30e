"""Writing VOC XML: edit the parsed tree in place, or build labelImg's form.

Use it through :func:`petloc_gui.core.voc.write_voc`. An existing file's
tree is kept on the annotation; only changed values are written back, so
unknown elements, attributes and order survive. See ADR 0003.

Before replacing a file the writer checks that it is still the file that was
read (:mod:`petloc_gui.core.disk_state`), that a symbolic link does not lead
outside the dataset folder or to a file that is not VOC, and it drops what
would be handed on to the next tool (DOCTYPE, XInclude, processing
instructions), listing each in ``annotation.dropped``.
"""

from __future__ import annotations

import copy
import enum
import os
from pathlib import Path

from lxml import etree

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.disk_state import DiskState, current_state, same_content, state_of
from petloc_gui.core.errors import AnnotationError, ExternalChangeError, LinkTargetError, SaveError
from petloc_gui.core.voc_tree import clean_copy, drop_inner, passed_on_notes, read_voc_tree
from petloc_gui.core.voc_types import PRELABEL_PREFIX, VocAnnotation, VocObject


# write_voc(expected=RECORDED): check against the state recorded on the
# annotation when it was read from (or last saved to) this same path.
# An enum member rather than object(), so type checkers narrow `is not RECORDED`.
class _Recorded(enum.Enum):
    RECORDED = "recorded"


RECORDED = _Recorded.RECORDED

_BOX_TAGS = ("xmin", "ymin", "xmax", "ymax")


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
    etree.SubElement(root, "folder").text = annotation.folder
    etree.SubElement(root, "filename").text = annotation.filename
    if annotation.path is not None:
        etree.SubElement(root, "path").text = annotation.path
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
        _set_child(root, "folder", annotation.folder)
    if annotation.filename != filename:
        _set_child(root, "filename", annotation.filename)
    if annotation.path != path:
        if annotation.path is None:
            for element in root.findall("path"):
                root.remove(element)
        else:
            _set_child(root, "path", annotation.path)
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
                element = _object_element(obj)
            if last is not None:
                last.addnext(element)
            else:
                root.append(element)
            last = element
        used.add(id(element))
        elements.append(element)
    for element in root.findall("object"):
        if id(element) not in used:
            root.remove(element)
    _order_objects(root, elements)
    return elements


def _order_objects(root: etree._Element, elements: list[etree._Element]) -> None:
    """Put the <object> elements in list order, in the slots objects occupy now.

    Other elements between objects keep their positions, so a file whose
    objects were not reordered is left exactly as it was.
    """
    current = root.findall("object")
    if all(a is b for a, b in zip(current, elements, strict=False)):
        return
    slots = [index for index, child in enumerate(root) if child.tag == "object"]
    for element in current:
        root.remove(element)
    # Ascending slots: every earlier slot is filled when a later one is used.
    for slot, element in zip(slots, elements, strict=False):
        root.insert(slot, element)


def _check_target(path: Path, overwrite_unreadable: bool) -> DiskState | None:
    """Refuse to overwrite an existing file that is not a readable VOC annotation.

    Through a symbolic link a non-VOC file is never replaced, even with
    ``overwrite_unreadable``: the user asked to save an annotation, not to
    replace whatever the link happens to point at. Returns the state of the
    bytes just parsed (None when there was no readable annotation), so the
    external-change check need not read the file again.
    """
    if not path.exists():
        return None
    if path.is_dir():
        raise SaveError("a folder exists at this path", path)
    try:
        return read_voc_tree(path)[1]
    except AnnotationError as exc:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            raise LinkTargetError(
                f"it is a symbolic link to {target}, which is not a readable VOC annotation "
                f"({exc.reason}); that file is left untouched", path, target=target) from exc
        if not overwrite_unreadable:
            raise SaveError(
                f"the existing file is not a readable VOC annotation ({exc.reason}); it is "
                "left untouched. Save elsewhere, or overwrite it explicitly", path) from exc
        return None


def _check_link(path: Path, root: Path | None, allow_outside: bool) -> None:
    """A link may only be written through to a file inside ``root`` (default: its folder)."""
    if not path.is_symlink():
        return
    target = Path(os.path.realpath(path))
    inside = Path(os.path.realpath(root if root is not None else path.parent))
    if target == inside or inside in target.parents or allow_outside:
        return
    raise LinkTargetError(
        f"it is a symbolic link to {target}, outside the dataset folder {inside}; saving "
        "would change that file. Not saved: confirm to write to it, or replace the link",
        path, target=target, outside=True)


def _check_unchanged(path: Path, expected: DiskState | None, found: DiskState | None) -> None:
    """Refuse when the file is no longer the one read (content, existence).

    ``found`` is the state :func:`_check_target` just read, if any; otherwise
    the file is looked at here.
    """
    if expected is None:
        return
    if found is None:
        try:
            found = current_state(path)
        except OSError as exc:
            raise SaveError(f"cannot check the file before saving: {exc.strerror or exc}",
                            path) from exc
    if same_content(found, expected):
        return
    if not expected.exists:
        what = "a file was created here by another program since this image was opened"
    elif not found.exists:
        what = "the file was deleted by another program since it was read"
    else:
        what = "the file was changed by another program since it was read"
    raise ExternalChangeError(f"{what}; nothing was saved (reload it, or save again to "
                              "replace it)", path, expected=expected, found=found)


def _expected_state(annotation: VocAnnotation, path: Path,
                    expected: DiskState | _Recorded | None) -> DiskState | None:
    if expected is not RECORDED:
        return expected
    source = annotation.source_path
    if source is None or annotation.disk_state is None:
        return None
    try:
        same = os.path.abspath(source) == os.path.abspath(path) or source.samefile(path)
    except OSError:
        same = False
    return annotation.disk_state if same else None


def _build_tree(annotation: VocAnnotation) -> tuple[etree._ElementTree, list[etree._Element]]:
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


def _ensure_annotation_folder(path: Path) -> None:
    """Create a missing annotation folder (``annotations/xmls``, ``Annotations``).

    Only one level, inside a folder that exists: a mistyped path must fail
    rather than leave a trail of new folders.
    """
    folder = path.parent
    if folder.exists() or not folder.parent.is_dir():
        return
    try:
        folder.mkdir()
    except FileExistsError:
        pass
    except OSError as exc:
        raise SaveError(f"cannot create the folder {folder.name}: {exc.strerror or exc}",
                        path) from exc


def write_voc(annotation: VocAnnotation, path: str | os.PathLike[str], *,
              overwrite_unreadable: bool = False, expected: DiskState | _Recorded | None = RECORDED,
              root: str | os.PathLike[str] | None = None,
              allow_link_outside: bool = False) -> Path:
    """Save ``annotation`` to ``path`` atomically and return the path.

    An annotation read from a file is written by editing its parsed tree
    (only changed values are touched); a new one is written in labelImg's
    form. Checks, each raising a :class:`SaveError` subclass with nothing
    written:

    - ``expected`` (a :class:`DiskState`, ``MISSING`` for "there was no
      file", or None for no check) is what the caller saw on disk; by default
      the state recorded when the annotation was read from this path. A file
      changed, deleted or created since raises :class:`ExternalChangeError`.
    - A symbolic link to a file outside ``root`` (default: the link's folder)
      raises :class:`LinkTargetError` naming the target unless
      ``allow_link_outside``; a link to a non-VOC file always does.
    - An existing target that does not parse as VOC is never replaced unless
      ``overwrite_unreadable`` is true.

    A DOCTYPE, XInclude elements and processing instructions are dropped;
    ``annotation.dropped`` lists them. After a failure the annotation is
    unchanged and the save can be retried.
    """
    path = Path(path)
    _check_link(path, Path(root) if root is not None else None, allow_link_outside)
    found = _check_target(path, overwrite_unreadable)
    _check_unchanged(path, _expected_state(annotation, path, expected), found)
    try:
        dropped = passed_on_notes(annotation._tree) if annotation._tree is not None else []
        tree, elements = _build_tree(annotation)
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    except (ValueError, TypeError, OverflowError) as exc:
        # lxml refuses control characters etc. in labels or file names;
        # round() refuses NaN (ValueError) and infinite (OverflowError) boxes.
        raise SaveError(f"cannot write annotation: {exc}", path) from exc
    _ensure_annotation_folder(path)
    atomic_write_bytes(path, data)
    # The written file becomes the baseline for the next save.
    for obj, element in zip(annotation.objects, elements, strict=True):
        obj._element = element
        obj._saved = obj._values()
    annotation._tree = tree
    annotation._saved = annotation._header()
    annotation.source_path = path
    annotation.dropped = dropped
    annotation.disk_state = _written_state(path, data)
    return path


def _written_state(path: Path, data: bytes) -> DiskState | None:
    try:
        return state_of(os.stat(path), data)
    except OSError:
        return None  # written but not stat-able: the next save cannot check
