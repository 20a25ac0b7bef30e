"""The store of trained model versions (no Qt, no TensorFlow).

Every retrained model is kept as a version: a bundle folder at ``user_data_dir()/"models"/<preset>/<version-id>/``
with a ``version.json`` next to the bundle's own ``meta.json``. ``version.json`` records the parent model, the
fingerprint of the training data, the metrics and when it was made.

Training writes into a staging folder (``<preset>/.staging-*``) inside the same directory;
:meth:`VersionStore.commit` turns it into a version with one atomic rename, so a crash, a cancel or a full disk
never leaves a half-written version behind.

The window commits a run's version before the user chooses Use or Discard (the comparison needs it on disk); its
``version.json`` then says ``"decided": false``, and ``"asked_by"`` the window that asks
(`core.abandoned_folders.writer_tag`), until the choice is made (`mark_decided`), so a version whose window was
killed before it is listed "not kept or discarded yet" at the next start, not as an ordinary one. A record without
the key (every older store) reads as decided.
"""

from __future__ import annotations

import builtins
import json
import re
import shutil
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from petloc_gui.core import in_use_marks
from petloc_gui.core.abandoned_folders import writer_tag
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import SaveError
from petloc_gui.core.folder_rename import rename_folder
from petloc_gui.core.paths import resources_dir, user_data_dir
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.store_leftovers import (
    STAGING_PREFIX,
    remove_ended_staging,
    staging_name,
    sweep_day_old,
    trash_name,
)
from petloc_gui.model.store_spelling import StoreSpelling
from petloc_gui.model.version_id import new_version_id
from petloc_gui.model.version_record import (
    PRESET_PATTERN,
    damaged_record_note,
    info_from_meta,
    preset_of,
    read_json,
    read_record,
)

VERSION_FILE = "version.json"
# What the training worker leaves in the staging folder for commit() to read.
RECORD_FILE = "train_record.json"
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")
DECIDED_KEY = "decided"  # in version.json: false until the user chooses for the window's new version
ASKED_BY_KEY = "asked_by"  # beside it: the window that asks (its writer_tag), so a start tells it ended or running
UNDECIDED_NOTE = ("not kept or discarded yet: its training run finished, but neither Use nor Discard was chosen (the "
                  "window that trained it closed first, or still asks); picking it in Model → Versions keeps it, "
                  "Model → Versions → Delete versions… (or petloc models --delete) discards it")
BUNDLED_NAMES = ("pets", "digits")  # bundle.BUNDLED_NAMES (bundle reaches Keras: not imported here)


class VersionError(Exception):
    """A version is missing, unreadable, or a staging folder cannot be committed."""


@dataclass(frozen=True)
class Version:
    """One trained model kept in the store."""

    id: str
    path: Path
    preset: str
    parent: str | None
    created: str  # ISO 8601, UTC; "" when the record gives no string (`petloc models --json`: null)
    metrics: dict[str, Any] = field(default_factory=dict)
    data_fingerprint: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # What is wrong with how the version is stored, though its model can be used (a damaged
    # version.json): `petloc models` and Model -> Versions show these beside it.
    notes: tuple[str, ...] = ()
    record_file: str = "version.json"  # where created/parent/metrics come from: VERSION_FILE or "meta.json"
    # version.json says "decided": false: its run finished, and neither Use nor Discard (nor Keep on quitting)
    # was chosen for it yet; UNDECIDED_NOTE is among its notes.
    undecided: bool = False
    asked_by: str | None = None  # an undecided one's asking window (`writer_tag`); None in an older record


class VersionInUse(VersionError):  # noqa: N818 - reads as what it is
    """`VersionStore.discard` kept it: ``users`` use it (folders whose model it is), or ``why`` none can be told."""

    def __init__(self, version: Version, users: Sequence[str] = (), why: str = "") -> None:
        self.version, self.users, self.why = version, tuple(users), why
        super().__init__(why or f"model version {version.id} is used by {', '.join(self.users)}")


