"""Model bundles: a folder holding ``model.keras`` and ``meta.json``.

`resolve_model` and `read_meta` never import TensorFlow (the GUI lists models
before TensorFlow has loaded); `load_bundle` imports Keras lazily. Bundles are
written by `model.bundle_write` (atomically: a reader sees the old bundle or the
new one, never a half-written one); meta.json's value types are checked by
`model.meta_types` as it is read.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.json_record import RecordTooLarge, read_json_record
from petloc_gui.core.paths import resources_dir, user_data_dir
from petloc_gui.core.regular_file import FOLDER, NotRegularFileError, not_regular_kind, open_regular_binary
from petloc_gui.model.bundle_check import MAX_CONFIG_BYTES, whole  # Keras-free, for listing versions too
from petloc_gui.model.meta_required import FORMAT_VERSION as FORMAT_VERSION  # (bundle_write takes it from here)
from petloc_gui.model.meta_required import meta_problem
from petloc_gui.model.meta_types import meta_type_problem
from petloc_gui.model.untyped import KerasModel

MODEL_FILE = "model.keras"
META_FILE = "meta.json"
REFINE_FILE = "refine.keras"  # optional second stage (crop-and-refine), described by meta["refine"]
REFINE_TFLITE = "refine.tflite"
TFLITE_FILE = "model.tflite"  # export.TFLITE_FILENAME (export reaches further than this module may at import)
BUNDLED_NAMES = ("pets", "digits")

# model.keras is a zip archive; Keras reads config.json into memory and
# unpacks the weights. Checked from the archive's directory before Keras
# touches it, so a 1 MB file whose config expands to 1 GB fails in
# milliseconds instead of growing the process to gigabytes. Real configs are
# tens of KB (MAX_CONFIG_BYTES); real weights are at most a few hundred MB and barely compress.
# Each entry is held to its own ratio: one taken over the whole archive (1000 before) let a 4.8 MB file whose
# weights entry was the real weights and 3.8 GB of zeros through, and Keras read it whole (8 GB at its peak).
# Keras stores its entries uncompressed; deflated (a zip tool), the shipped weights shrink 1.1-1.3x and their
# configs 12-30x. Weights that are mostly zeros (a kernel left at its zero initialiser, a pruned one) deflate far
# more: a 4096x4096 zero kernel 1016x, a 99%-pruned one 77x, and such a model.keras re-zipped was refused, while
# Keras loads it. So a weights entry may also expand WEIGHTS_ALLOWANCE_BYTES past its ratio, once over the whole
# archive too (the total against the file's size): a few hundred MB at most, where the 3.8 GB bomb is still refused.
MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 10_000
MAX_WEIGHTS_RATIO = 20  # any entry but JSON: weights (.h5), assets
MAX_JSON_RATIO = 200  # config.json, metadata.json
ENTRY_SLACK_BYTES = 1024 * 1024  # a JSON entry this small expands to nothing that matters, whatever its ratio
WEIGHTS_ALLOWANCE_BYTES = 256 * 1024 * 1024  # what zeros may add to a weights entry (JSON holds no runs of zeros)


class BundleError(PetlocError):
    """A model bundle is missing, corrupt, or not what the caller needs."""


@dataclass
class LoadedBundle:
    """A bundle in memory: the Keras model and what meta.json says about it."""

    path: Path
    meta: dict[str, Any]
    # keras.Model (typed loosely: this module must not import Keras); None for a bundle whose .tflite files
    # run without it (`lite_bundle`)
    model: Any
    class_names: list[str]
    input_size: tuple[int, int]  # (width, height)
    preset: str
    refiner: Any = None  # the crop-and-refine second stage (keras.Model) when meta["refine"] names one


def resolve_model(spec: str | os.PathLike[str]) -> Path:
    """The bundle folder for ``"pets"``, ``"digits"``, a bundle folder, or its model.keras/meta.json, or
    a version of the model store by the name `petloc models` lists (``"digits/<id>"``) when no such
    folder is here. A folder is given as an absolute path: only a bundled model is named by the bare name
    (a ``Path("digits")`` is that name too: the command line gives strings, "./digits" a folder)."""
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
    if path.exists() and not path.is_dir():
        raise BundleError(_file_not_bundle(path), path)
    if not path.is_dir():
        elsewhere = f" (nor in the model store: {in_store})" if in_store is not None and path != in_store else ""
        raise BundleError(f"no model bundle here (folder does not exist){elsewhere}", path)
    _refuse_not_regular(path, META_FILE)  # a named pipe there was "meta.json is missing"
    if not (path / META_FILE).is_file():
        raise BundleError(f"not a model bundle: {META_FILE} is missing", path)
    # Absolute: "./digits" as Path("digits") has the str() "digits", the bundled name, and a caller passing it
    # on (read_meta, load_bundle) got the bundled model. absolute(), not resolve(): a symbolic link stays as given.
    return path if text in BUNDLED_NAMES else path.absolute()


def _file_not_bundle(path: Path) -> str:
    """Why a file given as a model is refused: "folder does not exist" was said of a file that is there."""
    reason = "is a file, not a model bundle: a model is given as the bundle folder (with meta.json)"
    if path.suffix.lower() in (".tflite", ".keras"):
        # an exported .tflite (or a model.keras copied out) has no meta.json: no classes, input size, box rule
        reason += (f"; petloc loads the bundle folder `petloc train` wrote, not its {path.suffix.lower()} file "
                   "(an exported .tflite is for serving)")
    return reason


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
    problem = meta_type_problem(meta)  # a hand-edited file: named here, not a TypeError where it is used
    if problem is not None:
        raise BundleError(problem, meta_path)
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


def _check_meta(meta: dict[str, Any], folder: Path, expected_preset: str | None) -> None:
    problem = meta_problem(meta)  # as listing the store says it (`bundle_check.model_file_problem`)
    if problem is not None:
        raise BundleError(problem, folder)
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
    for name in (MODEL_FILE, TFLITE_FILE, REFINE_TFLITE):  # the runners read the .tflite files beside it
        _refuse_not_regular(folder, name)
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
    _refuse_not_regular(folder, name)
    if not path.is_file():
        raise BundleError(f"{name} (the second stage meta.json names) is missing", path)
    check_archive(path)
    size = refine_input_size(refine, folder)
    try:
        refiner = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:  # Keras raises many types for a bad file
        raise BundleError(f"{path.name} is missing or corrupt ({type(exc).__name__}: {exc})", path) from exc
    if len(refiner.outputs) != 2 or int(refiner.outputs[0].shape[-1]) != n_classes:
        raise BundleError(f"{path.name} must have 2 outputs ({n_classes} class probabilities, box)", path)
    if tuple(int(v) for v in refiner.inputs[0].shape[1:3]) != (size[1], size[0]):
        raise BundleError(f"{path.name} input does not match meta.json refine input_size {list(size)}", path)
    return refiner


def refine_input_size(refine: Mapping[str, Any], folder: Path) -> tuple[int, int]:
    """(width, height) of the second stage, from meta.json's ``refine``; BundleError unless two positive whole
    numbers. The Keras load and the LiteRT one (`lite_bundle`) both ask here: LiteRT took ["192", "192"]
    and [192.0, 192.0] with int(), so the window ran a bundle every command refused."""
    size = refine.get("input_size")
    if not (isinstance(size, list) and len(size) == 2
            and all(whole(v) for v in size)):  # true is no size
        raise BundleError(f"meta.json refine has an invalid input_size {size!r}", folder)
    return size[0], size[1]


def _refuse_not_regular(folder: Path, name: str) -> None:
    """BundleError where the bundle's file ``name`` is there and no regular file (a folder excepted: its
    reader says so). A bundle from a stranger may hold a named pipe (an open waits for ever for a writer) or a
    link to /dev/zero (never ends): every load waited, "Loading model..." with no word."""
    kind = not_regular_kind(folder / name)
    if kind is not None and kind != FOLDER:
        raise BundleError(f"{name} is not a regular file ({kind})", folder / name)


def check_archive(model_path: Path) -> None:
    """Refuse a model file (model.keras, refine.keras) that is not a zip archive or whose uncompressed
    sizes are implausible (a zip bomb); the message names the file looked at."""
    name = model_path.name
    try:
        with open_regular_binary(model_path) as handle, zipfile.ZipFile(handle) as archive:
            entries = archive.infolist()
            on_disk = os.fstat(handle.fileno()).st_size
    except NotRegularFileError as exc:
        raise BundleError(f"{name} is not a regular file ({exc.kind})", model_path) from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BundleError(f"{name} is not a Keras archive (zip): {exc}", model_path) from exc
    if len(entries) > MAX_ARCHIVE_ENTRIES:
        raise BundleError(f"{name} holds {len(entries)} files; not a Keras model", model_path)
    total = sum(entry.file_size for entry in entries)
    config = next((e for e in entries if e.filename == "config.json"), None)
    if config is not None and config.file_size > MAX_CONFIG_BYTES:
        raise BundleError(f"{name}: config.json would expand to {config.file_size:,} bytes "
                          f"(limit {MAX_CONFIG_BYTES:,}); not loaded", model_path)
    for entry in entries:
        is_json = entry.filename.endswith(".json")
        ratio, slack = (MAX_JSON_RATIO, ENTRY_SLACK_BYTES) if is_json else (MAX_WEIGHTS_RATIO, WEIGHTS_ALLOWANCE_BYTES)
        if entry.file_size > ratio * entry.compress_size + slack:
            raise BundleError(f"{name}: {entry.filename} would expand to {entry.file_size:,} bytes from "
                              f"{entry.compress_size:,}; not loaded (corrupt or a zip bomb)", model_path)
    # against the file's own size: the sizes in the archive's directory are the archive's word
    if total > MAX_ARCHIVE_BYTES or total > MAX_WEIGHTS_RATIO * on_disk + MAX_CONFIG_BYTES + WEIGHTS_ALLOWANCE_BYTES:
        raise BundleError(f"{name} would expand to {total:,} bytes from {on_disk:,}; "
                          "not loaded (corrupt or a zip bomb)", model_path)


def sha256_and_size(path: str | os.PathLike[str]) -> tuple[str, int]:
    """The file's sha256 and the number of bytes it was taken on, from one read (in 1 MiB chunks); raises OSError,
    NotRegularFileError (an OSError) for a named pipe or a device, never waiting on it (a stranger's model.keras
    as a pipe, or linked to /dev/zero, held every load)."""
    digest, size = hashlib.sha256(), 0
    with open_regular_binary(path) as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def file_sha256(path: str | os.PathLike[str]) -> str:
    return sha256_and_size(path)[0]


def sha256_or_none(path: str | os.PathLike[str] | None) -> str | None:
    """The file's sha256; None when there is none or it cannot be read (meta.json then says so)."""
    if path is None:
        return None
    try:
        return file_sha256(path)
    except OSError:
        return None
