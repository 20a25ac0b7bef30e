"""Which model fits a folder: one rule for the window and the CLI (no Qt, no TensorFlow).

1. The model this folder remembers (the last one chosen or trained for it, kept in
   ``user_data_dir()/folder_models.json``), while its model file looks loadable and it knows some of the folder's
   classes: the user's choice, kept when a class it does not know is boxed since, as the window keeps a pick
   (``ModelChoice.unknown`` names those; ``knows_all`` a model that knows them all, if any). Else it is passed over,
   and ``ModelChoice.note`` says why.
2. Otherwise an available model whose classes cover every class boxed in the folder: the bundled ``digits`` and
   ``pets`` models and every trained version in the store; the one with the fewest extra classes wins, bundled
   before trained, kept before undecided (`undecided_choice`), newer before older. A model whose model.keras is
   missing, empty or not a zip archive is not available (``model.bundle_check``).
3. Otherwise the available model that knows the classes of the most boxes, while that is more than half of them
   (`app.known_share`; ``unknown``: the classes it does not know): a class no model knows yet (a new one, a typo)
   does not take the predictions of the others away, and the model can be fine-tuned with it.
4. None when no model knows the classes of more than half the folder's boxes: the caller says so (the window offers
   "Train a model for these classes…") instead of predicting classes the folder does not use.

A folder without any box uses the model it last used too, while its model file looks loadable (a broken or missing
one is passed over, said in ``note``; one made for the other kind of images is used, and said there:
``other_kind``); else 75x75 images get ``digits``, other images ``pets`` (a broken one: the newest usable version
with its classes, else none). A model that fits but is passed over because its model file is broken is named in
``ModelChoice.note``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.app.folder_sample import label_counts, looks_like_digits
from petloc_gui.app.known_share import boxes_known, knows_enough
from petloc_gui.app.model_kind import other_kind
from petloc_gui.app.undecided_choice import undecided_said
from petloc_gui.core.errors import SaveError
from petloc_gui.core.file_memo import FileMemo
from petloc_gui.core.json_record import read_json_record
from petloc_gui.core.label_variants import form_notes
from petloc_gui.core.paths import resources_dir
from petloc_gui.core.text import first_of, visible

BUNDLED = ("digits", "pets")
MIN_BOXES_PER_CLASS = 3  # boxes of each (new) class before the new-classes bar offers to train


@dataclass(frozen=True)
class ModelChoice:
    """The model for a folder (``spec`` None: no available model knows its classes)."""

    spec: str | None
    reason: str
    labels: frozenset[str] = frozenset()
    box_counts: dict[str, int] = field(default_factory=dict)
    remembered: bool = False  # the folder's own model from an earlier visit (`FolderMemory`)
    note: str = ""  # why a model that fits (the folder's remembered one, a bundled one) was passed over
    known: frozenset[str] = frozenset()  # (no model) the classes some usable model knows
    broken_fit: str = ""  # (no model) a model knows every class but cannot be used: why, as a sentence
    unknown: frozenset[str] = frozenset()  # (a model) the folder's classes it does not know: never predicted
    knows_all: str = ""  # (a model with ``unknown``) a usable model that knows every class, if any
    other_kind: bool = False  # (the folder's own, no boxes) made for other images than these: ``note`` ends so

    @property
    def trainable(self) -> bool:
        """Every class has enough boxes to train a first model."""
        return bool(self.box_counts) and min(self.box_counts.values()) >= MIN_BOXES_PER_CLASS

    def reason_for(self, labels: Iterable[str], of_folder: str = "") -> str:
        """Why no model is used while the folder's classes are ``labels`` (this choice found none; the
        window's bar and status line, and the CLI, say it the same way): ``broken_fit`` while ``labels``
        are among this choice's (the broken model that knows them all knows fewer too), else the classes
        no usable model knows (a class boxed since may be one some model knows: it is not named).
        ``of_folder`` (" of this folder") ends the latter where a sentence alone must say whose classes
        they are; the broken-fit sentence says it already."""
        labels = frozenset(labels)
        if self.broken_fit and labels <= self.labels:
            return self.broken_fit
        return no_model_reason(labels, labels - self.known, self.known) + of_folder

    def note_using(self, pick: str) -> str:
        """``note`` as said when ``pick`` (the user's, from another folder) stays in use instead of this choice's
        model: one passing the folder's own model over named the model the rule would use instead."""
        if pick == self.spec:
            return self.note
        return self.note.replace(used_instead(self.spec), f"; {describe_model(pick)}, your pick, stays in use", 1)

    def none_knows(self, labels: Iterable[str]) -> bool:
        """Choosing again for ``labels`` would find no model either: this choice found none for classes they
        include, no usable model knows a class they add, no broken one knew them all (it may know it too). A
        choice for no classes (no boxes, the bundled model broken) says nothing of classes."""
        labels = frozenset(labels)
        return (self.spec is None and bool(self.labels) and labels >= self.labels
                and not (labels - self.labels) & self.known and not self.broken_fit)


def class_names(spec: str) -> list[str] | None:
    """A model's class names from its meta.json (None when unreadable).

    Read here with json (model.bundle would tie this Qt- and TensorFlow-free
    layer to Keras, which it imports lazily for loading). Remembered per file
    state (`core.file_memo`): every candidate's meta.json is read each time a
    folder opens (40 digits versions took 0.22 s of the UI thread).
    """
    try:
        names = _CLASS_NAMES.get(_folder_of(spec) / "meta.json", _names_in)
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return None
    return list(names) if names is not None else None


def _names_in(path: Path) -> tuple[str, ...] | None:
    meta = read_json_record(path)  # every candidate model is read: never a huge one whole
    found = meta.get("class_names") if isinstance(meta, dict) else None
    return tuple(str(n) for n in found) if isinstance(found, list) else None


_CLASS_NAMES: FileMemo[tuple[str, ...] | None] = FileMemo()


def model_problem(spec: str, store: Any = None) -> str | None:
    """Why a model cannot load, as far as a cheap look at its model file tells (None: it looks loadable); no
    TensorFlow. ``store``, the models as the rule sees them, may know more (`problem`: the window's failed loads)."""
    from petloc_gui.model.bundle_check import model_file_problem

    known = getattr(store, "problem", None)
    return (known(spec) if known is not None else None) or model_file_problem(_folder_of(spec))


def _folder_of(spec: str) -> Path:
    text = os.fspath(spec)
    folder = resources_dir() / "models" / text if text in BUNDLED else Path(text).expanduser()
    return folder.parent if folder.name in ("model.keras", "meta.json") else folder


def candidates(store: Any = None) -> list[str]:
    """Bundled models, then trained versions newest first (the store's usable ones), kept before undecided ones."""
    from petloc_gui.model.versions import VersionStore

    store = store if store is not None else VersionStore()
    try:
        versions = [str(v.path) for v in sorted(reversed(store.list()), key=lambda v: v.undecided)]  # stable
    except Exception:  # noqa: BLE001 - a store that cannot be listed must not stop predict or opening a folder
        versions = []
    return [*BUNDLED, *versions]


def choose_model(dataset: Any, store: Any = None, memory: FolderMemory | None = None, *,
                 stopped: Callable[[], bool] | None = None) -> ModelChoice:
    """The model for ``dataset`` (a ``core.dataset`` Dataset), by the rule above. ``stopped``: the caller
    gave up (the window's worker, its folder closed): the sample raises `folder_sample.CancelledError`."""
    counts = label_counts(dataset, stopped=stopped)
    labels = frozenset(counts)
    if not labels:
        return choose_without_boxes(dataset, store, memory)
    return choose_for_labels(labels, Path(dataset.root), counts, store, memory)


def choose_without_boxes(dataset: Any, store: Any = None, memory: FolderMemory | None = None) -> ModelChoice:
    """The rule for a folder without boxes (the window's too when its last boxed class goes, whatever the
    files on disk still say): the model this folder last used (picked in Model → Versions, or kept after
    training) while it looks loadable, whatever its classes (there are none to weigh it by yet); else
    `choose_by_size`, and ``note`` says why the folder's own was passed over. Before, the folder's model
    was forgotten until its first box: reopening a folder of unboxed canvases, or `petloc predict
    --write-voc` on it, used the bundled model and marked its pre-labels as that model's, unsaid."""
    memory = memory if memory is not None else FolderMemory()
    root = Path(dataset.root)
    remembered = memory.get(root)
    notes = [memory.note] if memory.note else []  # a damaged or unreadable memory: said
    if remembered:
        remembered = _refiled(remembered, root, memory, store)
        problem = model_problem(remembered, store)
        if problem is None:  # digits on photos, pets on canvases: said (`model_kind`), last in the note
            kind = other_kind(listed_name(remembered, store), _folder_of(remembered), dataset)
            return ModelChoice(remembered, "the model this folder last used; no boxes yet", remembered=True,
                               note="; ".join([*notes, kind] if kind else notes), other_kind=bool(kind))
        notes.append(remembered_problem(remembered, problem, store))
    by_size = choose_by_size(dataset, store)
    if remembered:  # passed over: the note says what is used instead
        notes[-1] += used_instead(by_size.spec)
    return replace(by_size, note="; ".join([*notes, by_size.note] if by_size.note else notes))


def choose_by_size(dataset: Any, store: Any = None) -> ModelChoice:
    """The image-size rule for a folder without boxes whose own model, if any, cannot be used
    (`choose_without_boxes`): 75x75 digit canvases get digits, photos pets.

    A bundled model whose model file is broken is passed over (``note`` says why) for the newest
    usable version with its classes (a retrain of it); with none, no model (``spec`` None): the
    other bundled model's classes (pets' cat and dog on digit canvases) would be boxes a user
    could accept, and the broken one fails to load every time."""
    preferred = "digits" if looks_like_digits(dataset) else "pets"
    problem = model_problem(preferred, store)
    if problem is None:
        return ModelChoice(preferred, "no boxes yet: chosen by image size")
    note = f"{describe_model(preferred)} cannot be used: {problem}"
    names = class_names(preferred)
    for spec in candidates(store)[len(BUNDLED):] if names is not None else []:
        if class_names(spec) == names and model_problem(spec, store) is None:
            return ModelChoice(spec, f"no boxes yet, and {preferred} cannot be used: the newest version with "
                                     "its classes", note="; ".join([note, *undecided_said(spec, store)]))
    return ModelChoice(None, f"{describe_model(preferred)}, chosen by image size, cannot be used ({problem}), "
                             "and no version has its classes", note=note)


def choose_for_labels(labels: Iterable[str], root: Path, counts: dict[str, int] | None = None, store: Any = None,
                      memory: FolderMemory | None = None) -> ModelChoice:
    """The rule for a folder whose classes (``labels``, non-empty) are known, e.g. from the window's edits;
    ``counts``: boxes per class (each class one box when not given)."""
    labels = frozenset(labels)
    counts = dict(counts or {})
    memory = memory if memory is not None else FolderMemory()
    remembered = memory.get(root)
    notes = [memory.note] if memory.note else []  # a damaged or unreadable memory: said, not passed over
    passed_over = False  # the folder's remembered model cannot be used: the note says what is used instead
    kept: list[str] | None = None  # the remembered model's classes: it is kept though it lacks some
    if remembered:
        remembered = _refiled(remembered, root, memory, store)
        problem = model_problem(remembered, store)
        names = class_names(remembered)
        if problem is not None:
            notes.append(remembered_problem(remembered, problem, store))
            passed_over = True
        elif names is not None and labels <= set(names):
            return ModelChoice(remembered, "the model this folder last used", labels, counts, remembered=True)
        elif names is not None and labels & set(names):
            kept = names
        elif names is not None:  # said, as a broken one is: it went silently
            notes.append(f"the model this folder last used ({listed_name(remembered, store)}) knows none of its "
                         f"classes ({first_of(sorted(visible(n) for n in labels))})")
            passed_over = True
    specs = candidates(store)
    ranked = _knowing_all(labels, specs, store)  # rule 2
    usable = [spec for spec, problem in ranked if problem is None]
    partial = []  # (most boxes known first, fewest extra classes, order, spec): rule 3
    known: set[str] = set()
    for order, spec in enumerate(specs):
        names = class_names(spec)
        if names is not None and model_problem(spec, store) is None:
            known.update(names)
            if knows_enough(names, labels, counts):
                partial.append((-boxes_known(names, labels, counts), len(set(names) - labels), order, spec))
    if kept is not None and remembered:  # the folder's own model: kept, and the bar says what it does not know
        unknown, fits = labels - set(kept), usable[0] if usable else ""
        return ModelChoice(remembered, "the model this folder last used; it does not know "
                           f"{describe_labels(unknown, known=kept)}"
                           + (f" ({listed_name(fits, store)} knows every class)" if fits else ""), labels, counts,
                           remembered=True, unknown=unknown, knows_all=fits)
    # The best fit broken (a bundled model: the store leaves out its broken versions): said, as the
    # remembered model is, instead of "no model knows these classes" with no word of it.
    if ranked and ranked[0][1] is not None and ranked[0][0] != remembered:
        notes.append(f"{describe_model(ranked[0][0])} cannot be used: {ranked[0][1]}")
    fallback = min(partial)[3] if partial and not usable else None
    if passed_over:
        instead = usable[0] if usable else fallback
        notes[0] += used_instead(instead)
    note = "; ".join([*notes, *undecided_said(usable[0] if usable else fallback, store)])
    if usable:
        return ModelChoice(usable[0], "it knows every class of this folder", labels, counts, note=note)
    if fallback is not None:
        unknown = labels - set(fallback_knows := class_names(fallback) or ())
        return ModelChoice(fallback, f"no available model knows every class of this folder; it knows all but "
                                     f"{describe_labels(unknown, known=fallback_knows)}", labels, counts, note=note,
                           unknown=unknown)
    # A model knows them all but is broken: that is the reason, not "no available model knows".
    broken = (f"{describe_model(ranked[0][0])} knows every class of this folder but cannot be used "
              f"({ranked[0][1]})") if ranked else ""
    choice = ModelChoice(None, "", labels, counts, note=note, known=frozenset(known), broken_fit=broken)
    return replace(choice, reason=choice.reason_for(labels))


def _knowing_all(labels: frozenset[str], specs: list[str], store: Any = None) -> list[tuple[str, str | None]]:
    """Rule 2: ``(spec, why it cannot be used or None)`` of those of ``specs`` (`candidates`) that know every
    class of ``labels``, the fewest extra classes first, then in the candidates' order."""
    fits = []
    for order, spec in enumerate(specs):
        names = class_names(spec)
        if names is not None and labels <= set(names):
            fits.append((len(set(names) - labels), order, spec, model_problem(spec, store)))
    return [(spec, problem) for _, _, spec, problem in sorted(fits)]


def model_gaps(names: Iterable[str], labels: Iterable[str], store: Any = None) -> tuple[frozenset[str], str]:
    """``ModelChoice.unknown`` and ``knows_all`` of a model of classes ``names`` (the folder's own, a pick, rule
    3's) for a folder of classes ``labels``: the window's bar names them as the classes change."""
    labels = frozenset(labels)
    unknown = labels - set(names)
    fits = _knowing_all(labels, candidates(store), store) if unknown else []  # nothing unknown: no need to look
    return unknown, next((spec for spec, problem in fits if problem is None), "")


def listed_name(spec: str, store: Any = None) -> str:
    """A model as `petloc models` and Model → Versions name it: "pets", "photo/<id>", else its path."""
    return _listed_name(spec, _folder_of(spec), store)


def _refiled(spec: str, root: Path, memory: FolderMemory, store: Any) -> str:
    """The remembered model ``spec``, or where it is now when it was a store version since filed in
    another preset's folder (as its note says: "move it to …/digits"); the folder then remembers that
    (best effort: a read-only data folder finds it again next time). Before, the moved version was
    reported deleted and another model used."""
    from petloc_gui.model.versions import VersionStore

    if spec in BUNDLED:
        return spec
    moved = (store if store is not None else VersionStore()).moved(_folder_of(spec))
    if moved is None:
        return spec
    with contextlib.suppress(OSError, SaveError):  # not remembered: found again next time
        memory.remember(root, str(moved))
    return str(moved)


def remembered_problem(spec: str, problem: str, store: Any = None) -> str:
    """Why the folder's remembered model ``spec`` is passed over: no longer where it was (deleted or
    moved: "model.keras is missing" said nothing of that), named as `petloc models` names it, or what is
    wrong with it."""
    folder = _folder_of(spec)
    try:
        gone = not folder.exists()
    except OSError:
        gone = False
    if gone:
        name, where = _listed_name(spec, folder, store), visible(folder)
        named = f", {name}," if name != where else ""  # a path outside the store is said once
        return f"the model this folder last used{named} is no longer at {where} (deleted or moved)"
    return f"the model this folder last used ({visible(spec)}) cannot be used: {problem}"


def _listed_name(spec: str, folder: Path, store: Any = None) -> str:
    """The name `petloc models` lists: ``"digits"`` for a bundled model, ``"digits/<id>"`` for a folder
    of the model store (spelled as the store lists it), else the folder's path. The store's root is compared
    as the disk holds it (`model.store_spelling`): compared as text, a version recorded as …/MODELS/digits/<id>
    on a disk that ignores case was named by its whole path."""
    from petloc_gui.model.versions import VersionStore

    if spec in BUNDLED:
        return spec
    try:
        part = (store if store is not None else VersionStore()).store_part(folder.resolve())
    except OSError:
        part = None
    return visible(str(folder) if part is None else part.as_posix())


def model_display_name(spec: str) -> str:
    """"pets", the folder name of a model given by path, or "no model": a status line's or dialog's name."""
    if not spec:
        return "no model"
    return spec if spec in BUNDLED else (Path(spec).name or spec)  # ("." has no name: said as given)


def describe_model(spec: str) -> str:
    """"the bundled model digits", or "the model /path/to/version"."""
    return f"the bundled model {spec}" if spec in BUNDLED else f"the model {visible(spec)}"


def used_instead(spec: str | None) -> str:
    """How a note that passes the folder's own model over ends: the model used instead (`ModelChoice.note_using`
    names a pick that stays instead)."""
    return f"; {describe_model(spec)} is used instead" if spec else "; no other model is used"


def no_model_reason(labels: frozenset[str], unknown: frozenset[str], known: Iterable[str] = ()) -> str:
    """Why no model is used: the classes none knows (a typo "dogd" beside "cat, dog" names only "dogd"; marked against
    ``known``, some model's classes), or, when each is known somewhere, that no one model knows them all."""
    if unknown:
        return f"no available model knows {describe_labels(unknown, known=known)}"
    return f"no one available model knows all of {describe_labels(labels, known=known)}"


def choose_for_paths(paths: Iterable[Path]) -> ModelChoice | None:
    """The choice for the first folder among ``paths`` (a file counts as its folder); None if none opens."""
    from petloc_gui.core.dataset import open_dataset

    for path in paths:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        try:
            dataset = open_dataset(folder)
        except Exception:  # noqa: BLE001 - not a dataset: try the next path
            continue
        return choose_model(dataset)
    return None


def describe_labels(labels: Iterable[str], limit: int = 6, known: Iterable[str] = ()) -> str:
    """"the classes bird, car" (at most ``limit`` names; a control or bidi character escaped: a right-to-left override
    reversed the sentence; one in two Unicode forms told apart, "chat_été (composed)": it read "chat_été, chat_été"),
    marked against the model's classes (``known``, not listed) too: "does not know chat_été" of one knowing it."""
    names = sorted(labels)
    notes = form_notes([*names[:limit], *known])  # a twin left out ("and 1 more") tells nothing apart
    listed = [f"{visible(name)} ({notes[name]})" if name in notes else visible(name) for name in names]
    return f"the class{'es' if len(names) != 1 else ''} {first_of(listed, limit)}"


def training_preset_for(dataset: Any) -> str:
    """The preset a first model for this folder trains with: digits for 75x75 canvases, else photo."""
    return "digits" if looks_like_digits(dataset) else "photo"
