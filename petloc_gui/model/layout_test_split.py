"""Whether a run trains on the test images its folder's layout lists (a VOC devkit's ImageSets/Main/test.txt,
Oxford's annotations/test.txt), which `petloc stats` shows as the folder's test split: `petloc train` holds
out only what --exclude-list names, so they were trained or validated on with no word said, and no later
figure on them was a test figure: `petloc train` warns of them (`layout_test_said`, which
`cli.train_checks` prints, with what kept the list from being read whole and the lines on its entries, in the words
the window's run says them in). The window's Retrain always holds the list out (`layout_test_holdout`: its
training child, `window_holdout`, and the Retrain dialog's preview), as `petloc train --exclude-list` does:
it had trained on them unsaid. No Qt, no TensorFlow.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.text import counted, isolated

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset
    from petloc_gui.core.list_lines import ListedLines

NOTES_SHOWN = 5  # lines on the list's entries a run says: a list of a folder partly copied matches thousands

# how the warning ends: ``them`` ("it" or "them", the test images trained on) and the test list's path
Remedy = Callable[[str, Path], str]


def exclude_list_remedy(them: str, listing: Path) -> str:
    """`petloc train`'s: the option that holds them out, the list's path set apart (`isolated`: a Hebrew folder
    name took the line's direction in a terminal that lays out bidi text, and moved the words around it)."""
    return f"hold {them} out with --exclude-list {isolated(shlex.quote(str(listing)))} to keep {them} for testing"


def _listed_test_images(dataset: Dataset, say: Callable[[str], None] | None = None,
                        problems: list[str] | None = None, set_apart: bool = False) -> tuple[str, list[Path]]:
    """The folder's test list, as its layout names it ("" when the layout has none), and the absolute path of each
    image it lists: the list file read as `petloc train --exclude-list` reads it (`core.listed_images`), not the
    index's ``split`` (the first column matched as written: a BOM, "C" for c.jpg, "c.jpg" with its extension, an
    image also in trainval.txt missed it, and it was trained on). ``say``: the lines on its entries (taken as
    another spelling, matching nothing; ``set_apart``: their names set apart, for a stderr line that keeps the
    isolates, not for the window's log, which shows them as escapes); ``problems``: what keeps the file from being
    read whole (`_read_listing`)."""
    from petloc_gui.core.listed_images import resolve_listed_images

    folder = dataset.split_lists_folder
    if folder is None:
        return "", []
    listing = (folder / "test.txt").relative_to(dataset.root).as_posix()  # as the layout names it
    lines = _read_listing(folder / "test.txt", [] if problems is None else problems)
    # two spellings of one name (Cat.jpg, cat.jpg) both held out: a window run has no one to ask
    images = resolve_listed_images(dataset, lines, listing, say or (lambda line: None), hold_ambiguous=True,
                                   set_apart=set_apart)
    return listing, [Path(image) for image in images]


def _read_listing(path: Path, problems: list[str]) -> ListedLines:
    """The list's lines as `petloc train --exclude-list` reads them (`core.list_lines.read_list_lines`; none
    when there is no such file), what keeps it from being read whole put in ``problems``, in the words the run
    and the dialog say it with: a list that could not be read (a folder, no permission) held nothing out, and one
    whose lines are not UTF-8 (a Latin-1 "café") named no image on those lines, both with no word said."""
    from petloc_gui.core.list_lines import ListedLines, read_list_lines
    from petloc_gui.core.regular_file import FileTooLargeError, NotRegularFileError

    held_none = "this run holds none of it out, so no figure on its images is a test figure"
    try:
        lines = read_list_lines(path)
    except FileNotFoundError:
        return ListedLines([], [])
    except (NotRegularFileError, FileTooLargeError) as exc:  # says why itself: "cannot be read (...)" nested it
        problems.append(f"is {exc}: {held_none}")
        return ListedLines([], [])
    except OSError as exc:
        problems.append(f"cannot be read ({exc.strerror or exc}): {held_none}")
        return ListedLines([], [])
    problems.extend(lines.problems)
    return lines


@dataclass(frozen=True)
class LayoutTestHoldout:
    """The folder's test list as a window run holds it out: ``images`` (absolute paths, `collect_folder`'s
    ``exclude``, as `petloc train --exclude-list` passes them) are never trained or validated on, and
    meta.json ``splits.test`` names them, so figures on them stay test figures."""

    listing: str  # as the layout names it ("ImageSets/Main/test.txt"); "" when it has none
    images: tuple[str, ...] = ()
    # what was said of its entries (one taken as another spelling, one matching no image), as `petloc train
    # --exclude-list` says it
    notes: tuple[str, ...] = ()
    # what kept the list from being read whole, each to follow "the folder's test list (LISTING) "
    problems: tuple[str, ...] = ()
    # of ``images``, those whose bytes the model a fine-tune starts from (or one up its line) trained on
    # (`CollectedFolder.learned_tests`): held out, but its starting weights learned them
    learned: int = 0

    def notices(self) -> list[str]:
        """What the run says of the list: its problems (warnings), `notice`, then the lines on its entries (the
        first few of them)."""
        return self.problem_warnings() + ([self.notice()] if self.images else []) + self.entry_lines()

    def problem_warnings(self) -> list[str]:
        """`problem_lines`, each a warning, as the window's run and `petloc train` say them."""
        return [f"warning: {line}" for line in self.problem_lines()]

    def entry_lines(self) -> list[str]:
        """The first `NOTES_SHOWN` lines on the list's entries (``notes``), and how many more there are."""
        shown = [f"{self.listing}: {len(self.notes) - NOTES_SHOWN} more lines on its entries not shown"]
        return list(self.notes[:NOTES_SHOWN]) + (shown if len(self.notes) > NOTES_SHOWN else [])

    def problem_lines(self) -> list[str]:
        """Each of ``problems``, the list named (the dialog says them too: `Holdout.layout_test_problems`)."""
        return [f"the folder's test list ({self.listing}) {problem}" for problem in self.problems]

    def notice(self) -> str:
        """What the run says of them (the Retraining window logs it); "" when the list holds none."""
        if not self.images:
            return ""
        held = f"{counted(len(self.images), 'image')} of the folder's test list ({self.listing}) held out, as " \
               "petloc train --exclude-list does: never trained or validated on"
        if not self.learned:
            return f"{held}, they stay test images (meta.json splits.test)"
        # (not "they stay test images" then: the starting weights learned some or all of them)
        return f"{held} by this run (meta.json splits.test){test_figures_said(len(self.images), self.learned)}"


def test_figures_said(held: int, learned: int) -> str:
    """Whether figures on the ``held`` images of the test list held out are test figures, said after "… held out,
    as petloc train --exclude-list does" by the run (`LayoutTestHoldout.notice`) and the Retrain dialog: not on
    the ``learned`` of them the model a fine-tune starts from trained on. Said of the rest only: "so figures on
    it stay test figures; it was learned …: figures on it are not test figures" contradicted itself."""
    them = "it" if held == 1 else "them"
    by = "learned by the model this run starts from"
    if not learned:
        return f", so figures on {them} stay test figures"
    if learned >= held:
        who = "it was" if held == 1 else f"all {held} of them were"
        return f"; {who} {by}: figures on {them} are not test figures"
    rest, one = held - learned, learned == 1
    return (f", so figures on {rest} of them stay test figures; the other {learned} {'was' if one else 'were'} {by}: "
            f"figures on {'it' if one else 'those'} are not test figures")


def layout_test_holdout(data_dir: str | os.PathLike[str]) -> LayoutTestHoldout:
    """The test list of ``data_dir``'s layout, to hold out (no list, or a folder that cannot be read: none;
    the run itself says why it cannot read it)."""
    from petloc_gui.core.dataset import open_dataset

    try:
        dataset = open_dataset(data_dir)
    except DatasetError:
        return LayoutTestHoldout("")
    return read_layout_test(dataset)


def read_layout_test(dataset: Dataset, set_apart: bool = False) -> LayoutTestHoldout:
    """``dataset``'s test list read once, with what is said of it: the lines on its entries and what kept it from
    being read whole (what the window's run holds out, and what `petloc train` warns of; ``set_apart``: the
    entries' lines with their names set apart, for `petloc train`'s stderr)."""
    notes: list[str] = []
    problems: list[str] = []
    listing, images = _listed_test_images(dataset, notes.append, problems, set_apart)
    return LayoutTestHoldout(listing, tuple(str(image) for image in images), tuple(notes), tuple(problems))


def layout_test_said(dataset: Dataset, used: Iterable[str],
                     remedy: Remedy = exclude_list_remedy) -> tuple[list[str], list[str]]:
    """What `petloc train` says of the folder's test list, in the words and order of the window's run
    (`LayoutTestHoldout.notices`): what kept the list from being read whole (a warning each: the run had said
    nothing of a list that was not UTF-8, a named pipe or over 64 MB), `_trained_on_warning`'s line in the place
    of the window's notice (`petloc train` holds none of it out), then the lines on its entries (one matching
    no image). Two lists, said in turn: the lines whose every name is `visible` or set apart (`isolated`), and
    the lines on its entries (`core.listed_images`: a line's `repr`, the list and folder set apart), as
    `--exclude-list`'s are said. ``used``, ``remedy``: `_trained_on_warning`'s."""
    from petloc_gui.model.data import relpath_in

    read = read_layout_test(dataset, set_apart=True)
    tests = [relpath_in(Path(image), Path(dataset.root)) for image in read.images]
    warning = _trained_on_warning(dataset, read.listing, tests, used, remedy)
    return read.problem_warnings() + ([warning] if warning else []), read.entry_lines()


def _trained_on_warning(dataset: Dataset, listing: str, tests: list[str], used: Iterable[str], remedy: Remedy) -> str:
    """One line when the list ``listing`` has images (``tests``, relative paths) among ``used`` (the relative paths
    of the images the run trains or validates on), "" when it has none; ``remedy`` ends it (who reads it, and how
    they can hold them out). Its names are set apart (`isolated`), for a line whose isolates are kept
    (`cli.output.error`'s ``names_isolated``)."""
    used = set(used)
    n = sum(relpath in used for relpath in tests)
    if not n:
        return ""
    them = "it" if n == 1 else "them"
    which = them if n == len(tests) else f"{n} of them"
    return (f"the folder's {isolated(listing)} lists {counted(len(tests), 'test image')}; this run trains or "
            f"validates on {which}: {remedy(them, Path(dataset.root) / listing)}")


def readable_meta(base: str) -> dict[str, Any] | None:
    """The meta.json of ``base``; None when it cannot be read (training then says why it cannot start from it)."""
    from petloc_gui.model.bundle import read_meta  # no TensorFlow

    try:
        return read_meta(base)
    except Exception:  # noqa: BLE001 - any failure: the run itself names it
        return None
