"""What a run made in its output, so that one stopped or failing part way can take back exactly that.

Only the run knows which files in its output are its: a conversion to VOC and a YOLO or COCO export record each file
and folder they create there (`Written`), and nothing that was there before (the user's own VOC folder, the YOLO
folder itself, a folder of notes given to an export), an image used as is, is ever taken back; nor is one another run
wrote into the new OUT this one made (`unfinished.OutputBefore` removes that whole only when all in it is recorded
here). A file --overwrite replaced (a VOC or label file, the user's lone data.yaml) is kept, as it was, before it is
replaced (`Replaced`) and put back on a take-back: left replaced, a stopped export into an Ultralytics project left
the user's labels/a.txt holding petloc's class ids under the user's data.yaml names, a dog read as a cat (one a write
refused, a read-only file, was never changed: it is neither put back nor named as not put back). They are kept in
memory: only small files are ever replaced (images never are: `files.place_image` refuses a different one), and a run
killed outright (no take-back) leaves its mark, if an export, saying the folder did not finish. A file the run wrote
(`Written.wrote`, `Written.created`) is looked at right after its write (`AsWritten`): one saved over meanwhile (the
window's Ctrl+S on a VOC file of the folder converted into, another tool) is the user's, neither put back nor removed
but left as it is and named (`Written.changed`); put back, it lost that save. A path nothing is at is noted as the
run's before its write or placing, not after: a Ctrl+C landing between the two left the file made unnoted, in the
user's folder (a label file of petloc's class ids beside the user's background image). Which file at that path is the
run's after a write that raised is told by its identity, not by a file being there: the writers (`files`) tell the
file they are about to give the name (`naming`: their temporary, or the image a hard link shares) before they give
it, and a note is kept only when that file is the one there. A file another program put there first (the window's
Ctrl+S on r.xml, a photo dropped in, just before the run came to that name, then Ctrl+C) was taken back with the
run's, deleted.

`petloc convert` and the window's File > Export give each run the `Written` of the `unfinished.OutputBefore`
they made for its OUT, the one that takes it back.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import SaveError

# What `files.place_image` (or `place_data`) says when it made the file: the run's. "present" (the file there
# already was it: the user's, or an earlier export's) is not. Read by `run_placed`, the one rule for both.
RUN_PLACINGS = ("linked", "copied")


def run_placed(how: str | None) -> bool:
    """Whether an image placed ``how`` (None: not placed at all) is a file the run made: its to take back."""
    return how in RUN_PLACINGS


# (device, inode): which file a name holds, whatever its bytes
Identity = tuple[int, int]
# The name a `Written` call watches while its writer runs, and the files its writer said it is giving that name
# (`naming`). A context variable: the window's export runs in a thread of its own, and the writers are called through
# the exporters' and `upright`'s own functions, which need not pass it on.
_WATCHED: ContextVar[tuple[Path, set[Identity]] | None] = ContextVar("petloc_written_watched", default=None)


def naming(target: Path, made: Path | int) -> None:
    """Said by a writer just before it gives the file ``made`` (a path, or an open descriptor) the name ``target``:
    its temporary, linked or renamed, or the image a hard link shares. The `Written` call watching ``target`` (its
    `placing`, `created`, or `wrote` told so) then knows that file as the run's after a raise. Said before, not after
    the link: a Ctrl+C landing right after it must find it said. Nothing when nothing watches ``target`` (`petloc
    predict --write-voc`, the digits set: no take-back). A known limit (ADR 0012): a file is told by its inode, so
    with --images link another run's link of the same source image put at ``target`` first counts as the run's."""
    watched = _WATCHED.get()
    if watched is None or watched[0] != Path(target):
        return
    try:
        info = os.stat(made)
    except OSError:  # then the link or rename fails too: nothing is named
        return
    watched[1].add((info.st_dev, info.st_ino))


@contextlib.contextmanager
def _watching(path: Path, told: set[Identity]) -> Iterator[None]:
    """While the block runs, what writers say they name ``path`` (`naming`) goes into ``told``."""
    token = _WATCHED.set((path, told))
    try:
        yield
    finally:
        _WATCHED.reset(token)


def _is_one_told(path: Path, told: set[Identity]) -> bool:
    """Whether the file at ``path`` is one its writer said it named (`naming`): the run's. Another's put there
    before the run's link or rename is not, nor is nothing."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) in told


