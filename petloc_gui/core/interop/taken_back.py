"""What a run stopped or failing part way did to its OUT when it took back what it wrote (`TakenBack`), and the
words for what became of the files OUT held: `output_before.OutputBefore.take_back` makes it, `petloc convert` and the
window's File > Export say it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from petloc_gui.core.text import counted, first_of


@dataclass(frozen=True)
class TakenBack:
    """What `OutputBefore.take_back` did to OUT. All fields at their defaults: nothing was written there,
    OUT is as it was."""

    removed: bool = False  # OUT was new or empty: what was written there was removed
    left_behind: bool = False  # ... but not all of it could be (a folder gone read-only, permission lost)
    folder_removed: bool = False  # OUT was new, and its folder (the outermost one of its path made) went too
    put_back: tuple[str, ...] = ()  # OUT held an export: the files of its manifest put back
    finished: bool = False  # OUT held files and the export had finished when stopped: OUT holds it, complete
    unfinished: bool = False  # OUT held files, and now holds an export that did not finish (its mark says so)
    held_manifest: bool = False  # OUT held the (whole) manifest of a petloc export of the format being written
    held_unfinished: bool = False  # OUT held a petloc export of it that did not finish (its mark said so)
    manifest: tuple[str, ...] = ()  # ... the files of that format's manifest (YOLO's data.yaml and classes.txt)
    # ... its manifest not put back: the folder of OUT it is kept in ("": gone), and whether it was kept there as
    # outdated (classes not the run's) over a file of the run's that could not be taken back
    kept_in: str = ""
    kept_outdated: bool = False
    # OUT held files, and a conversion to VOC or an export wrote beside them: how many of its files were removed,
    # and those that could not be (`left_behind` then); the files that were there before are never removed
    files_removed: int = 0
    files_left: tuple[Path, ...] = ()
    # ... and of those it replaced (--overwrite), how many were put back as they were, and those that could not
    # be (they hold what the run wrote: an export keeps its mark)
    files_put_back: int = 0
    files_not_put_back: tuple[Path, ...] = ()
    # ... and of those it wrote (new or replaced), those changed since (saved over while it ran): left as they are
    files_changed: tuple[Path, ...] = ()

    def touched_files(self) -> bool:
        """Whether the run wrote or replaced files beside those OUT held (said by `files_before`)."""
        return bool(self.files_removed or self.files_left or self.files_put_back or self.files_not_put_back
                    or self.files_changed)

    def held_export(self) -> bool:
        """Whether OUT held a petloc export of the format written (complete or not): what became of it is said
        first, before `files_before`."""
        return self.held_manifest or self.held_unfinished

    def manifest_words(self) -> str:
        """The manifest, in words: "data.yaml and classes.txt", "annotations.json"."""
        return " and ".join(self.manifest)

    def why_unfinished(self) -> str:
        """Why OUT, which held a petloc export (`held_export`), now holds one that did not finish, for the CLI's
        message and the window's alike."""
        manifest, one = self.manifest_words(), len(self.manifest) == 1
        if not self.held_manifest:
            return f"it has no {manifest}"
        if self.kept_outdated:
            stays = [what for what, there in (("files this run wrote could not be removed", self.files_left),
                                              ("files it replaced could not be put back", self.files_not_put_back))
                     if there]
            return (f"the earlier export's {manifest} {'was' if one else 'were'} not put back: {' and '.join(stays)}, "
                    "and that export, of other classes, would take them for its own")
        if self.kept_in:
            return (f"the earlier export's {manifest} could not be put back from {self.kept_in}, where "
                    f"{'it is' if one else 'they are'} kept")
        from petloc_gui.core.interop.unfinished import EARLIER  # imported here: unfinished imports this module

        return f"the earlier export's {manifest}, set aside in {EARLIER} while it ran, {'is' if one else 'are'} gone"

    def files_before(self, run: str) -> str:
        """What became of the files OUT held, for the CLI's message and the window's alike (``run``: "export",
        "conversion"), and of those the run wrote that were changed since."""
        return self._held_files() + self._changed_files(run)

    def _changed_files(self, run: str) -> str:
        changed = self.files_changed
        if not changed:
            return ""
        one = len(changed) == 1
        return (f"; {counted(len(changed), 'file')} changed since the {run} wrote {'it' if one else 'them'} "
                f"({first_of([str(path) for path in changed], 3)}): left as {'it is' if one else 'they are'}")

    def _held_files(self) -> str:
        put, left = self.files_put_back, self.files_not_put_back
        if left:
            # over an earlier export, the message says so first (`held_export`)
            marked = ("; this folder is marked as holding an export that did not finish"
                      if self.unfinished and not self.held_export() else "")
            return (f"{counted(len(left), 'file')} that {'was' if len(left) == 1 else 'were'} there before it, "
                    f"replaced, could not be put back ({first_of([str(path) for path in left], 3)}) and "
                    f"{'holds' if len(left) == 1 else 'hold'} what it wrote{marked}; the others are as they were")
        said = "the files that were there before it are as they were"
        if put:
            said += f": the {counted(put, 'file')} it had replaced {'was' if put == 1 else 'were'} put back as " \
                    f"{'it was' if put == 1 else 'they were'}"
        return said
