"""What a run into OUT takes back when it is stopped or fails part way (`OutputBefore`), for `petloc convert` and the
window's File > Export alike: OUT as it was before it, and how to make it so again. The mark of an export that has
not finished and the earlier export's manifest kept aside while it runs are `unfinished`'s; this puts that manifest
back (`unfinished.put_back`) once the run's own files are taken back (`written.Written`)."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from petloc_gui.core.atomic import own_temporary
from petloc_gui.core.interop import unfinished
from petloc_gui.core.interop.taken_back import TakenBack
from petloc_gui.core.interop.unfinished_conversion import end_conversion
from petloc_gui.core.interop.written import Written


class OutputBefore:
    """OUT as it was before an export (``fmt``) or a conversion to VOC (``fmt`` None) into it, so that one stopped or
    failing part way takes back what it wrote (`take_back`): `petloc convert` and the window's File > Export both,
    through this one way. When the run made OUT (its own mkdir: `Written.make_output`) or OUT was an empty folder, and
    the run wrote there, what it holds is removed whole (the folders the run made too; an empty one given stays, as does
    a link given to it, through which it is emptied) when all of it is the run's: the files and folders it recorded, its
    mark, which goes last (`_remove_written`). One holding a file of another's too (put there by hand, or by an export
    run with --overwrite, which writes over a mark of a run going: `unfinished.begin`) is taken back as one that held
    files. One that held files keeps them, as does one another run made meanwhile (two runs into one new OUT): a
    conversion to VOC, and an export, remove the files they recorded in ``written``, and only those, then the empty
    folders they made, and put back those they replaced (`write_voc_records` and the exporters are given it); an export
    over an earlier petloc export of its format then puts that export's manifest back (`put_back`), OUT as it was, or (a
    file of the run's left that its classes read wrong) OUT holds an export that did not finish. A run that wrote
    nothing (refused: OUT not empty, another run's export found there; or stopped before its first file) takes nothing
    back but the empty folders it made: what is in OUT is another's.
    Made before the run begins, in the thread that runs it."""

    def __init__(self, out: str | os.PathLike[str], fmt: str | None) -> None:
        self.out, self.fmt = Path(out), fmt
        self.empty = False  # OUT an empty folder
        # ... which one (through a link too: `ln -s real out`), so that take-back empties that folder only
        self.empty_folder: os.stat_result | None = None
        self.held_manifest = False
        self.held_unfinished = False  # OUT held an export that did not finish: it still does after a stop
        # what the run creates in an OUT that held files (a conversion to VOC and the exporters say)
        self.written = Written()
        try:
            if self.out.is_dir():
                folder = os.stat(self.out)
                self.empty = not any(self.out.iterdir())
                self.empty_folder = folder if self.empty else None
                self.held_manifest = unfinished.holds_manifest(self.out, _manifest(fmt))
                self.held_unfinished = unfinished.interrupted(self.out)
        except OSError:  # cannot be read: the run will say so; nothing of it to take back
            pass

    def take_back(self) -> TakenBack:
        """Take back what the run wrote into OUT (see the class); what was done. Never raises OSError."""
        made = self.written.output_folders
        if made or self.empty:
            if not self._wrote():
                # Refused or stopped before it wrote there: what OUT holds (an export another run is writing, B
                # started a moment after A) is not the run's. The empty folders it made go: OUT as it was.
                return _remove_empty(made)
            if self._holds_only_the_runs(made[-1] if made else self.out):
                return self._remove_written(made[-1] if made else None)
            # Another's file in it too (one put there by hand, an export's run with --overwrite): removed whole, it
            # went while its writer said it was there. The run's own files go, then its folders that are empty.
            taken = self._remove_recorded()
            if self.fmt is not None and unfinished.ours(self.out):
                taken = self._remove_export(taken)
            _remove_empty(made)
            return taken
        if self.fmt is None:
            return self._remove_recorded()
        manifest = _manifest(self.fmt)
        if not unfinished.ours(self.out):
            # refused or failed before it wrote anything: OUT is as it was; or stopped once it had finished (`finish`)
            return TakenBack(manifest=manifest, finished=not unfinished.interrupted(self.out) and any(
                path.name == manifest[0] for path in self.written.as_written))
        # Over an earlier export too: its label files the run replaced come back, the run's own files go.
        taken = self._remove_recorded()
        stays = bool(taken.files_left or taken.files_not_put_back)
        if not stays and self._manifest_never_moved(manifest):
            # Stopped in `begin`, its mark written, before it set OUT's manifest aside (as it removed a leftover
            # aside, or made the folder for it): what is aside is no manifest of OUT's, and putting it back would
            # write over the one there. It goes with the mark, as `finish` does: OUT is as it was.
            with contextlib.suppress(OSError):
                unfinished.finish(self.out)
            return replace(taken, held_manifest=True, held_unfinished=self.held_unfinished, manifest=manifest)
        try:
            # Then its manifest reads OUT right again, whatever the classes; with a file of the run's left, only
            # when that is so (not outdated: the same classes).
            names = unfinished.put_back(self.out, outdated_too=not stays, outdated=self.written.earlier_outdated)
        except OSError:
            names = []
        if names or self.held_manifest or self.held_unfinished:
            # an earlier export of this format, put back (as it was, but for a file said in `taken`) or left
            # unfinished (its mark stays), its manifest kept aside, or not
            aside, outdated = unfinished.kept_aside(self.out, self.written.earlier_outdated)
            return replace(taken, put_back=tuple(names), unfinished=not names, held_manifest=self.held_manifest,
                           held_unfinished=self.held_unfinished, manifest=manifest,
                           kept_in="" if names or aside is None else aside.name,
                           kept_outdated=not names and outdated and stays)
        return self._remove_export(taken)

    def _wrote(self) -> bool:
        """Whether the run wrote into OUT: its mark is there (`unfinished.begin`, `unfinished_conversion`: the first
        thing a run writes), or it recorded a file or folder it made there, or a file it replaced
        (`Written.wrote_any`)."""
        return self.written.wrote_any() or self._marked()

    def _marked(self) -> bool:
        """Whether OUT holds the run's mark: a conversion's says it wrote it (one refused by a mark of another
        run of this process, the same PID, did not), an export's is told by the process."""
        return (self.fmt is not None or self.written.marked) and unfinished.ours(self.out)

    def _holds_only_the_runs(self, folder: Path) -> bool:
        """Whether all in ``folder`` (the outermost one the run made, or OUT, empty before it) is the run's: a file
        or folder it recorded (`written`), its mark, a temporary of its own."""
        mark = [self.out / unfinished.MARK] if self._marked() else []
        return _holds_only(folder, [*self.written.files, *mark],
                           [*self.written.folders, *self.written.output_folders])

    def _manifest_never_moved(self, manifest: tuple[str, ...]) -> bool:
        """Whether OUT holds the whole manifest of the earlier export it held, the run having written none of it."""
        wrote = any(path.name in manifest for path in self.written.as_written)  # its new manifest, changed since
        return self.held_manifest and not wrote and unfinished.holds_manifest(self.out, manifest)

    def _remove_recorded(self) -> TakenBack:
        """OUT held files: the conversion's own files go (none when it was refused or failed before it wrote
        one), the user's stay; then a conversion to VOC's mark, if the run's: not before, or a run started
        meanwhile would find them there, and lose them (`unfinished_conversion`)."""
        removed, left = self.written.take_back()
        put, not_put = self.written.put_back_replaced()
        if self.fmt is None:
            end_conversion(self.out, self.written)
        return TakenBack(left_behind=bool(left), files_removed=removed, files_left=tuple(left),
                         files_put_back=put, files_not_put_back=tuple(not_put),
                         files_changed=tuple(self.written.changed))

    def _remove_export(self, taken: TakenBack) -> TakenBack:
        """OUT held files and no export of this format: the export's own files went (``taken``), and with them
        its mark goes, OUT as it was. One left, or one replaced not put back, keeps the mark (a manifest put there
        would read it as part of a dataset; a label file holding this run's class ids reads wrong with the
        user's)."""
        if taken.files_left or taken.files_not_put_back:
            return replace(taken, unfinished=True)
        with contextlib.suppress(OSError):
            unfinished.finish(self.out)
        return taken

    def _remove_written(self, made: Path | None) -> TakenBack:
        """All in OUT is the run's: the outermost folder it ``made`` goes with it, or (None) OUT, the empty folder
        it was, is emptied. Its mark goes last, as in `_remove_recorded`: removed whole (`shutil.rmtree`), the mark
        went in directory order, and a conversion started then was let in (`unfinished_conversion`) and wrote into
        folders this one was still removing, its files lost with the run's. So all but the mark goes first, then
        the mark, then the folders the run made, innermost first, while they are empty (not one a run started
        meanwhile wrote in: its files stay)."""
        mark = Path(os.path.abspath(self.out / unfinished.MARK)) if self._marked() else None
        try:
            if made is not None:
                if not made.is_dir() or made.is_symlink():
                    return TakenBack()  # gone meanwhile (removed by hand)
                all_else_gone = _remove_all_but(Path(os.path.abspath(made)), mark)
                self._remove_mark(mark)
                gone = _remove_empty(self.written.output_folders).folder_removed
                return TakenBack(removed=True, folder_removed=gone, left_behind=not all_else_gone)
            # Emptied through a link to it as when given itself: the folder was there, so it and the link stay.
            if not self._still_the_empty_folder():
                return TakenBack()  # gone meanwhile, or another folder put there: nothing of the run's there
            written = any(self.out.iterdir())
            all_else_gone = _remove_all_but(self.out, None if mark is None else self.out / unfinished.MARK)
            self._remove_mark(mark)
            return TakenBack(removed=written, left_behind=not all_else_gone)
        except OSError:  # what was written, or whether it went, cannot be told: said as left behind
            return TakenBack(removed=True, left_behind=True)

    def _remove_mark(self, mark: Path | None) -> None:
        """Remove the run's ``mark`` (None: it has none), all else it wrote gone: a conversion's as it finishes
        (`end_conversion`), an export's alone (what `unfinished.finish` removes besides, the manifest kept aside,
        went with the rest)."""
        if mark is None:
            return
        if self.fmt is None:
            end_conversion(self.out, self.written)
        else:
            with contextlib.suppress(FileNotFoundError):
                mark.unlink()

    def _still_the_empty_folder(self) -> bool:
        """Whether OUT is still the empty folder it was (given through a link, the link still leads there)."""
        try:
            return self.empty_folder is not None and os.path.samestat(os.stat(self.out), self.empty_folder)
        except OSError:  # gone meanwhile (removed by hand)
            return False


def _holds_only(folder: Path, files: Iterable[Path], folders: Iterable[Path]) -> bool:
    """Whether all in ``folder`` is one of ``files`` or ``folders``, or a temporary of this process's
    (`own_temporary`: an atomic write's not yet removed, a run's of this PID). False when that cannot be told (a
    folder in it that cannot be read). Compared as absolute paths: `petloc convert` gives the writers OUT as typed,
    and `OutputBefore` its absolute."""
    def absolute(paths: Iterable[Path]) -> set[Path]:
        return {Path(os.path.abspath(path)) for path in paths}

    folder = Path(os.path.abspath(folder))
    files, folders = absolute(files), absolute([folder, *folders])

    def cannot_read(error: OSError) -> None:
        raise error

    try:
        for top, subfolders, names in os.walk(folder, onerror=cannot_read):
            for name in subfolders:  # a link to a folder is listed here, not walked into: a file of the run's or not
                path = Path(top) / name
                if path not in (files if path.is_symlink() else folders):
                    return False
            if any(Path(top) / name not in files and not own_temporary(Path(top) / name) for name in names):
                return False
    except OSError:
        return False
    return True


def _remove_all_but(folder: Path, keep: Path | None) -> bool:
    """Remove all in ``folder`` but the file ``keep`` (a path inside it, as ``folder`` names it: the run's mark) and
    the folders that lead to it. Whether all else went (a folder gone read-only keeps what is in it)."""
    all_gone = True
    for path in list(folder.iterdir()):
        if path == keep:
            continue
        if path.is_dir() and not path.is_symlink():
            if keep is not None and keep.is_relative_to(path):
                all_gone = _remove_all_but(path, keep) and all_gone
                continue
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        all_gone = all_gone and not os.path.lexists(path)
    return all_gone


def _remove_empty(made: list[Path]) -> TakenBack:
    """Remove the folders the run ``made`` (innermost first) as long as they are empty: what is in one is not the
    run's. Whether the outermost went (not when it was gone already: removed by hand)."""
    removed = False
    for folder in made:
        try:
            folder.rmdir()
        except FileNotFoundError:
            removed = False
            continue
        except OSError:  # not empty: another run's files, or one put there meanwhile
            return TakenBack()
        removed = True
    return TakenBack(removed=True, folder_removed=True) if removed else TakenBack()


def _manifest(fmt: str | None) -> tuple[str, ...]:
    """The files an export of ``fmt`` writes last (none for a conversion to VOC)."""
    # Imported here: coco and yolo load numpy and PIL, which importing this module does not need.
    from petloc_gui.core.interop.coco import ANNOTATIONS_FILE
    from petloc_gui.core.interop.yolo import CLASSES_TXT, DATA_YAML

    return {"coco": (ANNOTATIONS_FILE,), "yolo": (DATA_YAML, CLASSES_TXT)}.get(fmt or "", ())