def missing_folders(path: Path) -> list[Path]:
    """``path`` and those of its parents that do not exist yet, innermost first: the folders a run that
    makes ``path`` creates. [] when ``path`` is there (a dangling link too: not the run's to remove)."""
    missing = []
    while not path.exists() and not path.is_symlink() and path.parent != path:
        missing.append(path)
        path = path.parent
    return missing


def _file_state(path: Path) -> tuple[object, ...]:
    """What changes when a write replaces or changes the file at ``path`` (through a link too): the link's and
    the file's device, inode, size and modification and change times; None for either that is not there."""
    def of(look: Callable[[Path], os.stat_result]) -> tuple[int, ...] | None:
        try:
            info = look(path)
        except OSError:
            return None
        return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns

    return of(Path.lstat), of(Path.stat)


@dataclass(frozen=True)
class Replaced:
    """A file as it was before a run replaced it: its bytes (None: unreadable, so it cannot be put back), mode
    and times, and the text of the symbolic link it was (None: a file), which a write that replaces the link
    (`files.write_derived`) leaves a file; one through the link (`voc.write_voc`) changed the file it leads to."""

    data: bytes | None
    mode: int
    times_ns: tuple[int, int]
    link: str | None
    state: tuple[object, ...] = ()  # `_file_state` then: what tells a write that failed from one that changed it

    @classmethod
    def read(cls, path: Path) -> Replaced:
        state = _file_state(path)
        link = os.readlink(path) if path.is_symlink() else None
        try:
            info = os.stat(path)
            return cls(path.read_bytes(), stat.S_IMODE(info.st_mode), (info.st_atime_ns, info.st_mtime_ns), link,
                       state)
        except OSError:  # unreadable, or a dangling link: said as not put back
            return cls(None, 0, (0, 0), link, state)

    def unchanged(self, path: Path) -> bool:
        """Whether ``path`` is still the file it was (no write replaced or changed it): the same file, link and
        times, and its bytes when they could be read (a clock too coarse to tell a rewrite within its tick)."""
        if _file_state(path) != self.state:
            return False
        try:
            return self.data is None or path.read_bytes() == self.data
        except OSError:
            return False

    def put_back(self, path: Path) -> None:
        """Make ``path`` what it was. Raises OSError or SaveError when it cannot be."""
        if self.link is not None and not path.is_symlink():
            # the link was replaced by a file; the file it leads to was not written: the link alone comes back
            temporary = path.with_name(f".{path.name[:32]}.{os.getpid()}.petloc-new")
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
            os.symlink(self.link, temporary)
            os.replace(temporary, path)
            return
        if self.data is None:
            raise SaveError("could not be read before it was replaced", path)
        atomic_write_bytes(path, self.data)  # through a link, as the write went
        os.chmod(path, self.mode)
        os.utime(path, ns=self.times_ns)


@dataclass(frozen=True)
class AsWritten:
    """A file as the run's write left it: whether it is a symbolic link, and a digest of its bytes (None: they
    could not be read, so a change cannot be told). Its bytes, not its times: a file only touched (a backup or
    sync tool) holds nothing of the user's, and a clock too coarse to tell two writes apart within its tick gives
    a same-size rewrite the run's times."""

    link: bool
    digest: bytes | None

    @classmethod
    def read(cls, path: Path) -> AsWritten:
        return cls(path.is_symlink(), _digest(path))

    def still(self, path: Path) -> bool:
        """Whether ``path`` is still the file the run wrote (gone: not so)."""
        if not os.path.lexists(path):
            return False
        return self.digest is None or (path.is_symlink() == self.link and _digest(path) == self.digest)


