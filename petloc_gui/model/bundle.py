"""Model bundles: a folder holding ``model.keras`` and ``meta.json``.

`resolve_model` and `read_meta` never import TensorFlow (the GUI lists models
before TensorFlow has loaded); `load_bundle` imports Keras lazily. Bundles
are written to a temporary sibling folder and renamed into place, so a
reader sees the old bundle or the new one, never a half-written one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.folder_rename import rename_folder
from petloc_gui.core.json_record import RecordTooLarge, read_json_record
from petloc_gui.core.paths import resources_dir, user_data_dir
from petloc_gui.core.stale import remove_stale
from petloc_gui.model.bundle_check import MAX_CONFIG_BYTES  # Keras-free, for listing versions too
from petloc_gui.model.untyped import KerasModel

FORMAT_VERSION = 1
MODEL_FILE = "model.keras"
META_FILE = "meta.json"
REFINE_FILE = "refine.keras"  # optional second stage (crop-and-refine), described by meta["refine"]
REFINE_TFLITE = "refine.tflite"
BUNDLED_NAMES = ("pets", "digits")

# model.keras is a zip archive; Keras reads config.json into memory and
# unpacks the weights. Checked from the archive's directory before Keras
# touches it, so a 1 MB file whose config expands to 1 GB fails in
# milliseconds instead of growing the process to gigabytes. Real configs are
# tens of KB (MAX_CONFIG_BYTES); real weights are at most a few hundred MB and barely compress.
MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 10_000
MAX_COMPRESSION_RATIO = 1_000


class BundleError(PetlocError):
    """A model bundle is missing, corrupt, or not what the caller needs."""


@dataclass
class LoadedBundle:
    """A bundle in memory: the Keras model and what meta.json says about it."""

    path: Path
    meta: dict[str, Any]
    model: Any  # keras.Model (typed loosely: this module must not import Keras)
    class_names: list[str]
    input_size: tuple[int, int]  # (width, height)
    preset: str
    refiner: Any = None  # the crop-and-refine second stage (keras.Model) when meta["refine"] names one


def resolve_model(spec: str | os.PathLike[str]) -> Path:
    """The bundle folder for ``"pets"``, ``"digits"``, a bundle folder, or its model.keras/meta.json, or
    a version of the model store by the name `petloc models` lists (``"digits/<id>"``) when no such
    folder is here."""
    text = os.fspath(spec)
    in_store: Path | None = None  # where a "digits/<id>" name was also looked for
    if text in BUNDLED_NAMES:
        path = resources_dir() / "models" / text
    else:
        path = Path(text).expanduser()
        if path.name in (MODEL_FILE, META_FILE) and path.is_file():
            path = path.parent
        if not path.is_absolute() and len(path.parts) == 2:  # maybe a version as `petloc models` names it
            in_store = user_data_dir() / "models" / path
            if not path.exists() and in_store.is_dir():
                path = in_store
    if not path.is_dir():
        elsewhere = f" (nor in the model store: {in_store})" if in_store is not None and path != in_store else ""
        raise BundleError(f"no model bundle here (folder does not exist){elsewhere}", path)
    if not (path / META_FILE).is_file():
        raise BundleError(f"not a model bundle: {META_FILE} is missing", path)
    return path


def read_meta(path: str | os.PathLike[str]) -> dict[str, Any]:
    """meta.json of a bundle (name or path) as a dict; BundleError when unreadable."""
    folder = resolve_model(path)
    meta_path = folder / META_FILE
    try:
        meta = read_json_record(meta_path)
    except RecordTooLarge as exc:
        raise BundleError(f"{META_FILE} is {exc}", meta_path) from exc
    except (OSError, ValueError) as exc:
        raise BundleError(f"cannot read {META_FILE}: {exc}", meta_path) from exc
    if not isinstance(meta, dict):
        raise BundleError(f"{META_FILE} is not a JSON object", meta_path)
    _check_types(meta, meta_path)
    return meta


def trained_label(meta: Mapping[str, Any]) -> str | None:
    """``"breed"`` or ``"default"``: the kind of label (``--label``) a model learned, as its meta.json
    records it (``config.label``, else ``label_source``: "breed (dataset list.txt)" / "VOC object
    name"); None when it says neither. Fine-tuning, refining, a record's look-up of its training
    images and `petloc evaluate`'s hint all read it so."""
    config = meta.get("config")
    label = config.get("label") if isinstance(config, dict) else None
    if label in ("default", "breed"):
        return str(label)
    source = meta.get("label_source")
    if isinstance(source, str) and source:
        return "breed" if source.startswith("breed") else "default"
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_paths(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(p, str) for p in value)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


# (key path, test, what it must be, whether null stands for "absent") of the meta.json values commands
# use as they are: one check when meta.json is read, instead of an AttributeError or TypeError wherever
# one is used. A missing key passes (each user has its default); null passes where its users take it
# for a missing key.
_META_TYPES: tuple[tuple[tuple[str, ...], Any, str, bool], ...] = (
    (("channels",), _is_count, "a positive whole number", False),
    (("refine",), lambda v: isinstance(v, dict), "an object", True),
    (("refine", "model_file"), lambda v: isinstance(v, str), "a string", False),
    (("refine", "margin"), _is_number, "a number", False),
    (("refine", "repass_below"), _is_number, "a number", False),
    (("refine", "passes"), _is_count, "a positive whole number", False),
    (("refine", "flip_tta"), lambda v: isinstance(v, bool), "true or false", False),
    (("splits",), lambda v: isinstance(v, dict), "an object", True),
    (("splits", "train"), _is_paths, "a list of image paths", True),
    (("splits", "validation"), _is_paths, "a list of image paths", True),
    (("splits", "test"), _is_paths, "a list of image paths", True),
    (("validation_split",), lambda v: isinstance(v, dict), "an object", True),
    (("validation_split", "images"), _is_paths, "a list of image paths", True),
    (("test_split",), lambda v: isinstance(v, dict), "an object", True),
    (("test_split", "images"), _is_paths, "a list of image paths", True),
    (("training_data",), lambda v: isinstance(v, dict), "an object", True),
    (("training_data", "root"), lambda v: isinstance(v, str), "a string", True),
    (("training_data", "excluded"), _is_paths, "a list of image paths", True),
    (("training_data", "fingerprint"), lambda v: isinstance(v, str), "a string", True),
    # damaged, core.digits_record.learned_digits reads it as "learned nothing": learned digits pass for held out
    (("training_data", "mnist_digits"), lambda v: _learned_digits_problem(v) is None,
     'an object of "all" or a list of digit indices per split', True),
)


def _learned_digits_problem(value: Any) -> str | None:
    """What a damaged ``training_data.mnist_digits`` (``{split: "all" or indices}``) is; None: not damaged."""
    if not isinstance(value, dict):
        return _json_type(value)
    for split, indices in value.items():
        if isinstance(indices, list):  # type(): a JSON true is no index
            bad = next((i for i in indices if type(i) is not int or i < 0), None)
            if bad is not None:
                what = "a negative number" if type(bad) is int else _json_type(bad)
                return f"an object whose {json.dumps(split)} is a list holding {what}"
        elif indices != "all":  # core.digits_record.ALL: the whole split
            return f"an object whose {json.dumps(split)} is {_json_type(indices)}"
    return None


def _check_types(meta: dict[str, Any], meta_path: Path) -> None:
    """BundleError naming meta.json and the key when a value has the wrong type (a hand-edited file)."""
    for keys, test, what, nullable in _META_TYPES:
        parent: Any = meta
        for key in keys[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or keys[-1] not in parent:
            continue
        value = parent[keys[-1]]
        # refine: false or {} means "no second stage", as a missing key does
        if (value is None and nullable) or (keys == ("refine",) and value in (False, {})):
            continue
        if not test(value):
            found = (_learned_digits_problem(value) or "") if keys[-1] == "mnist_digits" else _json_type(value)
            if isinstance(value, list) and test is _is_paths:  # a list of the wrong things: say what is in it
                found += " holding " + next((_json_type(v) for v in value if not isinstance(v, str)), "strings")
            raise BundleError(f"{'.'.join(keys)} must be {what}, not {found}", meta_path)


def write_meta(folder: str | os.PathLike[str], meta: dict[str, Any]) -> None:
    """Write ``meta`` as the bundle folder's meta.json (sorted keys, atomically)."""
    atomic_write_bytes(Path(folder) / META_FILE, (json.dumps(meta, indent=2, sort_keys=True) + "\n").encode())


def _check_meta(meta: dict[str, Any], folder: Path, expected_preset: str | None) -> None:
    version = meta.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BundleError(
            f"unsupported bundle format version {version!r} (this petloc reads up to {FORMAT_VERSION})",
            folder,
        )
    names = meta.get("class_names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise BundleError("meta.json has no valid class_names list", folder)
    size = meta.get("input_size")
    if not (isinstance(size, list) and len(size) == 2 and all(isinstance(v, int) and v > 0 for v in size)):
        raise BundleError(f"meta.json has an invalid input_size {size!r}", folder)
    if expected_preset is not None and meta.get("preset") != expected_preset:
        raise BundleError(
            f"this bundle is a {meta.get('preset')!r} model, but a {expected_preset!r} model is needed",
            folder,
        )


def load_bundle(spec: str | os.PathLike[str] | LoadedBundle, expected_preset: str | None = None) -> LoadedBundle:
    """Load and check a bundle (format version, preset, class count, input shape)."""
    if isinstance(spec, LoadedBundle):
        if expected_preset is not None and spec.preset != expected_preset:
            raise BundleError(
                f"this bundle is a {spec.preset!r} model, but a {expected_preset!r} model is needed", spec.path
            )
        return spec
    folder = resolve_model(spec)
    meta = read_meta(folder)
    _check_meta(meta, folder, expected_preset)
    model_path = folder / MODEL_FILE
    if not model_path.is_file():
        raise BundleError(f"{MODEL_FILE} is missing", folder)
    check_archive(model_path)
    import keras  # lazy: heavy

    from petloc_gui.model import networks  # noqa: F401 - registers the layers a model file may name (CellBoxes, PeakBox)

    try:
        model = keras.saving.load_model(model_path, compile=False, safe_mode=True)
    except Exception as exc:  # Keras raises many types for a bad file
        raise BundleError(f"{MODEL_FILE} is corrupt or not a Keras model ({type(exc).__name__}: {exc})",
                          model_path) from exc
    names = list(meta["class_names"])
    width, height = (int(v) for v in meta["input_size"])
    channels = int(meta.get("channels", 3))
    try:
        n_out = int(model.outputs[0].shape[-1])
        in_shape = tuple(int(v) for v in model.inputs[0].shape[1:])
    except (AttributeError, IndexError, TypeError) as exc:
        raise BundleError(f"{MODEL_FILE} is not a petloc model (needs one input, class + box outputs)",
                          model_path) from exc
    if len(model.outputs) != 2 or int(model.outputs[1].shape[-1]) != 4:
        raise BundleError(f"{MODEL_FILE} must have 2 outputs (class probabilities, box)", model_path)
    if n_out != len(names):
        raise BundleError(f"model predicts {n_out} classes but meta.json names {len(names)}", folder)
    if in_shape != (height, width, channels):
        raise BundleError(f"model input {in_shape} does not match meta.json ({height}, {width}, {channels})",
                          folder)
    refiner = _load_refiner(folder, meta, keras, len(names))
    return LoadedBundle(folder, meta, model, names, (width, height), str(meta.get("preset")), refiner)


def _load_refiner(folder: Path, meta: dict[str, Any], keras: Any, n_classes: int) -> KerasModel | None:
    """The second-stage model a bundle's meta.json names, or None for a single-stage bundle."""
    refine = meta.get("refine")
    if not refine:
        return None
    name = str(refine.get("model_file", REFINE_FILE))
    if Path(name).name != name or not name.endswith(".keras"):
        raise BundleError(f"meta.json refine names an invalid model file {name!r}", folder)
    path = folder / name
    if not path.is_file():
        raise BundleError(f"{name} (the second stage meta.json names) is missing", path)
    check_archive(path)
    size = refine.get("input_size")
    if not (isinstance(size, list) and len(size) == 2 and all(isinstance(v, int) and v > 0 for v in size)):
        raise BundleError(f"meta.json refine has an invalid input_size {size!r}", folder)
    try:
        refiner = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:  # Keras raises many types for a bad file
        raise BundleError(f"{path.name} is missing or corrupt ({type(exc).__name__}: {exc})", path) from exc
    if len(refiner.outputs) != 2 or int(refiner.outputs[0].shape[-1]) != n_classes:
        raise BundleError(f"{path.name} must have 2 outputs ({n_classes} class probabilities, box)", path)
    if tuple(int(v) for v in refiner.inputs[0].shape[1:3]) != (size[1], size[0]):
        raise BundleError(f"{path.name} input does not match meta.json refine input_size {size}", path)
    return refiner


def check_archive(model_path: Path) -> None:
    """Refuse a model file (model.keras, refine.keras) that is not a zip archive or whose uncompressed
    sizes are implausible (a zip bomb); the message names the file looked at."""
    name = model_path.name
    try:
        with zipfile.ZipFile(model_path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BundleError(f"{name} is not a Keras archive (zip): {exc}", model_path) from exc
    if len(entries) > MAX_ARCHIVE_ENTRIES:
        raise BundleError(f"{name} holds {len(entries)} files; not a Keras model", model_path)
    total = sum(entry.file_size for entry in entries)
    packed = max(1, sum(entry.compress_size for entry in entries))
    config = next((e for e in entries if e.filename == "config.json"), None)
    if config is not None and config.file_size > MAX_CONFIG_BYTES:
        raise BundleError(f"{name}: config.json would expand to {config.file_size:,} bytes "
                          f"(limit {MAX_CONFIG_BYTES:,}); not loaded", model_path)
    if total > MAX_ARCHIVE_BYTES or total > MAX_COMPRESSION_RATIO * packed + MAX_CONFIG_BYTES:
        raise BundleError(f"{name} would expand to {total:,} bytes from {packed:,}; "
                          "not loaded (corrupt or a zip bomb)", model_path)


def save_bundle(model: Any, meta: dict[str, Any], out_dir: str | os.PathLike[str],
                extra_files: Mapping[str, Path] | None = None) -> Path:
    """Write ``model`` + ``meta`` as a bundle at ``out_dir`` (replaced atomically if it exists).

    ``extra_files`` (name in the bundle -> file to copy, a parent's refiner) are copied into the
    temporary folder before it is renamed: a bundle copied into afterwards was visible, and listed
    as a usable single-stage model, while its second stage was still being copied (or when the
    copy failed on a full disk).
    """
    target = Path(out_dir)
    meta = dict(meta)
    meta.setdefault("format_version", FORMAT_VERSION)
    meta.setdefault("created", datetime.now(UTC).isoformat(timespec="seconds"))
    meta.setdefault("version_id", new_version_id(meta.get("preset", "model")))
    try:  # a full disk fails here first: said as a failure to save the bundle, naming its folder
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(target.parent, folders=True, store=False)  # killed saves', a day old (not the store's)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise BundleError(f"cannot save the model bundle: {exc.strerror or exc}", target) from exc
    backup: Path | None = None
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; a bundle is an ordinary folder
        with without_optimizer(model):
            model.save(tmp / MODEL_FILE)
        for name, source in (extra_files or {}).items():
            shutil.copy2(source, tmp / name)
        write_meta(tmp, meta)
        if target.exists():
            backup = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.old"
            rename_folder(target, backup)  # retried: Windows' virus scanner may hold a file in it open
        rename_folder(tmp, target)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if backup is not None and not target.exists():
            rename_folder(backup, target)
        if isinstance(exc, PetlocError):
            raise
        # An OSError's own file name is the temporary folder, or the file copied from (a full disk
        # named the bundled model's refine.keras): the target is the folder to free space for.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise BundleError(f"cannot save the model bundle: {reason}", target) from exc
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
    return target


def _umask() -> int:
    os.umask(current := os.umask(0))  # read by setting it, then put back
    return current


@contextlib.contextmanager
def without_optimizer(model: KerasModel) -> Iterator[KerasModel]:
    """Save without optimizer state (3x smaller file); the model keeps its optimizer."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None:
        yield model
        return
    model.optimizer = None
    try:
        yield model
    finally:
        model.optimizer = optimizer


def new_version_id(preset: str) -> str:
    """A sortable, unique id: ``<preset>-<UTC timestamp>-<random>``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{preset}-{stamp}-{uuid.uuid4().hex[:6]}"


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
