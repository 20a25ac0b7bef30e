"""What an import (`convert --from`) found at a VOC file's name and left untouched, and how it says so.

A VOC file there is the user's annotation: kept unless ``--overwrite`` (one warning for all of them). A file there
that is not VOC (labelImg's flat folder holding an SVG called Bengal_10.xml, an empty file, broken XML, a folder) is
never replaced, ``--overwrite`` or not (`core.voc_write` refuses it): it is counted apart, and the user told to
delete or move it by hand. Counted with the VOC files, it was "1 more VOC file left untouched", which ``petloc
stats`` had just called "not a Pascal VOC file"; and the refusal under ``--overwrite`` told the user to "overwrite
it explicitly", which they had done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.core.errors import AnnotationError
from petloc_gui.core.interop.options import OVERWRITE
from petloc_gui.core.interop.records import ConversionReport
from petloc_gui.core.regular_file import NotRegularFileError
from petloc_gui.core.text import counted
from petloc_gui.core.voc import UnreadableTargetError
from petloc_gui.core.voc_tree import read_voc_tree

NOT_VOC = "not a Pascal VOC file"


def not_voc_reason(exc: AnnotationError) -> str | None:
    """Why the file ``exc`` was raised for is not VOC, said as such ("not a Pascal VOC file (annotation file is
    empty)"; the reader's "root element is <svg>, ...: not a Pascal VOC file" as it is); None when that is not
    known: the file could not be read at all (a permission, an I/O failure: it may be VOC), or had gone."""
    cause = exc.__cause__
    if isinstance(cause, NotRegularFileError):  # a folder or a pipe at x.xml: read or not, never VOC
        reason = str(cause)
    elif isinstance(cause, OSError):
        return None
    else:
        reason = exc.reason
    return reason if reason.endswith(NOT_VOC) else f"{NOT_VOC} ({reason})"


@dataclass
class KeptTargets:
    """The files an import found at its VOC files' names and left untouched, in the order met."""

    voc: list[Path] = field(default_factory=list)
    not_voc: list[tuple[Path, str]] = field(default_factory=list)  # (file, why it is not VOC)

    def keep(self, target: Path, report: ConversionReport) -> None:
        """Count ``target``, found where a VOC file was to be written without ``--overwrite``, as what it is. A file
        that cannot be read at all stays an existing file: what it holds is not known (``--overwrite`` then says
        it cannot be read)."""
        try:
            read_voc_tree(target)
        except AnnotationError as exc:
            reason = not_voc_reason(exc)
            if reason is not None:
                self.not_voc.append((target, reason))
                report.kept_not_voc += 1
                return
        self.voc.append(target)
        report.kept_existing += 1

    def refused(self, exc: UnreadableTargetError, report: ConversionReport) -> str:
        """Why ``--overwrite`` left the file of ``exc`` alone, for its problem line ("...; image not converted"),
        a file that is not VOC counted as kept without ``--overwrite``. Not the writer's own advice, "overwrite it
        explicitly": that is what the user had done."""
        cause = exc.__cause__
        reason = not_voc_reason(cause) if isinstance(cause, AnnotationError) else None
        if reason is not None:
            report.kept_not_voc += 1
            return (f"{reason}; {report.words.name(OVERWRITE)} replaces only VOC files, "
                    "so it is left untouched: delete or move it by hand")
        failure = cause.__cause__ if cause is not None else None
        why = (failure.strerror or failure) if isinstance(failure, OSError) else exc.reason
        return (f"cannot be read ({why}); {report.words.name(OVERWRITE)} replaces only a VOC file it can read, so "
                "it is left untouched: make it readable, or delete or move it by hand")

    def warn(self, report: ConversionReport, out: Path) -> None:
        """One warning for the VOC files kept, one for the files that are not VOC: keeping a person's file is not a
        problem, and a line per file would bury the problems of a large import."""
        overwrite = report.words.name(OVERWRITE)
        if len(self.voc) > 1:
            report.warning(self.voc[0], f"exists, like {counted(len(self.voc) - 1, 'more VOC file')} in {out}; all "
                           f"left untouched ({report.words.remedy(OVERWRITE)} to replace them)")
        elif self.voc:
            report.warning(self.voc[0], f"exists; left untouched ({report.words.remedy(OVERWRITE)} to replace it)")
        if not self.not_voc:
            return
        first, reason = self.not_voc[0]
        if len(self.not_voc) == 1:
            report.warning(first, f"{reason}; left untouched, so its image's annotation was "
                           f"not written: delete or move it by hand ({overwrite} replaces only VOC files)")
            return
        count = len(self.not_voc)
        report.warning(first, f"{reason}, like {counted(count - 1, 'more file')} in {out}; "
                       f"{count} files that are not Pascal VOC left untouched, so their images' annotations were not "
                       f"written: delete or move them by hand ({overwrite} replaces only VOC files)")
