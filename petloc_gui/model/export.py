"""Export a petloc model for serving: TensorFlow SavedModel (TF Serving) and TFLite.

Both formats take what the Keras model takes: RGB at the model's input size
(preprocessing is a layer inside the model). The outputs are ``probabilities``
(N x C, softmax) and ``box`` (N x 4, normalised ``[xmin, ymin, xmax, ymax]`` of
the input image) as `petloc predict` gives them: the network's raw box (its head
has no clip) clipped to [0, 1] with its corners sorted (`box_rule`), inside the
exported graph. Only the flatbuffers petloc runs itself (a bundle's
``model.tflite`` and ``refine.tflite``, `tflite_bytes` by default) keep the raw
box, as the Keras model gives it: its runners are checked against that, and the
refiner's crop is worked out from it.

SavedModel signatures:

- ``serving_default``: ``images`` uint8 [None, H, W, C], already resized to the
  model's input size -> ``{"probabilities", "box"}`` (plus ``label``, a string
  per image, when class names are known).
- ``serve_float``: ``images`` float32 [None, H, W, C] with values 0..255, same
  outputs.

With class names known, the SavedModel also holds them in class index order (the
order of ``probabilities``) where a client finds them without calling a signature:
the tracked asset ``assets/labels.txt`` (UTF-8, one per line, as the TFLite names
file; ``loaded.labels_file.asset_path``) and the function ``loaded.class_names()``
(not a signature: TF Serving's contract stays the two above).

The TFLite file has the one signature ``serve_float`` with outputs ``box`` and
``probabilities`` only: a flatbuffer holds no strings, so there is no ``label``
output and the class names go to a text file beside it (`labels_path`). Its
input is allocated for batch 1 (``resize_tensor_input`` takes another; the
signature runner resizes itself), and by position output 0 is ``box``, 1 is
``probabilities`` (the converter orders them by name; the tensor names are
meaningless ``StatefulPartitionedCall:N``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.disk_same import same_folder
from petloc_gui.core.errors import SaveError
from petloc_gui.core.stale import remove_stale
from petloc_gui.model.box_rule import predicted_boxes
from petloc_gui.model.export_description import SAVED_MODEL_SIGNATURES, TFLITE_SIGNATURES
from petloc_gui.model.export_names import (
    ASSET_SOURCE,
    LABELS_ASSET,
    check_one_per_line,
    hold_class_names,
    holds_these_names,
    labels_path,
    names_text,
)
from petloc_gui.model.export_note import is_note_of, note_bytes, tflite_note_path, write_note
from petloc_gui.model.op_error_text import op_text
from petloc_gui.model.tflite_folder import TFLITE_FOLDER_PREFIX, new_conversion_folder, remove_ended_conversions
from petloc_gui.model.untyped import KerasModel, Tensor

PROBABILITIES = "probabilities"
BOX = "box"
LABEL = "label"
TFLITE_INPUT = "images"
TFLITE_FILENAME = "model.tflite"  # a bundle's own TFLite file: the one name, which runtime loads


def output_roles(keras_model: KerasModel) -> tuple[int, int]:
    """``(probabilities index, box index)`` among the model's two outputs.

    The output named ``box`` is the box; otherwise the order is (class, box) as
    `networks.build_model` makes it.
    """
    names = list(getattr(keras_model, "output_names", None) or [])
    if len(keras_model.outputs) != 2:
        raise ValueError(f"a petloc model has two outputs (class, box); this one has {len(keras_model.outputs)}")
    if BOX in names:
        box = names.index(BOX)
        return 1 - box, box
    return 0, 1


def input_shape_of(keras_model: KerasModel) -> tuple[int, int, int]:
    """``(height, width, channels)`` the model takes."""
    shape = tuple(keras_model.inputs[0].shape[1:])
    if len(shape) != 3 or any(d is None for d in shape):
        raise ValueError(f"a petloc model takes fixed-size images (H, W, C); this one takes {shape}")
    return tuple(int(d) for d in shape)  # type: ignore[return-value]


def _unwrap(model_or_bundle: Any) -> tuple[KerasModel, list[str]]:
    """The Keras model and its class names from a model, a loaded bundle or a bundle spec."""
    if isinstance(model_or_bundle, (str, os.PathLike)):
        from petloc_gui.model.bundle import load_bundle

        model_or_bundle = load_bundle(str(model_or_bundle))
    model = getattr(model_or_bundle, "model", model_or_bundle)
    names = getattr(model_or_bundle, "class_names", None)
    if not names:
        meta = getattr(model_or_bundle, "meta", None) or {}
        names = meta.get("class_names") or meta.get("classes") or []
    return model, [str(n) for n in names]


def _bundle_folder(model_or_bundle: Any) -> Path | None:
    """The bundle folder a bundle spec or loaded bundle is; None for a bare Keras model."""
    from petloc_gui.model.bundle import LoadedBundle, resolve_model

    if isinstance(model_or_bundle, (str, os.PathLike)):
        return resolve_model(model_or_bundle)
    return Path(model_or_bundle.path) if isinstance(model_or_bundle, LoadedBundle) else None


def _archive(keras_model: KerasModel, class_names: list[str], *, with_uint8: bool, served_boxes: bool) -> Any:
    """A Keras ExportArchive with the petloc serving endpoints; ``served_boxes``: the box as `petloc predict`
    gives it (`box_rule`), else the network's raw box."""
    import keras
    import tensorflow as tf

    height, width, channels = input_shape_of(keras_model)
    probs_at, box_at = output_roles(keras_model)
    if class_names and len(class_names) != int(keras_model.outputs[probs_at].shape[-1]):
        raise ValueError(
            f"{len(class_names)} class names for a model with "
            f"{int(keras_model.outputs[probs_at].shape[-1])} classes"
        )
    names = tf.constant(class_names) if class_names else None

    def outputs(images: Tensor) -> dict[str, Tensor]:
        out = keras_model(images, training=False)
        result = {PROBABILITIES: out[probs_at], BOX: predicted_boxes(out[box_at], tf) if served_boxes else out[box_at]}
        if names is not None:
            result[LABEL] = tf.gather(names, tf.argmax(out[probs_at], axis=-1))
        return result

    archive = keras.export.ExportArchive()
    archive.track(keras_model)
    float_spec = tf.TensorSpec([None, height, width, channels], tf.float32, name=TFLITE_INPUT)
    if with_uint8:
        uint8_spec = tf.TensorSpec([None, height, width, channels], tf.uint8, name=TFLITE_INPUT)
        archive.add_endpoint(
            "serving_default", lambda images: outputs(tf.cast(images, tf.float32)), input_signature=[uint8_spec]
        )
    archive.add_endpoint("serve_float", outputs, input_signature=[float_spec])
    return archive