def _digest(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError:
        return None


class Written:
    """The files and folders a run created in its output, in the order it made them, and the files it replaced
    there as they were before (`replaced`); and whether an earlier export's manifest kept aside reads them wrong
    (`earlier_outdated`)."""

    def __init__(self) -> None:
        self.files: list[Path] = []
        self.folders: list[Path] = []  # each made for a file of `files` (or one it failed to write)
        self.replaced: dict[Path, Replaced] = {}  # each as it was before the run's first write over it
        # the files the run wrote, as its last write left each (an image placed is not: nobody saves over one)
        self.as_written: dict[Path, AsWritten] = {}
        # of `files` and `replaced`, those changed since the run wrote them: the user's, left as they are
        self.changed: list[Path] = []
        self._made: set[Path] = set()  # `files`, to be told apart fast from a file that was there
        # the folders of OUT's path the run's own mkdir made (`make_output`), innermost first: none when OUT was
        # there, or another run made it between the look before the run and this one's mkdir
        self.output_folders: list[Path] = []
        # the earlier export's manifest kept aside no longer reads OUT's label files right (`unfinished`): known
        # here too, as a mark of it on disk may not be written (a full disk)
        self.earlier_outdated = False
        self.marked = False  # the conversion's mark in OUT is the run's, to remove (`unfinished_conversion`)

    def make_output(self, out: Path) -> None:
        """Make the folder ``out`` and those above it that are missing, as ``mkdir -p`` does (raising OSError as it
        does). Those this call made are the run's (`output_folders`), all in them its to take back; one that another
        process made meanwhile (its mkdir FileExistsError) is not: only the files the run records in it are. Each is
        noted before its mkdir: a Ctrl+C landing right after it, noted after, left the empty new OUT."""
        for folder in reversed(missing_folders(out)):
            self.output_folders.insert(0, folder)  # innermost first
            try:
                folder.mkdir()
            except OSError as exc:
                self.output_folders.remove(folder)  # not made by this mkdir (another's, or refused)
                if not isinstance(exc, FileExistsError):
                    raise
        if not out.is_dir():  # a file, or a link to nothing, there: mkdir -p's error
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(out))

    def wrote_any(self) -> bool:
        """Whether the run recorded a file or folder it made, or a file it replaced (a run refused, or stopped
        before its first file, did not)."""
        return bool(self.files or self.folders or self.replaced or self.as_written or self.changed)

    def folders_for(self, path: Path) -> None:
        """Before a file is written at ``path``: the folders above it that the write will create are the run's.
        Said before the write, so that one failing after it made them takes them back too."""
        self.folders += missing_folders(path.parent)

    def file(self, path: Path) -> None:
        """``path`` is a file the run created (not one that was there, used as is or replaced)."""
        if path not in self._made:
            self.files.append(path)
            self._made.add(path)

    def _not_made(self, path: Path) -> None:
        """``path``, noted before a write or placing (`_new`), is not the run's after all: nothing was made there,
        or the file there is another's (an exclusive write or a placing refused: it appeared meanwhile)."""
        if path in self._made:
            self.files.remove(path)
            self._made.discard(path)
            self.as_written.pop(path, None)

    def _new(self, path: Path) -> bool:
        """Before a write or placing at ``path``: whether nothing is there; if so, ``path`` is noted as the run's
        now, so that a stop landing once the file is made, before a note after it, still takes it back (a stop
        before it is made leaves a path the take-back skips: gone)."""
        new = not os.path.lexists(path)
        if new:
            self.file(path)
        return new

    def placing(self, path: Path, place: Callable[[], str]) -> str:
        """``place`` (`files.place_image`, `place_data`, `upright.Orientations.place`) puts an image at ``path`` and
        says how: the run's when "linked" or "copied" (`run_placed`), not when "present" (the file there already
        was it: the user's, or an earlier export's) nor when the placing refused (SaveError: the file there is
        another's, or none was made). Stopped otherwise (Ctrl+C), the run's only when the file there is the one
        ``place`` said it named (`naming`, which each of them says). What ``place`` says is returned."""
        new, told = self._new(path), set[Identity]()
        try:
            with _watching(path, told):
                how = place()
        except BaseException as exc:
            if new and (isinstance(exc, SaveError) or not _is_one_told(path, told)):
                self._not_made(path)
            raise
        if run_placed(how):
            self.file(path)
        elif new:
            self._not_made(path)
        return how

    def wrote(self, path: Path, write: Callable[[], object], *, tells_identity: bool = False) -> None:
        """``write`` makes or replaces the file at ``path`` (what it returns is not used): the run's only when
        nothing was there before (also when ``write`` raised having made it: with ``tells_identity``, a ``write``
        that says the file it names, `naming`, as `files.write_derived` does, only when that file is the one there;
        otherwise when one is there). One replaced (an earlier export's, or the user's, with --overwrite) is not the
        run's to remove: it is kept as it was first (`Replaced`), for `put_back_replaced`."""
        new, told = self._new(path), set[Identity]()
        first = not new and path not in self._made and path not in self.replaced
        if first:
            # kept before the write: a stop between the replace and a note after it would lose it
            self.replaced[path] = Replaced.read(path)
        try:
            with _watching(path, told):
                write()
        except BaseException:
            # refused (a read-only file): never changed, so never "put back", nor named as not put back. One
            # the write replaced before failing (its folder's fsync) is still put back.
            if first and self.replaced[path].unchanged(path):
                del self.replaced[path]
            self._made_before_raising(path, new, told if tells_identity else None)
            self._look_at_written(path)
            raise
        self._look_at_written(path)

    def created(self, path: Path, write: Callable[[], bool]) -> bool:
        """``write`` makes the file at ``path`` only if nothing is there (exclusive: `voc_out.write_new_voc`) and
        says whether it did: the run's when it did, or (raising) when the file there is the one it said it named
        (`naming`, which `write_new_voc` says). What ``write`` says is returned."""
        new, told = self._new(path), set[Identity]()
        try:
            with _watching(path, told):
                made = write()
        except BaseException:
            self._made_before_raising(path, new, told)
            self._look_at_written(path)
            raise
        if made:
            self.file(path)
            self._look_at_written(path)
        elif new:
            self._not_made(path)  # there by the write's look (another's, made meanwhile): left as it is
        return made

    def _look_at_written(self, path: Path) -> None:
        """Right after the run's write at ``path``: how it left the file, when the file is the run's (made, or
        replaced: kept in `replaced`), so that the take-back tells a save made over it since."""
        if path in self._made or path in self.replaced:
            self.as_written[path] = AsWritten.read(path)

    def _made_before_raising(self, path: Path, new: bool, told: set[Identity] | None) -> None:
        """A write at ``path`` raised: the file is the run's (noted before the write) if nothing was there before
        (``new``) and the file there now is one the write said it named (``told``: `naming`; None, a write that
        says none, `atomic_write_bytes`: any file there). A write fails after its file got its name (a stop landing
        after the rename, an error after it): left unnoted, a take-back left it beside the user's files. One not
        there was not made, and one the write did not name is another's (put there before the run's link, or
        later): not the run's. One that was there is `Replaced`'s to judge."""
        if new and not (_is_one_told(path, told) if told is not None else os.path.lexists(path)):
            self._not_made(path)

    def take_back(self) -> tuple[int, list[Path]]:
        """Remove the files recorded, then the folders made for them that are empty now (a file put there
        meanwhile keeps its folder). How many files were removed, and those that could not be. One changed since
        the run wrote it (saved over meanwhile) stays, as it is, in `changed`."""
        removed, left = 0, []
        for path in self.files:
            if os.path.lexists(path) and not self._still_as_written(path):
                self.changed.append(path)
                continue
            try:
                path.unlink()
            except FileNotFoundError:
                continue  # gone meanwhile (removed by hand): not the run's to say
            except OSError:
                left.append(path)
            else:
                removed += 1
        # innermost first, each once: a folder is empty only once those inside it are gone
        for folder in sorted(set(self.folders), key=lambda folder: len(folder.parts), reverse=True):
            with contextlib.suppress(OSError):  # not empty (a file left, or put there meanwhile), or gone
                os.rmdir(folder)
        self.files, self.folders = list(left), []
        self._made = set(left)
        return removed, left

    def put_back_replaced(self) -> tuple[int, list[Path]]:
        """Put each file the run replaced back as it was (`replaced`). How many were, and those that could not
        be (they hold what the run wrote, and stay recorded: a later call tries them again). One changed (or
        removed) since the run wrote it is the user's now: left as it is, in `changed`."""
        put, left = 0, []
        for path, before in self.replaced.items():
            if not self._still_as_written(path):
                self.changed.append(path)
                continue
            try:
                before.put_back(path)
            except (OSError, SaveError):
                left.append(path)
            else:
                put += 1
        self.replaced = {path: self.replaced[path] for path in left}
        return put, left

    def _still_as_written(self, path: Path) -> bool:
        """Whether ``path`` holds what the run's last write left there (`as_written`); one never looked at (an
        image placed) is the run's as it is."""
        after = self.as_written.get(path)
        return after is None or after.still(path)