class VersionStore:
    """Versions of trained models under ``root/<preset>/<version-id>/``."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else user_data_dir() / "models"
        # Its resolved root and folder listings, kept while the store is: `petloc models` and the Versions menu
        # name every version through one store, and looking again for each was a listing per version.
        self._spelling = StoreSpelling(self.root)

    # -- reading --------------------------------------------------------
    def list(self, preset: str | None = None) -> builtins.list[Version]:
        """The usable versions (of one preset, or all), oldest first: those `scan` does not leave out."""
        return self.scan(preset)[0]

    def scan(self, preset: str | None = None) -> tuple[builtins.list[Version], builtins.list[tuple[Path, str]]]:
        """``(versions, left out)``: the usable versions (of one preset, or all), oldest first, and
        the version folders that cannot be read or used, each with why (one never hides the others).

        A version whose model.keras is missing, empty or not a zip archive is left out (it would be
        chosen for a folder, then fail to load); the look is cheap (``bundle_check``)."""
        versions: list[Version] = []
        left_out: list[tuple[Path, str]] = []
        # Every preset folder even for one preset: a version's preset is its meta.json's, and a digits
        # version copied into pets/ is a digits one.
        for name in self._presets():
            folder = self.root / name
            if not folder.is_dir():
                continue
            for child in sorted(folder.iterdir()):
                try:
                    if child.name.startswith(".") or not child.is_dir():
                        continue
                    version = self._read(child)
                    problem = model_file_problem(child) if version is not None else None
                except Exception as exc:  # noqa: BLE001 - one odd version never hides the others: listed, with why
                    left_out.append((child, f"unreadable: {str(exc) or type(exc).__name__}"))
                    continue
                if preset and (version.preset if version is not None and problem is None else name) != preset:
                    continue
                if problem is not None:
                    left_out.append((child, problem))
                elif version is not None:
                    versions.append(version)
                elif not (child / "meta.json").is_file():
                    left_out.append((child, "no meta.json: not a model bundle"))
                else:
                    left_out.append((child, "meta.json cannot be read or is not a JSON object"))
        versions.sort(key=lambda v: (v.created, v.id))
        return versions, left_out

    def get(self, version_id: str) -> Version:
        """The version with this id; raises VersionError when there is none."""
        if not _ID_PATTERN.match(version_id or ""):
            raise VersionError(f"not a version id: {version_id!r}")
        for name in self._presets():
            version = self._read(self.root / name / version_id)
            if version is not None:
                return version
        raise VersionError(f"no model version {version_id} in {self.root}")

    def latest(self, preset: str) -> Version | None:
        """The newest version of a preset, or None."""
        versions = self.list(preset)
        return versions[-1] if versions else None

    def store_part(self, folder: Path) -> Path | None:
        """``folder`` (resolved) as ``<preset>/<id>`` spelled as this store lists it, or None outside it (the
        store's one `StoreSpelling`, its listings kept for the store's life)."""
        return self._spelling.store_part(folder)

    def model_name(self, recorded: str | None) -> str | None:
        """The name `petloc models` lists, and ``--model``/``--init-from`` take, for a model a record names
        (a version's parent): ``"pets"``/``"digits"`` for a bundled model, ``"<preset folder>/<id>"`` for
        a version in this store; None when it names none here (gone, elsewhere, or no model).

        Records name a parent three ways: the window's version.json by the path of the model it used
        (or ``"pets"``), `petloc train`'s meta.json by the parent's version id (or ``"pets"``)."""
        if not recorded:
            return None
        if recorded in BUNDLED_NAMES:
            return recorded
        path = Path(recorded).expanduser()
        try:
            if path.is_absolute():
                resolved = path.resolve()
                bundled = next((name for name in BUNDLED_NAMES
                                if resolved == (resources_dir() / "models" / name).resolve()), None)
                if bundled is not None or (within := self._spelling.store_part(resolved)) is None:
                    return bundled
                moved = self.moved(resolved)  # filed in its preset's folder since, as a note told
                path = within if moved is None else moved.relative_to(self.root)
            elif len(path.parts) == 1 and _ID_PATTERN.match(recorded):  # a version id: its preset's folder
                path = next((Path(name, recorded) for name in self._presets()
                             if (self.root / name / recorded / "meta.json").is_file()), path)
            if len(path.parts) == 2 and not path.name.startswith(".") and (self.root / path / "meta.json").is_file():
                return path.as_posix()
        except (OSError, ValueError):
            pass
        return None

    def moved(self, path: Path | str) -> Path | None:
        """Where the version once at ``path`` (a version folder of this store that is gone) is now: the
        folder of the same id in another preset folder, when exactly one there is a bundle. A version
        filed in another preset's folder is noted "move it to <root>/<preset>"; records that named it by
        its old path (a folder's remembered model, a child's parent) must still find it."""
        try:
            folder = Path(path).resolve()
            if not self._spelling.in_store(folder) or folder.exists() or not _ID_PATTERN.match(folder.name):
                return None
            found = [self.root / name / folder.name for name in self._presets()
                     if (self.root / name / folder.name / "meta.json").is_file()]
        except (OSError, ValueError):
            return None
        return found[0] if len(found) == 1 else None

    def find_by_path(self, path: Path | str) -> Version | None:
        """The version stored at this folder, if it is one of ours."""
        try:
            resolved = Path(path).resolve()
        except OSError:
            return None
        part = self._spelling.store_part(resolved)  # as the store spells it: a version of it in another spelling
        return None if part is None else self._read(self._spelling.real_root / part)  # the path the store lists

    # -- writing --------------------------------------------------------
    def new_staging_dir(self, preset: str) -> Path:
        """A fresh empty folder to train into; same filesystem as the versions."""
        _check_preset(preset)
        folder = self.root / preset
        folder.mkdir(parents=True, exist_ok=True)
        sweep_day_old(folder)
        staging = folder / staging_name()  # names this process: the next start removes it once it has ended
        staging.mkdir()
        return staging

    def commit(self, staging_dir: Path | str, *, decided: bool = True, **extra: Any) -> Version:
        """Register a finished staging folder as a version (one atomic rename).

        The folder must hold a bundle (``meta.json``). The training record
        (``train_record.json``: parent, data fingerprint, metrics...) is read
        when present; keyword arguments override its fields. ``decided`` False:
        the user is yet to choose Use or Discard for it (`mark_decided` when done);
        its version.json says so from the rename on, so a window killed before the
        choice leaves it "not kept or discarded yet", never an ordinary version.
        """
        staging = Path(staging_dir)
        if not staging.is_dir() or not staging.name.startswith(STAGING_PREFIX):
            raise VersionError(f"{staging} is not a staging folder of this store")
        if not (staging / "meta.json").is_file():
            raise VersionError(f"{staging} holds no trained bundle (meta.json is missing)")
        preset = staging.parent.name
        record = read_json(staging / RECORD_FILE) or {}
        record.update(extra)
        meta = read_json(staging / "meta.json") or {}
        # The bundle's own id when it has a usable one, so CLI and GUI runs name folders alike.
        version_id = str(meta.get("version_id") or "")
        if not _ID_PATTERN.match(version_id) or (staging.parent / version_id).exists():
            version_id = new_version_id(preset)
        info = {
            "id": version_id,
            "preset": preset,
            "parent": record.pop("parent", None),
            "created": datetime.now(UTC).isoformat(timespec="microseconds"),
            "metrics": record.pop("metrics", None) or {},
            "data_fingerprint": record.pop("data_fingerprint", None),
            "extra": record,
            **({} if decided else {DECIDED_KEY: False, ASKED_BY_KEY: writer_tag()}),  # this window asks
        }
        target = staging.parent / version_id
        try:
            atomic_write_bytes(staging / VERSION_FILE, json.dumps(info, indent=2).encode("utf-8"))
            rename_folder(staging, target)  # retried: Windows' virus scanner may hold a file just written
        except (OSError, SaveError) as exc:
            raise VersionError(f"could not register the new model version: {exc}") from exc
        version = self._read(target)
        if version is None:  # pragma: no cover - we just wrote it
            raise VersionError(f"could not read back {target}")
        return version

    def mark_decided(self, version: Version) -> None:
        """Record that the user chose for ``version`` (Use, Keep on quitting, a pick in Model → Versions, a Discard
        that kept it): its version.json loses ``"decided": false`` and ``"asked_by"``, rewritten atomically as
        `commit` writes it. Nothing to do for a version decided already or without a readable version.json;
        VersionError when it cannot be written."""
        path = version.path / VERSION_FILE
        info, problem = read_record(path)
        if problem is not None or info.get(DECIDED_KEY) is not False:
            return
        del info[DECIDED_KEY]
        info.pop(ASKED_BY_KEY, None)
        try:
            atomic_write_bytes(path, json.dumps(info, indent=2).encode("utf-8"))
        except (OSError, SaveError) as exc:
            raise VersionError(f"could not record the choice made for {version.id}: {exc}") from exc

    def discard(self, version_id: str | Path,
                users: Callable[[Version], AbstractContextManager[Sequence[str]]] | None = None) -> None:
        """Delete a version, by its id or its folder (an id in two preset folders: the one meant), renamed away
        first, so it vanishes atomically. ``users`` (`app.version_users`), held around the rename, says who uses
        it then: any (or `VersionInUse` from it), and it is kept: `VersionInUse`. A running window's mark found in
        the folder once renamed away (`core.in_use_marks`) keeps it too, put back: `VersionInUse` names them."""
        version = self.get(version_id) if isinstance(version_id, str) else self.find_by_path(version_id)
        if version is None:
            raise VersionError(f"no model version at {version_id}")
        trash = version.path.parent / trash_name(version.id)
        with users(version) if users is not None else nullcontext(()) as using:
            if using:
                raise VersionInUse(version, using)
            rename_folder(version.path, trash)
            # Looked again: marks are not made under the lock ``users`` holds (a window would wait for it at each
            # model switch), so a window could mark the version after that look. One marked before the rename is
            # in the folder now; one tried after it fails (`in_use_marks.mark` makes its file in the old path).
            # A window starting meanwhile puts a trash folder with a live mark back (`store_leftovers.sweep_day_old`),
            # before this look (which then lists nothing: looked at where it is) or after it: asked after the look.
            windows = in_use_marks.said(in_use_marks.users(trash))
            if not trash.exists() and version.path.is_dir():
                raise VersionInUse(version, using, why=windows or in_use_marks.said(in_use_marks.users(version.path))
                                   or "a petloc window starting found it in use and put it back")
            if windows:
                try:
                    rename_folder(trash, version.path)
                except OSError as exc:
                    if not trash.exists() and version.path.is_dir():  # that start put it back first: kept
                        raise VersionInUse(version, using, why=windows) from None
                    raise VersionError(f"model version {version.id} is in use ({windows}) but could not be put "
                                       f"back from {trash}: {exc.strerror or exc}") from exc
                raise VersionInUse(version, using, why=windows)
        shutil.rmtree(trash, ignore_errors=True)

    def remove_staging(self, staging_dir: Path | str) -> None:
        """Delete an abandoned staging folder (cancel, crash, error)."""
        staging = Path(staging_dir)
        if staging.name.startswith(STAGING_PREFIX) and staging.is_dir():
            shutil.rmtree(staging, ignore_errors=True)

    # -- internals ------------------------------------------------------
    def _presets(self) -> builtins.list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def _read(self, folder: Path) -> Version | None:
        if not (folder / "meta.json").is_file():
            return None
        notes: list[str] = []
        record_file = VERSION_FILE
        if (folder / VERSION_FILE).exists():
            info, problem = read_record(folder / VERSION_FILE)
            if problem is not None:
                # The model and meta.json still load (`petloc evaluate`/`predict` use it): listed usable,
                # from meta.json, with what is lost; before, it was unavailable and its children, whose
                # meta.json names it, lost their parent (`get` found nothing).
                info, record_file = info_from_meta(folder), "meta.json"
                notes.append(damaged_record_note(problem, info))
        else:
            info, record_file = info_from_meta(folder), "meta.json"  # a bundle trained by `petloc train`
        if not isinstance(info, dict):
            return None
        preset = preset_of(folder, notes)
        undecided = record_file == VERSION_FILE and info.get(DECIDED_KEY) is False  # no key: an older, decided one
        if undecided:
            notes.insert(0, UNDECIDED_NOTE)  # first: the menu's entry shows its first note
        asked_by = info.get(ASKED_BY_KEY) if undecided else None
        metrics = info.get("metrics")
        extra = info.get("extra")
        created, parent, fingerprint = info.get("created"), info.get("parent"), info.get("data_fingerprint")
        # The id is the folder's (where the version is), never what version.json says (a copy named a
        # second "good"); the preset is the bundle's own (meta.json, as the loader reads it), never
        # version.json's (that made a digits version a pets one that Retrain trained with the pets recipe).
        return Version(
            id=folder.name,
            path=folder,
            preset=preset,
            parent=parent if isinstance(parent, str) else None,
            created=created if isinstance(created, str) else "",
            metrics=metrics if isinstance(metrics, dict) else {},
            data_fingerprint=fingerprint if isinstance(fingerprint, str) else None,
            extra=extra if isinstance(extra, dict) else {},
            notes=tuple(notes),
            record_file=record_file,
            undecided=undecided,
            asked_by=asked_by if isinstance(asked_by, str) else None,
        )

    def sweep_stale(self, also: Callable[[Path], builtins.list[Path]] = lambda folder: []) -> builtins.list[Path]:
        """Remove leftovers of killed runs in every preset folder (called at start-up): first what ``also`` removes
        there (the app: `bundle_write.remove_aborted_writes`, which reaches Keras), then the staging folders of
        windows that have ended, then what is a day old (`model.store_leftovers`). Returns what was removed."""
        removed: list[Path] = []
        for name in self._presets():
            removed += also(self.root / name) + remove_ended_staging(self.root / name)
            removed += sweep_day_old(self.root / name)
        return removed


def _check_preset(preset: str) -> None:
    if not preset or not PRESET_PATTERN.match(preset) or preset.startswith("."):
        raise VersionError(f"not a usable preset name: {preset!r}")