def _check_target_dir(out_dir: Path, named: Path | None = None) -> None:
    """Refuse ``out_dir`` unless it is missing or an empty folder; errors name ``named`` (the path given)."""
    named = named or out_dir
    if out_dir.exists() and not out_dir.is_dir():
        raise SaveError("cannot export: the target exists and is not a folder", named)
    if out_dir.is_dir() and any(out_dir.iterdir()):
        raise SaveError("cannot export: the target folder is not empty (refusing to overwrite)", named)
    if not out_dir.parent.is_dir():
        raise SaveError(f"cannot export: folder {out_dir.parent} does not exist", named)


def _fresh_folder_beside(target: Path) -> Path:
    """An empty folder beside ``target`` under a temporary name, made with the user's usual
    permissions: `tempfile.mkdtemp`'s are 0700, and renamed into place they kept a serving
    process run as another user out of the export. Named in core.stale's form, which removes
    it with its SavedModel contents once a day old (a kill leaves it)."""
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            tmp.mkdir()
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(17, "no free temporary name", str(target))


def written_folder(out_dir: str | os.PathLike[str]) -> Path:
    """The folder an export to ``out_dir`` writes: a symbolic link to a folder is that folder (a link to
    an empty folder is an empty folder; its path stays the link's), anything else is ``out_dir``. The
    SavedModel is renamed into the real folder's place: renamed onto the link's name it failed ("Not a
    directory", the link cannot be rmdir'ed) after TensorFlow's seconds to load, or would replace the link."""
    path = Path(out_dir)
    return Path(os.path.realpath(path)) if path.is_symlink() and path.is_dir() else path


