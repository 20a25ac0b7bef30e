"""Whether a bundle's model files can load, as far as a cheap look tells (no TensorFlow).

Listing and choosing models read only meta.json, so a version whose
model.keras was missing, empty or cut short was listed like a healthy one and
even chosen for a folder, which then failed to load every time. The same goes
for a two-stage bundle's second stage (meta.json ``refine``: its
``model_file``, refine.keras by default), which ``bundle.load_bundle`` loads as
well: a retrain copies the parent's. This look (the file is there, not empty,
and a zip archive whose directory reads) costs a directory read, not a model
load; a file that passes it may still fail in Keras (or as a zip bomb:
``bundle.check_archive``), and the loader says so. A network that disagrees
with meta.json (another number of classes, another input size: a meta.json
edited or copied from another run) is found from the archive's config.json
(``disagreement``: about 0.3 ms a version, once per file state), as the loader
would refuse it after seconds of loading. A meta.json lacking what every load needs (format_version,
class_names, input_size) is refused by the loader's own check (`meta_required.meta_problem`).
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.core.file_memo import FileMemo
from petloc_gui.core.json_record import read_json_record
from petloc_gui.core.regular_file import FOLDER, NotRegularFileError, not_regular_kind, open_regular_binary
from petloc_gui.model.meta_required import meta_problem

# bundle.MODEL_FILE, META_FILE and REFINE_FILE; not imported from there: bundle reaches Keras (lazily),
# which the Qt- and TensorFlow-free app layer that chooses models may not import even indirectly
# (import-linter).
MODEL_FILE = "model.keras"
META_FILE = "meta.json"
REFINE_FILE = "refine.keras"
MAX_CONFIG_BYTES = 32 * 1024 * 1024  # bundle imports it (its archive limits): a larger config.json is not read


def model_file_problem(folder: str | os.PathLike[str]) -> str | None:
    """Why the bundle in ``folder`` cannot load its model.keras, its meta.json or the second stage
    that names ("model.keras is missing", "meta.json cannot be read (...)", "meta.json has no
    format_version (damaged?)" (`meta_required`, the loader's own check), "refine.keras (the second
    stage meta.json names) is empty", "model.keras predicts 2 classes but meta.json names 3
    (class_names)", ...), or None when they look loadable."""
    bundle = Path(folder)
    problem = archive_problem(bundle / MODEL_FILE)
    if problem is not None:
        return problem
    facts, problem = _meta_facts(bundle)
    if facts is None or facts.meta_problem is not None:  # no format_version, class_names, input_size: as the loader
        return problem if facts is None else facts.meta_problem
    problem = disagreement(bundle / MODEL_FILE, MODEL_FILE, facts.classes, facts.shape)
    if problem is not None or facts.refine is None:
        return problem or facts.refine_problem
    label = f"{facts.refine} (the second stage meta.json names)"
    return archive_problem(bundle / facts.refine, label) or disagreement(bundle / facts.refine, label, facts.classes)


def meta_preset(folder: str | os.PathLike[str]) -> str | None:
    """The preset the bundle's meta.json names (a string), or None when it names none or cannot be read."""
    facts, _ = _meta_facts(Path(folder))
    return facts.preset if facts is not None else None


def archive_problem(path: Path, name: str | None = None) -> str | None:
    """Why ``path`` is not a loadable-looking Keras archive ("model.keras is missing", "... is empty",
    ...), or None; the message calls the file ``name`` (its own name by default)."""
    name = name or path.name
    try:
        # never a plain open: a named pipe there (a stranger's bundle) held listing the models for ever
        handle = open_regular_binary(path)
    except FileNotFoundError:
        return f"{name} is missing"
    except NotRegularFileError as exc:
        return f"{name} is not a file" if exc.kind == FOLDER else f"{name} is not a regular file ({exc.kind})"
    except OSError as exc:
        return f"{name} cannot be read ({exc.strerror or exc})"
    with handle:
        try:
            if os.fstat(handle.fileno()).st_size == 0:
                return f"{name} is empty"
            with zipfile.ZipFile(handle) as archive:
                archive.infolist()
        except Exception as exc:  # noqa: BLE001 - BadZipFile, and NotImplementedError, EOFError... for a mangled one
            return f"{name} is not a Keras archive (zip): {str(exc) or type(exc).__name__}"
    return None


def disagreement(path: Path, label: str, classes: int | None,
                 shape: tuple[int, int, int] | None = None) -> str | None:
    """Why the network in the Keras archive ``path`` does not fit what meta.json says of it: its
    class output has another number of classes than ``classes`` (meta.json class_names), or its input
    another ``shape`` (height, width, channels), as ``bundle.load_bundle`` would refuse it after
    seconds of loading (a version whose meta.json was edited or copied from another run was listed
    usable, chosen, and failed every load). Read from the archive's config.json (tens of KB,
    remembered per file state), never by loading the model; None when it fits or the config does not
    say (the loader has the last word)."""
    try:
        outputs, inputs = _NETWORK_SHAPES.get(path, _network_shapes)
    except Exception:  # noqa: BLE001 - a config it cannot read says nothing: the loader has the last word
        # _network_shapes checks every value's type, but the archive itself may be hostile too
        # (zlib.error, NotImplementedError for a compression method, RecursionError for deep JSON).
        return None
    if classes is not None and outputs is not None and outputs != classes:
        return f"{label} predicts {outputs} classes but meta.json names {classes} (class_names)"
    if shape is not None and inputs is not None and inputs != shape:
        return (f"{label} takes {inputs[1]}x{inputs[0]} images of {inputs[2]} channels but meta.json says "
                f"{shape[1]}x{shape[0]} of {shape[2]} (input_size, channels)")
    return None


def _network_shapes(path: Path) -> tuple[int | None, tuple[int, int, int] | None]:
    """(classes of the first output, (height, width, channels) of the first input) from the config.json
    of a Keras archive: each None when the config does not say it plainly (a Dense layer's units, an
    InputLayer's batch_shape). Every value's type is checked before use: config.json is untrusted (a
    list at the top, a layer's config a string, a layer name a list raised out of listing the versions,
    hiding the good ones)."""
    with zipfile.ZipFile(path) as archive:
        if archive.getinfo("config.json").file_size > MAX_CONFIG_BYTES:
            return None, None
        top = json.loads(archive.read("config.json"))
    config = _dict(top).get("config")
    if not isinstance(config, dict):
        return None, None
    layers: dict[str, dict[str, Any]] = {}
    for layer in _list(config.get("layers")):
        if isinstance(layer, dict):
            name = layer.get("name") or _dict(layer.get("config")).get("name")
            if isinstance(name, str):
                layers[name] = layer
    return _units(layers, config.get("output_layers")), _batch_shape(layers, config.get("input_layers"))


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _first_name(refs: Any) -> str | None:
    """The layer name of the first of a config's ``output_layers``/``input_layers`` (a list of
    [name, 0, 0], or one such list); None when it is not a string there."""
    if isinstance(refs, list) and refs and isinstance(refs[0], list):
        refs = refs[0]
    name = refs[0] if isinstance(refs, list) and refs else None
    return name if isinstance(name, str) else None


def _layer_config(layers: dict[str, dict[str, Any]], refs: Any, class_name: str) -> dict[str, Any]:
    """The ``config`` of the layer ``refs`` names when it is a ``class_name`` layer, else {}."""
    name = _first_name(refs)
    layer = layers.get(name, {}) if name is not None else {}
    return _dict(layer.get("config")) if layer.get("class_name") == class_name else {}


def _units(layers: dict[str, dict[str, Any]], refs: Any) -> int | None:
    units = _layer_config(layers, refs, "Dense").get("units")
    return units if whole(units) else None


def _batch_shape(layers: dict[str, dict[str, Any]], refs: Any) -> tuple[int, int, int] | None:
    config = _layer_config(layers, refs, "InputLayer")
    shape = config.get("batch_shape") or config.get("batch_input_shape")
    if isinstance(shape, list) and len(shape) == 4 and all(whole(v) for v in shape[1:]):
        return shape[1], shape[2], shape[3]
    return None


@dataclass(frozen=True)
class _Facts:
    """What listing needs from a meta.json (read once per file state: a digits one is ~1 MB)."""

    preset: str | None
    classes: int | None  # len(class_names), None when it is no list
    shape: tuple[int, int, int] | None  # (height, width, channels) from input_size and channels
    refine: str | None  # the second stage's file
    refine_problem: str | None  # why meta.json's refine names none it could load
    meta_problem: str | None  # why no model loads from it (`meta_required.meta_problem`: a key missing, ...)


def _meta_facts(folder: Path) -> tuple[_Facts | None, str | None]:
    """``(facts, None)`` of the bundle's meta.json, or ``(None, why)`` when it is missing, unreadable
    or no JSON object (a bundled model in that state was still chosen for a folder).

    Remembered per file state: listing and choosing look at every version each time a folder opens."""
    kind = not_regular_kind(folder / META_FILE)  # a named pipe's read waits for ever for a writer
    if kind is not None and kind != FOLDER:
        return None, f"meta.json is not a regular file ({kind})"
    try:
        return _META_FACTS.get(folder / META_FILE, _facts_in)
    except FileNotFoundError:
        return None, "meta.json is missing"
    except (OSError, ValueError, RecursionError) as exc:  # not remembered: a file being written is read again
        return None, f"meta.json cannot be read ({getattr(exc, 'strerror', None) or exc})"


def _facts_in(path: Path) -> tuple[_Facts | None, str | None]:
    meta = read_json_record(path)
    if not isinstance(meta, dict):
        return None, "meta.json is not a JSON object"
    preset, names, size, channels = (meta.get(k) for k in ("preset", "class_names", "input_size", "channels"))
    shape: tuple[int, int, int] | None = None
    if isinstance(size, list) and len(size) == 2 and all(whole(v) for v in size):
        shape = (int(size[1]), int(size[0]), channels if isinstance(channels, int) and whole(channels) else 3)
    refine, problem = refine_file(meta.get("refine"))
    return _Facts(preset if isinstance(preset, str) else None, len(names) if isinstance(names, list) else None,
                  shape, refine, problem, meta_problem(meta)), None


def whole(value: Any) -> bool:
    """A whole number above 0 as JSON gives it (an int, not a bool: a JSON true is no count or size)."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def refine_file(refine: Any) -> tuple[str | None, str | None]:
    """(the second stage's file, why it cannot be) as ``bundle.load_bundle`` reads meta.json's ``refine``
    (false, null or {}: no second stage): a bare name ending .keras, in the bundle's folder."""
    if not refine:
        return None, None
    if not isinstance(refine, dict):
        return None, "meta.json: refine must be an object"
    name = refine.get("model_file", REFINE_FILE)
    if not isinstance(name, str):
        return None, "meta.json: refine.model_file must be a string"
    if Path(name).name != name or not name.endswith(".keras"):
        return None, f"meta.json refine names an invalid model file {name!r}"
    return name, None


_NETWORK_SHAPES: FileMemo[tuple[int | None, tuple[int, int, int] | None]] = FileMemo()
_META_FACTS: FileMemo[tuple[_Facts | None, str | None]] = FileMemo()
