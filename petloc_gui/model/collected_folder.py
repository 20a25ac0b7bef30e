"""What `TrainingData.collect` reads of a dataset folder before it checks and splits it.

Reading is the slow part on a big folder (every annotation; with a parent model, every image hashed):
it is done once here (`collect_folder`), and `TrainingData.from_folder` checks and splits the result,
so the Retrain dialog's preview works out a run with and without the pre-labels from one read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from petloc_gui.core import file_memo
from petloc_gui.core.file_memo import settled_state
from petloc_gui.core.text import counted, visible
from petloc_gui.model.bundle import sha256_or_none
from petloc_gui.model.data import Sample, collect_samples
from petloc_gui.model.prelabel_models import LeftOut, PrelabelModel, prelabel_models, without_unaware
from petloc_gui.model.splits import parent_split_hashes, parent_split_names, parent_splits


@dataclass(frozen=True)
class CollectedFolder:
    """What `TrainingData.collect` reads of a folder before it checks and splits it: every annotation,
    and with a parent each image's sha256 (the slow part on a big folder). Fine-tuning, the parent's
    test images are found here, by path or by bytes, and the byte copies of the images ``exclude`` names:
    ``samples`` holds none of them."""

    root: Path
    samples: list[Sample]  # annotated and not held out
    skipped: list[tuple[str, str]]  # (image path, why it is left out)
    excluded: list[tuple[Path, str, Path | None]]  # (image, relpath, annotation): the parent's test, or asked
    hashes: dict[str, str | None]  # sha256 of each sample's image by relpath (read with a parent only)
    parent_validation: list[str]  # the parent's validation images, by relative path
    validation_hashes: set[str]  # ... and by bytes
    learned: set[str]  # sha256 of the images the parent, or a model it was fine-tuned from, trained on
    inherited_digits: dict[str, frozenset[int] | None]  # the MNIST digits they learned
    # the model of each unreviewed pre-label (by relpath) whose mark names one (`prelabel_models`); none
    # with --label breed, whose classes do not come from the boxes
    prelabel_models: dict[str, PrelabelModel] = field(default_factory=dict)
    # each image hashed, by `file_stamp` (path, size, modification time): what a later read of the folder
    # takes as read while the file is unchanged (`collect_folder`'s known_hashes)
    known_hashes: dict[str, str | None] = field(default_factory=dict)
    # why ``learned`` is incomplete ("": it is not): an ancestor not found or unreadable, or with no record of
    # its training images; validation may then hold images it trained on (`petloc train` warns, meta.json
    # records it: `training_data.TrainingData.summary_record`)
    lineage_incomplete: str = ""
    # the images held out as byte copies of a test image under another name, as (relpath, the test image's
    # relpath: in this folder, or as the parent recorded it); each is in ``excluded`` too (`held_out_copies_line`)
    test_copies: list[tuple[str, str]] = field(default_factory=list)
    # the relative paths of the test images (the parent's as it recorded them, those ``exclude`` names) whose
    # bytes the parent, or a model it was fine-tuned from, trained on: held out, but no test images of the new
    # model, whose starting weights learned them (empty when read ``labels_only``)
    learned_tests: frozenset[str] = frozenset()
    # `file_memo.now_ns` before any image was hashed (or its known hash found current): files changed since are
    # read again for meta.json (`image_files_record.files_record`)
    read_began_ns: int = 0
    # sha256 of the images the parent, or a model it was fine-tuned from, read: ``learned`` and the validation
    # images that chose its epoch, not its report ones (`training_record.Lineage.read_hashes`)
    read_canvases: frozenset[str] = frozenset()

    @property
    def n_prelabels(self) -> int:
        """The unreviewed pre-labels a run of this folder sees (the parent's test images left out)."""
        return sum(s.prelabel for s in self.samples)


def collect_folder(data_dir: str | os.PathLike[str], label: str = "default",
                   exclude: Iterable[str | os.PathLike[str]] = (),
                   parent_meta: dict[str, Any] | None = None, size_notes: list[tuple[Path, str]] | None = None,
                   index_notes: list[str] | None = None,
                   known_hashes: Mapping[str, str | None] | None = None, *, labels_only: bool = False,
                   parent_path: str | os.PathLike[str] | None = None, image_sizes: bool = True,
                   stopped: Callable[[], bool] | None = None) -> CollectedFolder:
    """Read ``data_dir`` as `TrainingData.collect` does (its arguments), the held-out images found.
    ``image_sizes``: boxes on each image's own size, as `petloc train` reads them (`model.data.collect_samples`;
    the default, so that every read of a run's data agrees).
    ``size_notes``, ``index_notes``: as `model.data.collect_samples` fills them (`petloc train`'s warnings
    before TensorFlow loads, from the read its checks use: the images training sees). ``known_hashes``: an
    earlier read's `CollectedFolder.known_hashes` (`petloc train`'s checks): an image whose `file_stamp` is
    there is not hashed again; one changed since is. ``labels_only``: no image is hashed (``hashes`` is
    empty), the parent's test images are left out by their paths alone: what a check of the run's labels
    needs (`model.run_case_variants`), without reading every image through. ``parent_path``: the folder of
    ``parent_meta``'s bundle (`--init-from runs/<id>`): its own parents may have been written beside it.
    ``stopped``: `collect_samples`' (`CancelledError` once it says so)."""
    began = file_memo.now_ns()
    held = parent_splits(parent_meta)
    excluded: list[tuple[Path, str, Path | None]] = []
    samples, skipped, root = collect_samples(data_dir, label, [*exclude, *held["test"]], excluded, size_notes,
                                             index_notes, image_sizes=image_sizes, stopped=stopped)
    hashes: dict[str, str | None] = {}
    stamped: dict[str, str | None] = {}
    # the test photo each sha256 is (its relative path): the parent's as it recorded it, then the held-out
    # images of this folder (--exclude-list's, the parent's found by path): a byte copy of one under another
    # name is the same photo, and trained on it made the test figures of the one listed a training image's
    tests = {} if labels_only else _test_names(parent_meta, excluded, known_hashes or {}, stamped)
    validation_hashes = parent_split_hashes(parent_meta, "validation")
    learned, inherited_digits, lineage_incomplete, read_canvases = _lineage_learned(parent_meta, parent_path)
    learned_tests = frozenset(relpath for digest, relpath in tests.items() if digest in learned)
    test_copies: list[tuple[str, str]] = []
    # the parent's test photos under another name or folder are still test photos, and its validation
    # photos still validation photos (a folder laid out otherwise than the parent's trained on them all)
    if (tests or learned or validation_hashes) and not labels_only:
        kept = []
        for sample in samples:
            digest = hashes[sample.relpath] = _hashed(sample.image_path, known_hashes or {}, stamped)
            if digest is not None and digest in tests:
                excluded.append((sample.image_path, sample.relpath, sample.annotation_path))
                test_copies.append((sample.relpath, tests[digest]))
            else:
                kept.append(sample)
        samples = kept
    models = prelabel_models(samples, parent_meta) if label == "default" else {}
    return CollectedFolder(Path(root), samples, skipped, excluded, hashes, held["validation"], validation_hashes,
                           learned, inherited_digits, models, stamped, lineage_incomplete, test_copies, learned_tests,
                           began, read_canvases)


def _test_names(parent_meta: dict[str, Any] | None, excluded: Sequence[tuple[Path, str, Path | None]],
                known: Mapping[str, str | None], stamped: dict[str, str | None]) -> dict[str, str]:
    """{sha256: relative path} of every test image: the parent's, as its meta.json records them, and each
    image ``excluded`` holds out (read here: --exclude-list names its test images by path only)."""
    names = parent_split_names(parent_meta, "test")  # as `splits.parent_test_hashes` reads them
    for image, relpath, _ in excluded:
        digest = _hashed(image, known, stamped)
        if digest is not None:
            names[digest] = relpath
    return names


def held_out_copies_line(copies: Sequence[tuple[str, str]], shown_as: Callable[[str], str] = visible) -> str:
    """What a run says of the byte copies of its test images it held out (`CollectedFolder.test_copies`):
    how many, and one of them, so that a person can tell which file copies which. Each name as ``shown_as``
    shows it: `visible` for the window's training log (which escapes what it shows), `core.text.isolated`
    for `petloc train`'s stderr line (`error`'s ``names_isolated``: a Hebrew name moved the words around it)."""
    copy, original = copies[0]
    return (f"{counted(len(copies), 'byte copy', 'byte copies')} of test images held out too, as test images "
            f"({'' if len(copies) == 1 else 'e.g. '}{shown_as(copy)} has the bytes of {shown_as(original)}): a copy "
            "trained or validated on would make the test figures those of photos the model had seen")


def without_unaware_prelabels(samples: Sequence[Sample], models: Mapping[str, PrelabelModel],
                              renamed: Mapping[str, str] | None = None) -> tuple[list[Sample], list[LeftOut]]:
    """``(kept, left out)``: the samples a run trains on (``samples``, after any --skip-prelabels) less
    the unreviewed pre-labels whose model (``models``: `CollectedFolder.prelabel_models`) did not know a
    class of the run (`run_classes`), each image's first box's (what a run learns), a class renamed since
    (``renamed``) known by its old name. Training (`TrainingData.from_folder`), `petloc train`'s check
    before TensorFlow (`cli.train_checks`) and the Retrain dialog's preview all leave them out by this rule.

    Not the classes a fine-tune keeps from the model it starts from: a class of that model no image
    of the folder shows is on no photo the pre-label's model could have labelled as another, and
    counting it dropped every pre-label of one's own model of digits 0-4 when fine-tuning the bundled
    digits model on them."""
    renamed = renamed or {}
    return without_unaware(samples, models, run_classes(samples, models, renamed), renamed)


def run_classes(samples: Sequence[Sample], models: Mapping[str, PrelabelModel],
                renamed: Mapping[str, str]) -> set[str]:
    """The classes that leave a pre-label out (`without_unaware_prelabels`): the first box's label of each
    sample the run trains on whatever a model knew (a person's save; a pre-label whose model cannot be
    found, or whose label its model did not know: a person's edit), and of each pre-label whose model knew
    every class on the first boxes of ``samples``. All of those are trained on, so a pre-label is only
    ever left out for a class of the run. The labels of the pre-labels of models that each lacked one
    leave nothing out: model A knew x and y, model B x and z, a person boxed x alone; counting y and z
    left A's pre-labels out for z and B's for y, neither then a class of the run, and which of the two
    to believe cannot be told (no set of them need be stable: three models each lacking the class the
    next one's pre-labels show)."""
    every = {sample.label for sample in samples}

    def trained_whatever(sample: Sample) -> bool:
        model = models.get(sample.relpath) if sample.prelabel else None
        return (model is None or model.classes is None or bool(model.unknown_of([sample.label], renamed))
                or not model.unknown_of(every, renamed))

    return {sample.label for sample in samples if trained_whatever(sample)}


def _lineage_learned(parent_meta: dict[str, Any] | None, parent_path: str | os.PathLike[str] | None = None
                     ) -> tuple[set[str], dict[str, frozenset[int] | None], str, frozenset[str]]:
    """What a parent model, and each model it was fine-tuned from, learned: the sha256 of every image
    they trained on, and the MNIST digits (`core.digits_record.learned_digits` of each, united), and why
    that is incomplete ("" when it is not); and the sha256 of every image they read (`Lineage.read_hashes`, and
    `core.digits_record.recorded_canvases` of the parent). The ancestors' digits, not the parent's record
    alone: a parent trained before that record, or one whose own parent is two fine-tunes from the bundled digits model,
    does not list them, and once an ancestor is deleted nothing else would. An incomplete chain was
    dropped unsaid, and validation held images the missing ancestor trained on."""
    if not isinstance(parent_meta, dict):
        return set(), {}, "", frozenset()
    from petloc_gui.core.digits_record import recorded_canvases
    from petloc_gui.model.training_record import lineage_of

    # said of the new model (its warnings, its meta.json): the break is named up from the model it starts from
    lineage = lineage_of(parent_meta, located=parent_path, walked=STARTS_FROM)
    # the parent's own, as the retrain comparison reads the current model's (an older record without a training
    # list still lists the validation images that chose its epoch)
    read = lineage.read_hashes() | recorded_canvases(parent_meta)
    return ({digest for record in lineage.records for digest in record.train_hashes}, lineage.digits,
            lineage.why_incomplete, read)


def incomplete_lineage_warning(why: str) -> str:
    """What a fine-tune says when ``why`` (`CollectedFolder.lineage_incomplete`) is not "": before it trains
    and beside its closing figures, in `petloc evaluate`'s words for such a record."""
    return (f"the record of the images the model it starts from, and the models it was fine-tuned from, "
            f"trained on is incomplete ({why}): validation may hold images they trained on, which would "
            f"flatter the figures (meta.json training_data.{LINEAGE_KEY})")


LINEAGE_KEY = "lineage_incomplete"  # meta.json training_data: why the images its ancestors learned are not all known
STARTS_FROM = "the model this run starts from"  # how `LINEAGE_KEY`'s text names the --init-from model


def file_stamp(path: Path) -> str | None:
    """What tells the file at ``path`` unchanged since (`file_memo.settled_state`: its path, inode, size, and
    modification and change times; a file replaced by one of its size with its time kept, `cp -p`, `rsync -a`,
    `exiftool -P`, has another ctime and inode, as `app.file_key` tells it); None when it cannot be told (no
    such file, or modified or changed within `file_memo.SETTLED_NS` of now: on a file system whose clock ticks
    coarsely, FAT's 2 s, a rewrite within the same tick, of the same size, keeps that state, and the hash read
    before it would be taken for the new bytes: wrong numbers in meta.json, a test photo trained on)."""
    try:
        state = settled_state(path)
    except OSError:
        return None
    return None if state is None else "\0".join(str(part) for part in state)


def _hashed(path: Path, known: Mapping[str, str | None], stamped: dict[str, str | None]) -> str | None:
    """The sha256 of the image at ``path``: ``known``'s while the file is as it was then, else read; put in
    ``stamped`` by its stamp, taken before the bytes are read (a rewrite meanwhile changes the stamp)."""
    stamp = file_stamp(path)
    digest = known[stamp] if stamp is not None and stamp in known else sha256_or_none(path)
    if stamp is not None and digest is not None:  # an unreadable file is tried again
        stamped[stamp] = digest
    return digest
