"""Reading a VOC XML file's bytes into a vetted lxml tree, and what a save must drop.

Shared by reading (``core.voc``) and writing (``core.voc_write``), which
both need the safe parser: the writer re-reads a file before replacing it.
Keeping it here (and the data classes in ``core.voc_types``) means neither
of those two modules imports the other's internals, so there is no cycle.

Hostile input (entity declarations, broken XML, oversized files) raises
:class:`AnnotationError`. Constructs that are harmless to petloc but would
be handed on to the next tool (a DOCTYPE naming an external DTD, XInclude
elements, processing instructions such as ``xml-stylesheet``) are read,
reported, and removed on save (:func:`clean_copy`).
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from lxml import etree

from petloc_gui.core.disk_state import DiskState, state_of
from petloc_gui.core.errors import AnnotationError
from petloc_gui.core.regular_file import NotRegularFileError, read_regular_and_stat

# Annotation files are a few hundred bytes; anything this large is not one.
MAX_XML_BYTES = 16 * 1024 * 1024
# Dense real datasets have hundreds of boxes per image; a file with more is
# refused rather than taking tens of seconds to read (16 MB holds ~160,000).
MAX_OBJECTS = 10_000

_XINCLUDE_NAMESPACES = ("{http://www.w3.org/2001/XInclude}", "{http://www.w3.org/2003/XInclude}")


def _safe_parser() -> etree.XMLParser:
    # No entity expansion, no network, no external DTD: XXE and entity bombs
    # have nothing to work with (XInclude is only processed on request, never
    # here). Blank text is dropped so pretty printing is uniform after edits
    # (whitespace between elements carries no meaning in VOC).
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False, remove_blank_text=True)


def _read_regular_file(path: Path) -> tuple[bytes, os.stat_result]:
    """At most MAX_XML_BYTES + 1 bytes of a regular file and its stat (`core.regular_file`: a FIFO named x.xml
    is not waited on, a file under a Samba oplock is); AnnotationError otherwise."""
    try:
        return read_regular_and_stat(path, MAX_XML_BYTES + 1)
    except FileNotFoundError as exc:
        raise AnnotationError("annotation file does not exist", path) from exc
    except NotRegularFileError as exc:  # "not a regular file (a named pipe)", as every other reader says it
        raise AnnotationError(str(exc), path) from exc
    except OSError as exc:
        raise AnnotationError(f"cannot read annotation: {exc.strerror or exc}", path) from exc


def read_voc_tree(path: str | os.PathLike[str]) -> tuple[etree._ElementTree, DiskState]:
    """Parse and vet an annotation file, with the on-disk state of the bytes parsed."""
    path = Path(path)
    data, info = _read_regular_file(path)
    if len(data) > MAX_XML_BYTES:
        raise AnnotationError(f"file is larger than {MAX_XML_BYTES // (1024 * 1024)} MB; "
                              "not an annotation", path)
    if not data.strip():
        raise AnnotationError("annotation file is empty", path)
    if data.count(b"<object>") > MAX_OBJECTS:  # before parsing: cheap, and the usual form
        raise _too_many_objects(data.count(b"<object>"), path)
    if b"<!ENTITY" in data:
        raise AnnotationError("XML entity declarations are not allowed (possible XXE "
                              "or entity-expansion attack); file not read", path)
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise AnnotationError(f"not well-formed XML: {exc}", path) from exc
    except ValueError as exc:
        raise AnnotationError(f"cannot parse XML: {exc}", path) from exc
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    # Catches declarations the byte scan cannot see (e.g. UTF-16 files).
    if (dtd is not None and any(True for _ in dtd.iterentities())) or any(
            isinstance(node, etree._Entity) for node in root.iter()):
        raise AnnotationError("XML entity declarations are not allowed; file not read", path)
    if root.tag != "annotation":
        raise AnnotationError(f"root element is <{root.tag}>, expected <annotation>: "
                              "not a Pascal VOC file", path)
    count = sum(1 for _ in root.iterchildren("object"))
    if count > MAX_OBJECTS:
        raise _too_many_objects(count, path)
    return tree, state_of(info, data)


def _too_many_objects(count: int, path: Path) -> AnnotationError:
    return AnnotationError(f"{count} objects; more than {MAX_OBJECTS} is not an annotation "
                           "of one image. File not read", path)


# --------------------------------------------------------------------------- passed-on constructs

def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _is_xinclude(node: etree._Element) -> bool:
    tag = node.tag
    return isinstance(tag, str) and tag.startswith(_XINCLUDE_NAMESPACES)


def _inner_droppable(root: etree._Element) -> list[etree._Element]:
    return [node for node in root.iter()
            if node is not root and (isinstance(node, etree._ProcessingInstruction)
                                     or _is_xinclude(node))]


def passed_on_notes(tree: etree._ElementTree) -> list[str]:
    """What a save will drop: DOCTYPE, XInclude elements, processing instructions."""
    notes = []
    doctype = tree.docinfo.doctype
    if doctype:
        notes.append(f"document type declaration {_short(doctype)} removed")
    root = tree.getroot()
    for sibling in [*root.itersiblings(preceding=True), *root.itersiblings()]:
        if isinstance(sibling, etree._ProcessingInstruction):
            notes.append(f"processing instruction {_short(str(sibling))} removed")
    for node in _inner_droppable(root):
        if isinstance(node, etree._ProcessingInstruction):
            notes.append(f"processing instruction {_short(str(node))} removed")
        else:
            href = node.get("href") or ""
            notes.append(f"XInclude element (href {_short(href, 60)!r}) removed")
    return notes


def clean_copy(tree: etree._ElementTree) -> etree._ElementTree:
    """A deep copy of ``tree`` without DOCTYPE and top-level processing instructions.

    Top-level comments are kept. Inner constructs are removed by
    :func:`drop_inner` (after the writer has matched elements by position).
    """
    root = tree.getroot()
    if not tree.docinfo.doctype and not any(
            isinstance(s, etree._ProcessingInstruction)
            for s in [*root.itersiblings(preceding=True), *root.itersiblings()]):
        return copy.deepcopy(tree)  # the usual case: byte-for-byte what was read
    new_root = copy.deepcopy(root)  # a fresh document: no DOCTYPE, no siblings
    # Farthest first, so each addprevious/addnext lands next to the root in order.
    for sibling in reversed(list(root.itersiblings(preceding=True))):
        if isinstance(sibling, etree._Comment):
            new_root.addprevious(copy.copy(sibling))
    for sibling in reversed(list(root.itersiblings())):
        if isinstance(sibling, etree._Comment):
            new_root.addnext(copy.copy(sibling))
    return new_root.getroottree()


def drop_inner(root: etree._Element) -> None:
    """Remove processing instructions and XInclude elements inside ``root`` (keeping tails)."""
    for node in _inner_droppable(root):
        parent = node.getparent()
        if parent is None:
            continue
        if node.tail and node.tail.strip():
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)
