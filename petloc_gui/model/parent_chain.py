"""The chain of models a model was fine-tuned from: where each parent is found, and what is kept of it.

meta.json "parent" names a parent by a bundled name ("digits") or by its version id, never by a path (a
bundle can move). A version id is looked up in the model store, then as the folder of that name beside
its child's bundle (`petloc train --out runs` writes runs/<version id>, and a fine-tune of it given the
same --out writes beside it). Before, only bundled names and the store were looked in, and such a chain
was said to break at a model that was just fine-tuned from. A bundle's folder is taken as the folder it
really is (`_real_folder`): one given as ".", "..", or a symbolic link (`latest -> runs/<id>`) has its
parents beside runs/<id>, not beside the name given (`Path(".").parent` is "."). A folder found is taken
only when the meta.json in it is that version's (its "version_id"): a folder of that name holding another
model (a copy renamed by hand, a bundle moved over it) breaks the chain, and says so.

A walk given the folder of the model it starts from (``located``) looks there and in the store only; a walk given its
meta.json alone (the new model's, whose bundle is not written yet) looks, for the model it starts from and
its parent, where this process was given those by path (`remember`: `--init-from runs/<id>`, an earlier
walk's ``located``; one `petloc train` command's only, `bundles_given`), and only while the folder there
still holds that version. Before, every folder found was remembered for the whole process and looked in by
every later walk: a walk from one project's folder took another project's copy of a deleted parent as its
own ("complete").

Only what the callers use is kept of each ancestor (`Ancestor`): its version ids, its training images'
paths and hashes, the MNIST digits it learned. Its whole meta.json (the images of every split, the recipe)
is dropped as soon as it is read, and what is kept is memoised by the file's state (`core.file_memo`), so
the walks of one run (train's checks, its data, its accepted boxes) read each meta.json once: 60 fine-tunes
of a 10,000-image folder held every meta.json whole (peak RSS 426 MB) and read them all again per walk. A
meta.json rewritten since is read again, and one written within `file_memo.SETTLED_NS` of its read is read
again by each walk: a same-size rewrite in that clock tick keeps its state.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.file_memo import FileMemo
from petloc_gui.core.paths import user_data_dir
from petloc_gui.model.bundle import BUNDLED_NAMES, META_FILE, BundleError, read_meta, resolve_model

if TYPE_CHECKING:
    from petloc_gui.model.training_record import TrainingRecord

# a cycle of parents (hand-edited meta.json files) must not loop; a window's loop of annotate, retrain, use
# fine-tunes each version from the last, so a long-used folder's chain is long
MAX_ANCESTORS = 1000


@dataclass(frozen=True)
class Ancestor:
    """What the callers of a chain use of one ancestor's meta.json: `model_ancestry` its ids, `Lineage` its
    training images (``record``: its training split and their hashes only) and the MNIST digits it learned."""

    version_id: str | None
    parent: str | None  # its own meta.json's "parent"
    parent_version_id: str | None
    record: TrainingRecord
    digits: dict[str, frozenset[int] | None] = field(default_factory=dict)
    unnamed_parent: tuple[str, str] | None = None  # its meta.json's parent, when not walkable (`_unnamed_parent`)


@dataclass(frozen=True)
class ParentChain:
    """The models a model was fine-tuned from, its parent first, each (the name its child's meta.json gives
    it, `Ancestor`), as `parent_chain` walks them; where the walk ended short of a model trained from
    scratch: at a parent not found or unreadable (``broken_at``; ``unreadable``: why its meta.json cannot be
    read, "" when it is not found; ``other``: why what was found is not it (a folder of its name holding
    another model, the bundled model another version, a "parent" naming no model), "" when none;
    ``installed``: (the version installed, the version recorded) when it is the bundled model there as another
    version, said as such, never "not found"), or at one named again or past `MAX_ANCESTORS` (``cut``,
    ``looped``). ``start``: the version id of the model walked from ("" when its meta.json has none). One
    walk serves the training records (`training_record.ancestors_of`) and the accepted boxes' relations
    (`model.model_ancestry.ancestry_of`)."""

    found: tuple[tuple[str, Ancestor], ...] = ()
    broken_at: str = ""
    unreadable: str = ""
    cut: str = ""
    looped: bool = False
    other: str = ""
    start: str = ""
    # (installed, recorded): ``broken_at`` is a bundled model there as another version than its child records
    installed: tuple[str, str] | None = None

    def cut_reason(self, chain: str) -> str:
        """Why the walk up ``chain`` stopped at ``cut`` (it said "loops" of a chain that was only long)."""
        if self.looped:
            return f"{chain} loops at {self.cut}"
        return f"{chain} is longer than {MAX_ANCESTORS} models (stopped at {self.cut})"

    def break_reason(self, walked: str = "") -> str:
        """Why the walk stopped at ``broken_at``. ``walked``: how the sentence names the model walked from
        when it is about another model (`petloc train`'s, about the new model: "the model this run starts
        from"); the break then names its place in the chain up to that model ("V0 is not found: the parent
        of V1, the model this run starts from"). Without it, "its parent model" is the parent of the model
        walked from (`petloc evaluate`'s model, the window's current model). Before, the new model's
        warnings and meta.json called the parent of the model it starts from "its parent model"."""
        status = f"is unreadable ({self.unreadable})" if self.unreadable else self.missing_status()
        # (unreadable: the folder is there, and "not found" sent people looking for a model they have)
        return self.said_of(len(self.found), self.broken_at, status, walked)

    def said_of(self, depth: int, name: str, status: str, walked: str = "") -> str:
        """"``name`` ``status``" of the model ``depth`` fine-tunes up from the model walked from (0: its
        parent, ``found``'s first or the break; -1: that model itself), named from the model the sentence
        is about as `break_reason` names a break: an ancestor that records no training images is named too
        (it was "its training images are not recorded", read as the model given's)."""
        if walked:
            start = f"{self.start}, {walked}" if self.start else walked
            if depth < 0:
                return f"{walked}, {self.start}, {status}" if self.start else f"{walked} {status}"
            if depth == 0:
                whose = f"the parent of {start}"
            elif depth == 1:
                whose = f"the parent of {self.found[0][0]}, which is the parent of {start}"
            else:
                whose = f"the parent of {self.found[depth - 1][0]}, {depth + 1} fine-tunes up from {start}"
            return f"{name} {status}: {whose}"
        if depth < 0:
            named = "it"
        elif depth == 0:
            named = f"its parent model {name}"
        elif depth == 1:
            named = f"its parent's parent {name}"
        else:
            named = f"{name} (the parent of {self.found[depth - 1][0]}, {depth + 1} fine-tunes up its chain)"
        return f"{named} {status}"

    def missing_status(self) -> str:
        """Says "is not found", with why what was found is not it (``other``) when something was passed over;
        of a bundled model there as another version, that it is ("is installed as version B, not the recorded
        A": it said "is not found", and people looked for a model they have, just another version of it)."""
        if self.installed is not None:
            installed, recorded = self.installed
            return f"is installed as {_version_said(installed)}, not the recorded {recorded}"
        return f"is not found ({self.other})" if self.other else "is not found"


def parent_chain(meta: Mapping[str, Any] | None, located: str | os.PathLike[str] | None = None,
                 parent_at: str | os.PathLike[str] | None = None) -> ParentChain:
    """The `ParentChain` of the model whose meta.json is ``meta``. ``located``: its bundle (its folder, or a
    name `bundle.resolve_model` takes), when it is a bundle on disk (its parents written beside it are found
    there, and nowhere but there and the store; its children's walks in this process, given their meta.json
    alone, find it by its version id: `remember`). ``parent_at``: with no ``located`` (a run's new model,
    its bundle not written yet), its parent's bundle (`--init-from runs/<id>`): the parent is looked for
    there and in the store alone, not where this process was given it (a walk in a process that was given
    none, a training child's, found no parent: "not found")."""
    meta = meta or {}
    version = meta.get("version_id")
    start = version if isinstance(version, str) else ""
    here = _real_folder(located) if located else None
    given = _real_folder(parent_at) if parent_at and here is None else None
    if here is not None:
        remember(start, here)
    elif given is None:
        here = _given(start)
    found: list[tuple[str, Ancestor]] = []
    seen: set[str] = set()
    parent = meta.get("parent")
    version_named = _text(meta.get("parent_version_id"))  # the version the child was fine-tuned from
    unnamed = _unnamed_parent(meta)
    while True:
        if unnamed is not None:
            return ParentChain(tuple(found), broken_at=unnamed[0], other=unnamed[1], start=start)
        if not (isinstance(parent, str) and parent):
            break
        if parent in seen or len(seen) >= MAX_ANCESTORS:  # hand-edited meta.json files can name a cycle
            return ParentChain(tuple(found), cut=parent, looped=parent in seen, start=start)
        seen.add(parent)
        folder, ancestor, why, installed = _find(parent, here, given if not found else None, version_named)
        if folder is None:
            return ParentChain(tuple(found), broken_at=parent, other=why, start=start, installed=installed)
        if ancestor is None:
            return ParentChain(tuple(found), broken_at=parent, unreadable=why, start=start)
        found.append((parent, ancestor))
        here, parent, version_named = folder, ancestor.parent, ancestor.parent_version_id
        unnamed = ancestor.unnamed_parent
    return ParentChain(tuple(found), start=start)


def _unnamed_parent(meta: Mapping[str, Any]) -> tuple[str, str] | None:
    """(the name a walk breaks at, why) when ``meta``'s "parent" is there but names no model (not a
    non-empty string: `--init-from .` wrote "parent": ""), or is missing while its "parent_version_id"
    names one; None when it names a parent, or none at all (trained from scratch). Before, such a model
    read as trained from scratch: its chain "complete"."""
    parent, version = meta.get("parent"), meta.get("parent_version_id")
    if isinstance(parent, str) and parent:
        return None
    if parent is None and not (isinstance(version, str) and version):  # "" names no parent either
        return None
    shown = version if isinstance(version, str) and version else repr(parent)
    return shown, f"meta.json names it by {parent!r}, not a model's name"


def locate(name: str, beside: Path | None = None) -> Path | None:
    """The folder of the bundle a meta.json names as a parent: a bundled model, a version of the model store,
    the folder of that name beside ``beside`` (its child's bundle), or (no ``beside``) where this process was
    given it (`remember`); None when none holds that version's meta.json (one that cannot be read is found:
    `ancestor_at` says why)."""
    return _find(name, beside)[0]


def _find(name: str, beside: Path | None, given: Path | None = None, version_named: str | None = None
          ) -> tuple[Path | None, Ancestor | None, str, tuple[str, str] | None]:
    """(folder, what is kept of its meta.json, "", None) for the bundle ``name`` names (`locate`; ``given``:
    its folder, when known, `parent_chain`'s ``parent_at``); (folder, None, why, None) when its meta.json
    cannot be read; (None, None, "", None) when it is not found, or (None, None, which folder of its name
    holds another model, None) when one was passed over. ``version_named``: the child's "parent_version_id",
    which a bundled name's model must be (a release replaces the bundled model: before, a fine-tune of the
    earlier one was walked as complete with the new one's training images); when it is not, (None, None,
    why, (the version installed, "" when it has no id; ``version_named``))."""
    other = ""
    for folder in _candidates(name, beside, given):
        try:
            ancestor = ancestor_at(folder)
        except BundleError as exc:
            return folder, None, exc.reason or "cannot be read", None
        if name in BUNDLED_NAMES:
            # (a version id that is the bundled name itself names no version: any bundled one is it)
            if version_named is not None and version_named not in (name, ancestor.version_id):
                installed = ancestor.version_id or ""
                said = f"{_version_said(installed)}, not the recorded {version_named}"
                return None, None, f"the bundled {name} model installed is {said}", (installed, version_named)
            return folder, ancestor, "", None
        if _is_version(ancestor, folder, name):
            return folder, ancestor, "", None
        other = other or f"the folder {folder} holds another model, {ancestor.version_id or 'with no version id'}"
    return None, None, other, None


def _version_said(version_id: str | None) -> str:
    return f"version {version_id}" if version_id else "a version with no version id"


def _candidates(name: str, beside: Path | None, given: Path | None = None) -> list[Path]:
    """The folders that may hold the bundle ``name`` names, in the order they are looked in, each holding a
    meta.json (`locate`; ``given``: `_find`'s)."""
    if name in BUNDLED_NAMES:
        try:
            return [resolve_model(name)]
        except BundleError:
            return []
    if Path(name).name != name or name in (".", ".."):  # an id, never a path out of the folders looked in
        return []
    store = user_data_dir() / "models"
    try:
        presets = sorted(p for p in store.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        presets = []
    candidates = [preset / name for preset in presets]
    if beside is not None:
        candidates.append(_real_folder(beside).parent / name)
    elif given is not None:
        candidates.append(given)
    elif name in _FOUND_AT:  # a walk with no folder yet: where this process was given it
        candidates.append(_FOUND_AT[name])
    return [folder for folder in candidates if (folder / META_FILE).is_file()]


def _is_version(ancestor: Ancestor, folder: Path, name: str) -> bool:
    """Whether ``folder``'s meta.json is the version ``name`` (a meta.json with no version id: a child
    names it by its folder's name, `training._model_name`)."""
    return ancestor.version_id == name if ancestor.version_id else folder.name == name


def remember(version_id: Any, folder: str | os.PathLike[str]) -> None:
    """Note that the bundle of ``version_id`` is ``folder`` (given by path: `--init-from runs/<id>`), for the
    walks of this process that have its children's meta.json alone (`parent_chain` with no ``located``)."""
    if isinstance(version_id, str) and version_id:
        _FOUND_AT[version_id] = _real_folder(folder)


@contextmanager
def bundles_given() -> Iterator[None]:
    """What `remember` notes inside this block is forgotten after it (one `petloc train` run: a later
    command in the same process, a test's, does not find its bundles)."""
    kept = dict(_FOUND_AT)
    try:
        yield
    finally:
        _FOUND_AT.clear()
        _FOUND_AT.update(kept)


def _given(version_id: Any) -> Path | None:
    """Where this process was given the bundle of ``version_id`` (`remember`), while it still holds it."""
    folder = _FOUND_AT.get(version_id) if isinstance(version_id, str) and version_id else None
    if folder is None:
        return None
    try:
        return folder if _is_version(ancestor_at(folder), folder, version_id) else None
    except BundleError:
        return None


def _real_folder(spec: str | os.PathLike[str]) -> Path:
    """The folder a bundle given as ``spec`` really is (a name `bundle.resolve_model` takes, ".", "..", a
    symbolic link): its parents are beside that folder, not beside the name given. A bundled name is a
    str: a path (`Path("./digits")`, whose str() is "digits") is the folder it names, not the bundled model."""
    try:
        folder = resolve_model(spec if isinstance(spec, str) else os.path.abspath(spec))
    except BundleError:
        folder = Path(spec)
    return Path(os.path.realpath(folder))


def ancestor_at(folder: Path) -> Ancestor:
    """What is kept of the meta.json in ``folder`` (`Ancestor`); read once while the file is unchanged (and
    by each call while it was written within `file_memo.SETTLED_NS` of the read: `_ANCESTORS`).
    BundleError (why) when it cannot be read, or holds values of the wrong type (`bundle.read_meta`'s check,
    "images" included: a damaged one read as "no hashes", and the chain walked as complete)."""
    meta_path = folder / META_FILE
    try:
        return _ANCESTORS.get(meta_path, _ancestor_in)
    except OSError as exc:  # the stat's: `read_meta` says why as a BundleError (not an OSError)
        raise BundleError(f"cannot read {META_FILE}: {exc.strerror or exc}", meta_path) from exc


def _ancestor_in(meta_path: Path) -> Ancestor:
    return _kept_of(read_meta(meta_path.parent))


def _kept_of(meta: dict[str, Any]) -> Ancestor:
    from petloc_gui.core.digits_record import learned_digits
    from petloc_gui.model.training_record import record_from_meta

    record = record_from_meta(meta)
    # an ancestor's record is only matched against (`Lineage.match`: its training images) and asked which images
    # it read (`Lineage.read_hashes`: those and the validation images that chose its epoch, not its report ones);
    # one string per path and hash (sys.intern), so a long chain of fine-tunes of one folder holds each name once
    train = frozenset(sys.intern(p) for p in record.train)
    chose = frozenset(sys.intern(p) for p in record.validation - record.report)
    hashes = {p: sys.intern(record.hashes[p]) for p in train | chose if p in record.hashes}
    slim = replace(record, train=train, validation=chose, test=frozenset(), report=frozenset(), hashes=hashes,
                   train_hashes=frozenset(hashes[p] for p in train if p in hashes))

    return Ancestor(_text(meta.get("version_id")), _text(meta.get("parent")), _text(meta.get("parent_version_id")),
                    slim, learned_digits(meta), _unnamed_parent(meta))


def _text(value: Any) -> str | None:
    """A meta.json id field's value when it is a non-empty string, else None."""
    return value if isinstance(value, str) and value else None


# the bundles this process was given by path, by version id (`remember`)
_FOUND_AT: dict[str, Path] = {}
# what `ancestor_at` kept of each meta.json read, by the file's state: a file rewritten since is read again.
# Bounded: a window open for days walks many chains
MEMO_SIZE = 256
_ANCESTORS: FileMemo[Ancestor] = FileMemo(MEMO_SIZE)