def export_saved_model(model_or_bundle: Any, out_dir: str | os.PathLike[str]) -> Path:
    """Write a TensorFlow SavedModel for TF Serving to ``out_dir``; returns it.

    ``model_or_bundle`` is a Keras model, a loaded bundle (``.model`` and class
    names) or a bundle spec (``"pets"``, ``"digits"``, a path). The folder is
    written under a temporary name beside it and renamed into place, so a
    failed export leaves nothing behind; a non-empty ``out_dir`` is refused
    with :class:`SaveError`; a symbolic link to a folder is written through
    (`written_folder`). Exported from a bundle, it holds `export_note`'s
    note of that model. Signatures are described in this module's docstring.
    """
    given = Path(out_dir)
    target = written_folder(given)  # errors and the result name the path given
    _check_target_dir(target, given)
    source = _bundle_folder(model_or_bundle)
    model, class_names = _unwrap(model_or_bundle)
    check_one_per_line(class_names, given)  # assets/labels.txt holds one per line
    archive = _archive(model, class_names, with_uint8=True, served_boxes=True)
    # What an export killed outright (SIGKILL, a power cut) left beside its target a day or more ago:
    # nothing else would ever remove it (petloc's own names and contents only, core.stale).
    remove_stale(target.parent, folders=True, store=False)
    try:
        tmp = _fresh_folder_beside(target)
    except OSError as exc:  # named by the target, not the temporary name the user never gave
        raise SaveError(f"cannot export: {exc.strerror or exc}", given) from exc
    try:
        if class_names:
            hold_class_names(archive, class_names, tmp)
        archive.write_out(str(tmp), verbose=False)
        shutil.rmtree(tmp / ASSET_SOURCE, ignore_errors=True)  # copied into assets/ by the save
        if source is not None:  # inside before the rename: a folder at target holding it is complete
            write_note(tmp, note_bytes(source, input_shape_of(model), signatures=SAVED_MODEL_SIGNATURES,
                                       class_names_file=f"assets/{LABELS_ASSET}" if class_names else None))
        _check_target_dir(target, given)  # again: someone may have written there meanwhile
        if target.is_dir():
            target.rmdir()
        os.replace(tmp, target)
    except OSError as exc:
        raise SaveError(f"cannot export: {exc.strerror or exc}", given) from exc
    except Exception as exc:
        reason = op_error_reason(exc, tmp)  # TensorFlow's own writes (a full disk) raise its errors, not OSError
        if reason is None:
            raise
        raise SaveError(f"cannot export: {reason}", given) from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return given


def op_error_reason(exc: BaseException, temporary: str | os.PathLike[str] | None = None) -> str | None:
    """What a TensorFlow op error says, without the op's noise: "No space left on device" from
    ``{{function_node __wrapped__SaveV2...}} /tmp/.sm.1a2b.tmp/variables/...tempstate1; No space left on
    device [Op:SaveV2]``; None for any other exception. Only the noise goes: the op's markings, and the parts
    (TensorFlow joins them with "; ") that are a path alone, or that name ``temporary`` (the folder written
    to, or the start of its name), which the user never gave. The rest is the reason, kept whole: a long one
    cut at its last "; " left a fragment."""
    tf = sys.modules.get("tensorflow")  # never loaded here: an op error means it is
    if tf is None or not isinstance(exc, tf.errors.OpError):
        return None
    text = op_text(str(exc.message))
    parts = [part.strip() for part in text.split("; ")]
    reason = [part for part in parts if not _names_a_file_of_ours(part, temporary)] or parts[-1:]
    return "; ".join(reason).strip() or type(exc).__name__


def _names_a_file_of_ours(part: str, temporary: str | os.PathLike[str] | None) -> bool:
    """Whether a part of an op error is only the file it was about (TensorFlow's "<file>; <errno's words>"),
    or names the temporary folder the export was written to."""
    alone = not re.search(r"\s", part) and ("/" in part or os.sep in part)
    return alone or (temporary is not None and os.fspath(temporary) in part)


def tflite_bytes(keras_model: KerasModel, *, served_boxes: bool = False) -> bytes:
    """The model converted to a float32 TFLite flatbuffer (signature ``serve_float``); its box is the
    network's raw one (what petloc's own runners take), or with ``served_boxes`` `petloc predict`'s.

    Takes several seconds for the pets model: callers cache the result
    (`runtime.write_tflite`, `export_tflite`).
    """
    import tensorflow as tf

    archive = _archive(keras_model, [], with_uint8=False, served_boxes=served_boxes)
    remove_ended_conversions()  # the folders of conversions killed outright (`tflite_folder`)
    # Made inside the try, not by tempfile.mkdtemp before it: a Ctrl+C or SIGTERM landing in mkdtemp's
    # Python code after its mkdir, or before the try, left the folder behind (seen under a loaded CI).
    folder = new_conversion_folder()
    ours = True
    try:
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            ours = False  # another's: never removed
            raise
        archive.write_out(folder, verbose=False)
        converter = tf.lite.TFLiteConverter.from_saved_model(folder, signature_keys=["serve_float"])
        return converter.convert()
    finally:
        if ours:
            _remove_tree(folder)


def _remove_tree(folder: str) -> None:
    """Remove ``folder`` whole even when a stop lands in the removal: a Ctrl+C or SIGTERM that came
    during the conversion (C code) is raised at Python's next check, which can fall inside the
    removal and left the folder half removed (TemporaryDirectory's cleanup stopped there)."""
    try:
        shutil.rmtree(folder, ignore_errors=True)
    except KeyboardInterrupt:  # (Terminated, SIGTERM's, is one)
        shutil.rmtree(folder, ignore_errors=True)
        raise


