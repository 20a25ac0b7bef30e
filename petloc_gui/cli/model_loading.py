"""Loading a model bundle for the commands that predict (evaluate, predict)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from petloc_gui.cli.output import CommandError, info, load_tensorflow, native_stderr_parked, show
from petloc_gui.model.quiet_import import require_temporary_folder


def model_for(spec: str | None, paths: Sequence[Path]) -> str:
    """``--model`` when given; otherwise the model the window would choose for the first folder.

    One rule for both (``app.model_choice``): the folder's remembered model,
    else an available model that knows every class boxed in it. A folder whose
    classes no model knows is an error that says so (and how to train one).
    """
    if spec:
        return spec
    from petloc_gui.app.model_choice import choose_for_paths  # here: keeps TensorFlow out

    choice = choose_for_paths(paths)
    if choice is None:
        raise CommandError("no dataset folder to choose a model for: pass --model MODEL")
    if choice.note:  # the folder's remembered model is broken: said, then the rule goes on without it
        info(f"petloc: {show(paths[0])}: {show(choice.note)}")
    if choice.spec is None and not choice.labels:  # no boxes, and the bundled model for their size is broken
        raise CommandError(f"no model for {paths[0]}: {choice.reason}; pass --model MODEL")
    if choice.spec is None:  # the window's words: a broken model that knows every class, else the classes none knows
        raise CommandError(f"no model for {paths[0]}: {choice.reason_for(choice.labels)}; "
                           f"train one ({train_command(paths[0])}) or pass --model MODEL")
    info(f"petloc: using model {show(choice.spec)} for {show(paths[0])} ({choice.reason})")
    return choice.spec


def train_command(path: Path) -> str:
    """The command that trains a model for ``path``'s folder into the store the app lists, as it can be
    pasted into a shell."""
    import shlex

    from petloc_gui.model.versions import VersionStore  # no TensorFlow

    folder = path if path.is_dir() else path.parent
    store = VersionStore().root / "photo"
    return f"petloc train {shlex.quote(str(folder))} --preset photo --out {shlex.quote(str(store))}"


def load_predictor(spec: str):
    """(Predictor, bundle path, meta) for `pets`, `digits` or a bundle path.

    The bundle is resolved first (no TensorFlow), so a wrong name or path is
    reported before a model loads. A bundle whose meta.json records its .tflite
    files as converted from the .keras files beside it runs them with LiteRT,
    without TensorFlow (`model.lite_bundle`, the window's rule): TensorFlow's
    import made one image's `petloc predict` 10-14 s instead of 1.3-1.8 s on a
    2-core machine, for the same flatbuffers its runners would run. Any other
    bundle (no record, a file changed since, LiteRT missing) loads through
    Keras, which checks them; so does one whose recorded .tflite LiteRT cannot
    run or that does not fit meta.json, as in the window
    (`lite_bundle.lite_predictor_or_none`).
    """
    from petloc_gui.model.bundle import resolve_model
    from petloc_gui.model.lite_bundle import lite_predictor_or_none

    # the folder resolved (absolute: a folder given as ./digits is that folder, its str() not "digits")
    path = resolve_model(spec)
    # either load parks native stderr in a temporary file (TensorFlow's import needs a temporary folder too):
    # with none usable, the words of NoTemporaryFolderError, not Python's raw "No usable temporary directory"
    require_temporary_folder()
    predictor = lite_predictor_or_none(path)
    if predictor is None:
        load_tensorflow()
        from petloc_gui.model.inference import Predictor

        with native_stderr_parked():  # TFLite announces its CPU delegate on fd 2
            predictor = Predictor(str(path))
    return predictor, Path(path), dict(predictor.bundle.meta or {})


def class_names_of(predictor, meta: dict[str, Any]) -> list[str]:
    """The model's class names, in output order."""
    for source in (predictor, getattr(predictor, "bundle", None)):
        names = getattr(source, "class_names", None)
        if names:
            return [str(n) for n in names]
    for key in ("class_names", "classes", "labels"):
        if meta.get(key):
            return [str(n) for n in meta[key]]
    return []


def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    """Consecutive slices of at most `size` items."""
    size = max(1, int(size))
    for start in range(0, len(items), size):
        yield items[start : start + size]
