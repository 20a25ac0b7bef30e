"""Which model wrote each unreviewed pre-label, and whether it knew every class a run trains (no
TensorFlow).

`petloc predict --write-voc` marks a pre-label with its model: ``<source><annotation>`` reads
"petloc pre-label by petloc predict, model NAME (VERSION)" (`cli.prelabel.prelabel_mark`). A model
cannot predict a class it does not know: a photo of a star pre-labelled by a model of circles,
squares and triangles got one of those three. Trained on as ground truth, such pre-labels teach the
new model that stars are triangles, next to the few star photos a person boxed. So a run leaves out
the pre-labels of a model that did not know one of its classes (`TrainingData.from_folder`), each a
skipped image with its reason; a person's save of the file (it is then theirs) brings it back.

The model is looked for by its version id, then its folder name: the model a fine-tune starts from,
the model store's versions, the bundled models. One that is nowhere (deleted, another machine's, an
imported pre-label's) cannot tell: its pre-labels are trained on, and `petloc train` says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.text import first_of, visible
from petloc_gui.model.data import Sample

# `cli.prelabel.prelabel_mark`'s text: the model's folder name, then its version id in brackets
_MARK = re.compile(r"petloc pre-label by petloc predict, model (?P<name>.*?)(?: \((?P<version>[^()]*)\))?")


@dataclass(frozen=True)
class PrelabelModel:
    """The model a pre-label's mark names, and the classes it knew (None: it cannot be found)."""

    name: str  # as the mark names it: its version id when it has one, else its folder's name
    classes: frozenset[str] | None

    def unknown_of(self, classes: Iterable[str], renamed: Mapping[str, str] | None = None) -> list[str]:
        """Which of ``classes`` (a run's) this model did not know, a class ``renamed`` since
        (``{new: old}``, a fine-tune's) known by its old name; [] when it cannot be told."""
        if self.classes is None:
            return []
        known = self.classes | {new for new, old in (renamed or {}).items() if old in self.classes}
        return sorted(set(classes) - known)


def prelabel_models(samples: Iterable[Sample], parent_meta: Mapping[str, Any] | None = None,
                    store: Path | None = None) -> dict[str, PrelabelModel]:
    """``{relpath: PrelabelModel}`` of the unreviewed pre-labels among ``samples`` (by the mark read with
    their boxes, `Sample.prelabel_mark`: the file is not read again; one written by another tool has none
    and is left out). ``parent_meta``: the meta.json of the model a fine-tune starts from, looked at first;
    ``store``: the model store (default: the user's)."""
    found: dict[str, PrelabelModel] = {}
    models: dict[str, PrelabelModel | None] = {}  # by mark: each model looked for once
    for sample in samples:
        if not sample.prelabel:
            continue
        mark = sample.prelabel_mark
        if mark not in models:
            models[mark] = _model_of(mark, parent_meta, store)
        model = models[mark]
        if model is not None:
            found[sample.relpath] = model
    return found


LEFT_OUT = "unreviewed pre-label of model"  # how a `LeftOut`'s reason starts


def is_left_out(reason: str) -> bool:
    """Whether a skipped image's ``reason`` is a `LeftOut`'s."""
    return reason.startswith(LEFT_OUT + " ")


@dataclass(frozen=True)
class LeftOut:
    """A pre-label a run leaves out: its model did not know ``unknown``, classes of the run."""

    sample: Sample
    model: PrelabelModel
    unknown: tuple[str, ...]

    @property
    def reason(self) -> str:
        """Its skipped image's reason: which model, which classes it did not know, and what to do."""
        return (f"{LEFT_OUT} {visible(self.model.name)}, which did not know "
                f"{classes_named(self.unknown)} of this run: left out (it may show one, labelled as another); "
                "review it (a save in the window marks it reviewed) to train on it")


def without_unaware(samples: Iterable[Sample], models: Mapping[str, PrelabelModel], classes: Collection[str],
                    renamed: Mapping[str, str] | None = None) -> tuple[list[Sample], list[LeftOut]]:
    """``(kept, left out)``: ``samples`` less the pre-labels whose model (``models``, by relpath) did not
    know one of ``classes``, a run's (``renamed``: a fine-tune's classes renamed since). A pre-label
    whose label its model did not know is kept: the model did not write it (a person edited the file
    and left the mark)."""
    kept: list[Sample] = []
    left_out: list[LeftOut] = []
    for sample in samples:
        model = models.get(sample.relpath) if sample.prelabel else None
        unknown = model.unknown_of(classes, renamed) if model is not None else []
        if model is not None and unknown and sample.label not in unknown:
            left_out.append(LeftOut(sample, model, tuple(unknown)))
        else:
            kept.append(sample)
    return kept, left_out


def left_out_record(left_out: Iterable[LeftOut]) -> dict[str, dict[str, Any]]:
    """meta.json's ``training_data.prelabels_left_out``: ``{model: {"count", "unknown_classes"}}``."""
    record: dict[str, dict[str, Any]] = {}
    for gone in left_out:
        entry = record.setdefault(gone.model.name, {"count": 0, "unknown_classes": list(gone.unknown)})
        entry["count"] += 1
    return record


def classes_named(names: Collection[str], shown_as: Callable[[str], str] = visible) -> str:
    """``the class star``, ``the classes moon and star``, ``the classes a, b, c, d, e, f and 3 more``, each name
    as ``shown_as`` shows it: `visible` (a skipped image's reason, the window's notes), or `core.text.isolated`
    for a line printed with its names set apart (`petloc train`'s, `error`'s ``names_isolated``)."""
    shown = [shown_as(name) for name in sorted(names)]
    if len(shown) == 1:
        return f"the class {shown[0]}"
    listed = first_of(shown) if len(shown) > 6 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return f"the classes {listed}"


def _model_of(mark: str, parent_meta: Mapping[str, Any] | None, store: Path | None) -> PrelabelModel | None:
    """The model ``mark`` names and its classes; None for a mark not of `petloc predict`'s form."""
    match = _MARK.fullmatch(mark)
    if match is None:
        return None
    name, version = match.group("name"), match.group("version")
    for meta in _metas_named(name, version, parent_meta, store):
        if version is not None and str(meta.get("version_id") or "") not in (version, ""):
            continue  # another model under the same folder name
        names = meta.get("class_names")
        if isinstance(names, list):
            return PrelabelModel(version or name, frozenset(str(n) for n in names))
    return PrelabelModel(version or name, None)


def _metas_named(name: str, version: str | None, parent_meta: Mapping[str, Any] | None,
                 store: Path | None) -> Iterable[Mapping[str, Any]]:
    """The meta.json of each model that may be the one named: the parent, then the store's
    ``<preset>/<version or name>`` folders, then a bundled model of that name."""
    from petloc_gui.core.paths import user_data_dir
    from petloc_gui.model.bundle import BUNDLED_NAMES, read_meta

    parent_id = str((parent_meta or {}).get("version_id") or "")
    if parent_meta is not None and parent_id and parent_id in (version, name):
        yield parent_meta
    root = store if store is not None else user_data_dir() / "models"
    ids = [text for text in (version, name) if text and "/" not in text and text not in (".", "..")]
    try:
        presets = sorted(path for path in root.iterdir() if path.is_dir()) if root.is_dir() else []
    except OSError:
        presets = []
    for folder in (preset / text for text in ids for preset in presets):
        if (folder / "meta.json").is_file():
            try:
                yield read_meta(folder)
            except PetlocError:
                continue
    if name in BUNDLED_NAMES:
        try:
            yield read_meta(name)
        except PetlocError:
            return