def is_bundles_own(tflite_path: str | os.PathLike[str], bundle_folder: str | os.PathLike[str]) -> bool:
    """Whether ``tflite_path`` is the bundle's own ``model.tflite`` (the file its loader runs), whose
    class names are the bundle's meta.json: no names file goes beside it. Its folder is the bundle's in any
    spelling the disk takes for it (`core.disk_same.same_folder`: ``Models/Photo/x`` for ``models/photo/x`` where
    case is ignored), which compared as text was another folder, and got a names file the bundle does not want."""
    path = Path(tflite_path)
    return path.name == TFLITE_FILENAME and same_folder(path.parent.resolve(), Path(bundle_folder).resolve())


def _tflite_note(model_or_bundle: Any, model: KerasModel, target: Path, class_names: list[str],
                 beside: bool) -> tuple[bytes | None, bytes | None]:
    """(the note beside ``target`` of an export from a bundle, with files ``beside`` it; the bytes of the one
    there when it is a note of this model, `export_note.is_note_of`: a run killed before its model was written
    left it, replaced by this one, in this version's words). None when there is none to write, or none there;
    SaveError for another file there, never replaced. The rule `petloc export` checks before TensorFlow loads."""
    source = _bundle_folder(model_or_bundle) if beside else None
    if source is None:
        return None, None
    note = note_bytes(source, input_shape_of(model), signatures=TFLITE_SIGNATURES,
                      class_names_file=labels_path(target).name if class_names else None)
    path = tflite_note_path(target)
    ours = is_note_of(path, json.loads(note)["model_identity"])
    if ours is None:
        return note, None
    if ours:
        with contextlib.suppress(OSError):
            return note, path.read_bytes()
    raise SaveError("cannot export: the note file beside the TFLite file exists and is not this export's of "
                    "this model (refusing to overwrite); choose another name or folder", path)


def export_tflite(model_or_bundle: Any, path: str | os.PathLike[str], *, names_file: bool = True,
                  served_boxes: bool = False) -> Path:
    """Write the model as a TFLite file to ``path`` atomically; returns it.

    Signature ``serve_float``: input ``images`` float32 [1, H, W, C] 0..255
    (batch resizable), outputs ``box`` (position 0) and ``probabilities``
    (position 1); see the module docstring. The box is the network's raw one
    (a bundle's own file, which petloc's runners take), or with ``served_boxes``
    the one `petloc predict` gives (clipped and sorted). When class names are known (and
    ``names_file``: not for a bundle's own model.tflite, `is_bundles_own`) they
    go to `labels_path` (one per line, class index order), written atomically
    before the model; an existing one is never replaced, and kept when it holds
    exactly these names (a run killed before its model was written left it).
    Exported from a bundle (and ``names_file``), `export_note`'s note goes
    beside it likewise (`export_note.tflite_note_path`: input, preparation,
    stages), except that one of this model (its identity) is replaced with this
    version's words (its bytes put back on a failure). Raises :class:`SaveError`
    if a file cannot be written, or a names file with other names or a note of
    another model exists.
    """
    target = Path(path)
    model, class_names = _unwrap(model_or_bundle)
    class_names = class_names if names_file else []
    try:
        data = tflite_bytes(model, served_boxes=served_boxes)
    except Exception as exc:
        # its SavedModel step writes to a temporary folder (a full /tmp)
        reason = op_error_reason(exc, os.path.join(tempfile.gettempdir(), TFLITE_FOLDER_PREFIX))
        if reason is None:
            raise
        raise SaveError(f"cannot export: converting to TFLite in {tempfile.gettempdir()} failed: {reason}",
                        target) from exc
    labels = labels_path(target)
    remove_stale(target.parent)  # the temporary files of writes killed a day or more ago (core.stale)
    check_one_per_line(class_names, labels)
    kept = holds_these_names(labels, class_names)
    if class_names and not kept and (labels.exists() or labels.is_symlink()):
        raise SaveError("cannot export: the class names file beside the TFLite file exists with other "
                        "names (refusing to overwrite); choose another name or folder", labels)
    note, earlier_note = _tflite_note(model_or_bundle, model, target, class_names, names_file)
    written: list[Path] = []
    replaced = False
    try:
        if class_names and not kept:
            atomic_write_bytes(labels, names_text(class_names))
            written.append(labels)
        if note is not None and note != earlier_note:
            atomic_write_bytes(tflite_note_path(target), note)
            replaced = earlier_note is not None
            written += [] if replaced else [tflite_note_path(target)]
        atomic_write_bytes(target, data)
    except BaseException:
        for path in written:  # a names file or note without its model would be matched to the next one
            with contextlib.suppress(OSError):
                path.unlink()
        if replaced and earlier_note is not None:  # an earlier run's note: never removed, its bytes put back
            with contextlib.suppress(OSError):
                atomic_write_bytes(tflite_note_path(target), earlier_note)
        raise
    return target
