"""Writing VOC XML: edit the parsed tree in place, or build labelImg's form (`core.voc_edit`).

Use it through :func:`petloc_gui.core.voc.write_voc`. An existing file's
tree is kept on the annotation; only changed values are written back, so
unknown elements, attributes and order survive. See ADR 0003.

Before replacing a file the writer checks that it is still the file that was
read (:mod:`petloc_gui.core.disk_state`), that a symbolic link does not lead
outside the dataset folder or to a file that is not VOC (or cannot be read at all: said as a file
that cannot be looked at, never as a broken one), and it drops what
would be handed on to the next tool (DOCTYPE, XInclude, processing
instructions), listing each in ``annotation.dropped``.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path

from lxml import etree

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.disk_state import DiskState, current_state, same_content, state_of
from petloc_gui.core.errors import AnnotationError, ExternalChangeError, LinkTargetError, PetlocError, SaveError
from petloc_gui.core.same_file import same_file
from petloc_gui.core.voc_edit import build_tree
from petloc_gui.core.voc_provenance import wanted_mark
from petloc_gui.core.voc_tree import passed_on_notes, read_voc_tree
from petloc_gui.core.voc_types import VocAnnotation


# write_voc(expected=RECORDED): check against the state recorded on the
# annotation when it was read from (or last saved to) this same path.
# An enum member rather than object(), so type checkers narrow `is not RECORDED`.
class _Recorded(enum.Enum):
    RECORDED = "recorded"


RECORDED = _Recorded.RECORDED


class UnreadableTargetError(SaveError):
    """The file to replace is not a readable VOC annotation (broken, hostile, too large): nothing was
    written. ``overwrite_unreadable`` replaces it once the user has said so; the window asks (a file
    can turn unreadable after it was read, so not only ``load_error`` documents meet it)."""


class InaccessibleTargetError(UnreadableTargetError):
    """The file to replace cannot even be read (a permission, an I/O failure): what it holds is unknown,
    neither a broken annotation nor known to be another program's (a file read fine, then made mode
    000, was said to be "not a readable VOC annotation"). Nothing was written; ``overwrite_unreadable``
    replaces it as for any unreadable file."""


def _why_unreadable(exc: AnnotationError) -> str:
    """Why a file cannot be taken as an annotation, after "which" or "the existing file": a failure to
    read it at all is said as a file that cannot be looked at, never as a broken annotation."""
    failure = read_failure(exc)
    if failure is not None:
        return f"cannot be looked at ({failure.strerror or failure})"
    return f"is not a readable VOC annotation ({exc.reason})"


def read_failure(exc: PetlocError) -> OSError | None:
    """The OSError that kept the file from being read (`core.voc_tree` raises it as an AnnotationError
    caused by one: a permission, an I/O failure); None for a file read and refused. The one rule of the
    write's refusal and of the window's reading error (`app.annotation_look.read_error`)."""
    cause = exc.__cause__
    return cause if isinstance(cause, OSError) and not isinstance(cause, FileNotFoundError) else None


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
                f"it is a symbolic link to {target}, which {_why_unreadable(exc)}; that file is left "
                "untouched", path, target=target) from exc
        if overwrite_unreadable:
            return None
        if read_failure(exc) is not None:
            raise InaccessibleTargetError(
                f"the existing file {_why_unreadable(exc)}; it is left untouched. Save again once it can "
                "be read, or overwrite it explicitly", path) from exc
        raise UnreadableTargetError(
            f"the existing file {_why_unreadable(exc)}; it is left untouched. Save elsewhere, or "
            "overwrite it explicitly", path) from exc


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
    # read from this file under another spelling too (fusefat numbers each spelling apart: `core.same_file`)
    same = os.path.abspath(source) == os.path.abspath(path) or same_file(source, path)
    return annotation.disk_state if same else None


def _check_image_folder(path: Path, image_folder: Path | None) -> None:
    """Refuse to save for an image whose folder is gone (renamed, moved or deleted since it was
    opened): writing would create the folder again at the old path, and the edit would land in an
    empty folder the user no longer looks at, while the real one kept the old boxes."""
    if image_folder is None:
        return
    try:
        there = image_folder.is_dir()
    except OSError:
        return  # cannot even look: the write itself says why it fails
    if not there:
        # what is kept is the caller's to say (the window: "Your edits are kept in memory ...")
        raise SaveError(f"the folder {image_folder} no longer exists (moved or deleted?): nothing saved", path)


def check_image_there(path: str | os.PathLike[str], image: str | os.PathLike[str]) -> None:
    """Refuse to save ``path``, the annotation of ``image``, while that image is gone: with its
    folder (as `write_voc` given ``image_folder`` does), or alone from a folder that is there
    (``mv a.jpg a_renamed.jpg``): ``a.xml`` would belong to no image, and the renamed one would
    still read "no annotation". SaveError, nothing written; the caller (the window) keeps the
    edits, so the same save works once the image is back under its name."""
    target, image_file = Path(path), Path(image)
    _check_image_folder(target, image_file.parent)
    try:
        there = image_file.exists()
    except OSError:
        return  # cannot even look: the write itself says why it fails
    if not there:
        raise SaveError(f"the image {image_file.name} is no longer in {image_file.parent} (renamed, moved or "
                        "deleted?): nothing saved, since the annotation would belong to no image. Put the image "
                        "back under that name, then save again", target)


def make_annotation_folder(path: str | os.PathLike[str], image_folder: str | os.PathLike[str] | None) -> None:
    """Create the missing folders of ``path``, the annotation of an image in ``image_folder``: the
    one rule of the window's save (`write_voc`) and ``petloc predict --write-voc`` (`cli.prelabel`).

    The annotation of ``JPEGImages/new/batch1/n0.jpg`` is ``Annotations/new/batch1/n0.xml``: the
    subfolders below the layout's annotations folder mirror the image's below its images folder. So
    the annotations folder is what is left of ``path``'s folder once the trailing names it shares
    with ``image_folder`` are taken off (``Annotations``, ``annotations/xmls``: a layout's two
    folders never have the same name). That folder is created one level only, inside a folder that
    exists, and then the mirrored subfolders in it: nothing above or beside it, so a mistyped path
    fails rather than leave a trail of new folders. Never the image's own folder (sidecar XMLs): a
    folder that is gone is not brought back empty (`_check_image_folder` has refused the save
    already). Not knowing the image's folder (a Python caller), the one level is created as it
    always was. SaveError when a folder cannot be made.
    """
    folder = Path(os.path.abspath(Path(path).parent))
    base, mirrored = folder, list[str]()
    if image_folder is not None:
        image = Path(os.path.abspath(image_folder))
        if folder == image:
            return
        base, mirrored = _annotations_base(folder, image)
    if folder.exists() or not (base.is_dir() or base.parent.is_dir()):
        return  # nothing to create, or a path under a missing folder: the write says which is missing
    for made in [base, *(base.joinpath(*mirrored[:depth]) for depth in range(1, len(mirrored) + 1))]:
        try:
            made.mkdir()
        except FileExistsError:
            pass  # there already (a file there: the write names the folder it cannot save in)
        except OSError as exc:
            raise SaveError(f"cannot create the folder {made.name}: {exc.strerror or exc}",
                            Path(path)) from exc


def _annotations_base(folder: Path, image_folder: Path) -> tuple[Path, list[str]]:
    """``folder`` split into the layout's annotations folder and the subfolder names below it that
    repeat the trailing names of ``image_folder`` (``…/Annotations/new/batch1`` beside
    ``…/JPEGImages/new/batch1``: ``…/Annotations``, ``["new", "batch1"]``)."""
    mirrored: list[str] = []
    while folder.name and folder.name == image_folder.name and folder != image_folder:
        mirrored.insert(0, folder.name)
        folder, image_folder = folder.parent, image_folder.parent
    return folder, mirrored


def write_voc(annotation: VocAnnotation, path: str | os.PathLike[str], *,
              overwrite_unreadable: bool = False, expected: DiskState | _Recorded | None = RECORDED,
              root: str | os.PathLike[str] | None = None,
              allow_link_outside: bool = False,
              image_folder: str | os.PathLike[str] | None = None) -> Path:
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

    ``image_folder``: the folder of the image the annotation describes. When it no longer exists
    (moved or deleted) nothing is written and nothing is created (:class:`SaveError`); when it
    does, a missing annotation folder beside it (``annotations/xmls``, ``Annotations``) is
    created, one level, with the subfolders that mirror the image's (`make_annotation_folder`).
    Without it a missing folder of ``path`` is created too, one level inside a folder that exists
    (as before ``image_folder`` was added), nothing is checked.
    """
    path = Path(path)
    folder_of_image = Path(image_folder) if image_folder is not None else None
    _check_image_folder(path, folder_of_image)
    _check_link(path, Path(root) if root is not None else None, allow_link_outside)
    found = _check_target(path, overwrite_unreadable)
    _check_unchanged(path, _expected_state(annotation, path, expected), found)
    try:
        dropped = passed_on_notes(annotation._tree) if annotation._tree is not None else []
        tree, elements = build_tree(annotation)
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    except (ValueError, TypeError, OverflowError) as exc:
        # lxml refuses control characters etc. in labels or file names;
        # round() refuses NaN (ValueError) and infinite (OverflowError) boxes.
        raise SaveError(f"cannot write annotation: {exc}", path) from exc
    make_annotation_folder(path, folder_of_image)
    atomic_write_bytes(path, data)
    # The written file becomes the baseline for the next save.
    for obj, element in zip(annotation.objects, elements, strict=True):
        obj._element = element
        obj._saved = obj._values()
        obj._saved_mark = wanted_mark(obj, annotation)
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
