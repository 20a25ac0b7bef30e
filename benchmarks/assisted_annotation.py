"""The loop, measured: annotation time with petloc's predict -> correct -> retrain loop vs drawing every box.

    .venv/bin/python benchmarks/assisted_annotation.py [--quick] [--runs zero,pets] [--work DIR]

A simulated annotator works through a folder whose true boxes it hides
(``../shared/data/oxford-pets-3breeds``: 236 boxed photos). It walks the
review queue (the window's rule: pre-labels lowest confidence first; name
order while there is no model), and for each image looks at the current
model's pre-label:

- right label and IoU with the true box >= 0.85: accept it;
- 0.5 <= IoU < 0.85: adjust it;
- IoU < 0.5, or no model yet: draw the box;
- a wrong label adds a relabel.

Then it saves the true box (what the person ends with). Every 25 images it
retrains through the same code as the window (the training worker child
process with ``model.retrain_policy.worker_args``, committed to a version
store): the first model of a folder with new classes is trained from the
shipped ImageNet backbone as "Train a model for these classes" does, as soon
as each class has 3 boxes; later rounds fine-tune the current model, as the
Retrain… dialog's default does.

Two runs:
  zero  the 236 boxed photos, classes renamed (cat -> kind_a, dog -> kind_b) so no
        model knows them; copied under neutral shuffled names (photo_0001.jpg ...)
        so file names do not give the breed away; starts with no model.
  pets  the bundled pets model on its held-out test photos only (listed in its
        meta.json: never trained on, never used to choose its epoch), with their
        labels.
A model's pre-labels are only ever scored on photos not yet annotated, so a
model is never scored on a photo it trained on.

Prints one row per round and one line per run:
  assisted: run=zero images=N accepted=A adjusted=J redrawn=R relabelled=L est_seconds=S manual_seconds=M speedup=X
``manual`` is drawing every box (labelImg). ``--quick`` trains fewer epochs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(REPO))

# -- the time model (fixed; seconds per box) ------------------------------------
# Accept a proposed box after looking at it: box verification takes 1.6 s per box.
#   D. P. Papadopoulos, J. R. R. Uijlings, F. Keller, V. Ferrari, "We don't need no
#   bounding-boxes: Training object class detectors using only human verification", CVPR 2016.
ACCEPT_SECONDS = 1.6
# Adjust a box that is roughly right: extreme clicking takes 7.0 s per box.
#   D. P. Papadopoulos, J. R. R. Uijlings, F. Keller, V. Ferrari, "Extreme clicking for
#   efficient object annotation", ICCV 2017.
ADJUST_SECONDS = 7.0
# Draw a box from nothing (draw + quality check): 25.5 s per box.
#   H. Su, J. Deng, L. Fei-Fei, "Crowdsourcing annotations for visual object detection",
#   AAAI 2012 workshop on Human Computation (HCOMP).
DRAW_SECONDS = 25.5
# Pick the right class from the label list when the pre-label's class is wrong (the figure).
RELABEL_SECONDS = 1.0
ACCEPT_IOU = 0.85
ADJUST_IOU = 0.5
ROUND_IMAGES = 25
RENAMED = {"cat": "kind_a", "dog": "kind_b"}
SHUFFLE_SEED = 0


@dataclass
class Photo:
    name: str  # in the work folder
    source: Path
    label: str  # the truth the simulated annotator ends with
    box: object  # core.boxes.Box in displayed pixels


@dataclass
class Tally:
    accepted: int = 0
    adjusted: int = 0
    redrawn: int = 0
    relabelled: int = 0
    seconds: float = 0.0
    rows: list[dict] = field(default_factory=list)

    @property
    def images(self) -> int:
        return self.accepted + self.adjusted + self.redrawn


def action_for(truth: Photo, prediction) -> tuple[str, bool]:
    """("accept" | "adjust" | "draw", relabel needed) for one pre-label (None: no model)."""
    from petloc_gui.core.boxes import iou

    if prediction is None:
        return "draw", False
    overlap = iou(prediction.box, truth.box)
    relabel = prediction.label != truth.label
    if overlap >= ACCEPT_IOU and not relabel:
        return "accept", False
    if overlap >= ADJUST_IOU:
        return "adjust", relabel
    return "draw", relabel


def review_order(photos: list[Photo], predictions: dict[str, object]) -> list[Photo]:
    """The window's review queue for images without ground truth (app.review_queue's rule)."""
    from petloc_gui.app.review_queue import QueueEntry, sort_key

    entries = {p.name: QueueEntry(name=p.name, has_gt=False, has_prediction=p.name in predictions,
                                  confidence=getattr(predictions.get(p.name), "confidence", None))
               for p in photos}
    return sorted(photos, key=lambda p: sort_key(entries[p.name]))


def save_truth(folder: Path, photo: Photo) -> None:
    """What the person ends with: the true box and label, saved as the window saves it."""
    from petloc_gui.core.images import image_size
    from petloc_gui.core.voc import VocAnnotation, VocObject
    from petloc_gui.core.voc_write import write_voc

    width, height = image_size(folder / photo.name)
    annotation = VocAnnotation(filename=photo.name, folder=folder.name, width=width, height=height,
                               objects=[VocObject(name=photo.label, box=photo.box)], verified=True)
    write_voc(annotation, (folder / photo.name).with_suffix(".xml"))


def predict(spec: str, folder: Path, photos: list[Photo]) -> dict[str, object]:
    from petloc_gui.model.inference import Predictor

    predictor = Predictor(spec)
    results = predictor.predict_paths([folder / p.name for p in photos])
    return {p.name: r for p, r in zip(photos, results, strict=True) if not isinstance(r, Exception)}


def unseen_scores(photos: list[Photo], predictions: dict[str, object]) -> tuple[float | None, float | None]:
    """(mean IoU, accuracy) of the current model on the photos not yet annotated (never trained on)."""
    from petloc_gui.core.boxes import iou

    scored = [(p, predictions[p.name]) for p in photos if p.name in predictions]
    if not scored:
        return None, None
    mean_iou = sum(iou(q.box, p.box) for p, q in scored) / len(scored)
    accuracy = sum(q.label == p.label for p, q in scored) / len(scored)
    return mean_iou, accuracy


def retrain(folder: Path, store, current: str | None, preset: str, epochs: int, log) -> tuple[str | None, float]:
    """One retrain as the window runs it; returns (new model path or None, seconds)."""
    from petloc_gui.core.child_python import child_environment
    from petloc_gui.model.retrain_policy import worker_args, worker_command
    from petloc_gui.model.train_worker import label_source_for

    started = time.monotonic()
    staging = store.new_staging_dir(preset)
    args = worker_args(folder, preset, staging, epochs=epochs, label=label_source_for(preset, current),
                       current=current, fine_tune=current is not None)
    # the child runs with -P (no current folder on its path): it is given this checkout's package explicitly
    env = child_environment({**os.environ, "PETLOC_DATA_DIR": str(store.root.parent), "TF_CPP_MIN_LOG_LEVEL": "2"})
    proc = subprocess.Popen(worker_command(args), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                            text=True, env=env)
    done = None
    for line in proc.stdout:
        event = json.loads(line)
        if event.get("event") == "done":
            done = event
        elif event.get("event") == "error":
            print(f"  retrain failed: {event.get('message')}", flush=True)
        elif event.get("event") == "comparison":
            print(f"  comparison: {event.get('note')}", flush=True)
    proc.stdin.close()
    code = proc.wait()
    seconds = time.monotonic() - started
    if code != 0 or done is None:
        store.remove_staging(staging)
        return None, seconds
    return str(store.commit(staging).path), seconds


def enough_boxes(done: list[Photo], minimum: int) -> bool:
    counts: dict[str, int] = {}
    for photo in done:
        counts[photo.label] = counts.get(photo.label, 0) + 1
    return len(counts) >= 2 and min(counts.values()) >= minimum


def run(name: str, photos: list[Photo], work: Path, start_model: str | None, preset: str,
        first_epochs: int, retrain_epochs: int) -> Tally:
    from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
    from petloc_gui.model.versions import VersionStore

    folder = work / name / "data"
    folder.mkdir(parents=True)
    for photo in photos:
        shutil.copy(photo.source, folder / photo.name)
    store = VersionStore(work / name / "models")
    log = open(work / name / "worker.log", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    model, tally, remaining, annotated = start_model, Tally(), list(photos), []
    print(f"\nrun={name}: {len(photos)} photos, start model {start_model or 'none'}", flush=True)
    print(f"{'round':>5} {'done':>5} {'accepted':>8} {'adjusted':>8} {'redrawn':>7} {'relabel':>7} "
          f"{'unseen_IoU':>10} {'unseen_acc':>10} {'n_unseen':>8} {'model':>28} {'train_s':>7}", flush=True)
    round_no, train_s = 0, 0.0
    while remaining:
        round_no += 1
        predictions = predict(model, folder, remaining) if model else {}
        mean_iou, accuracy = unseen_scores(remaining, predictions)
        batch = review_order(remaining, predictions)[:ROUND_IMAGES]
        for photo in batch:
            action, relabel = action_for(photo, predictions.get(photo.name))
            tally.accepted += action == "accept"
            tally.adjusted += action == "adjust"
            tally.redrawn += action == "draw"
            tally.relabelled += relabel
            tally.seconds += {"accept": ACCEPT_SECONDS, "adjust": ADJUST_SECONDS, "draw": DRAW_SECONDS}[action]
            tally.seconds += RELABEL_SECONDS if relabel else 0.0
            save_truth(folder, photo)
        row = {"round": round_no, "images_done": tally.images, "accepted": tally.accepted,
               "adjusted": tally.adjusted, "redrawn": tally.redrawn, "relabelled": tally.relabelled,
               "unseen_mean_iou": mean_iou, "unseen_accuracy": accuracy, "n_unseen": len(remaining),
               "model": Path(model).name if model else "none", "train_seconds": round(train_s, 1)}
        tally.rows.append(row)
        print(f"{round_no:>5} {tally.images:>5} {tally.accepted:>8} {tally.adjusted:>8} {tally.redrawn:>7} "
              f"{tally.relabelled:>7} {_fmt(mean_iou):>10} {_fmt(accuracy):>10} {len(remaining):>8} "
              f"{row['model'][-28:]:>28} {train_s:>7.0f}", flush=True)
        annotated += batch
        remaining = [p for p in remaining if p not in batch]
        train_s = 0.0
        if remaining and (model is not None or enough_boxes(annotated, MIN_BOXES_PER_CLASS)):
            epochs = retrain_epochs if model is not None else first_epochs
            new, train_s = retrain(folder, store, model, preset, epochs, log)
            model = new or model
    log.close()
    manual = len(photos) * DRAW_SECONDS
    print(f"assisted: run={name} images={tally.images} accepted={tally.accepted} adjusted={tally.adjusted} "
          f"redrawn={tally.redrawn} relabelled={tally.relabelled} est_seconds={tally.seconds:.0f} "
          f"manual_seconds={manual:.0f} speedup={manual / tally.seconds:.2f}", flush=True)
    return tally


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def oxford_photos(oxford: Path) -> list[tuple[str, Path, str, object]]:
    """(relpath, image, VOC label, box) of every usable boxed photo (the training code's own reader)."""
    from petloc_gui.core.boxes import Box
    from petloc_gui.model.data import collect_samples

    samples, _, _ = collect_samples(oxford, "default")
    return [(s.relpath, s.image_path, s.label, Box(*s.box)) for s in samples]


def zero_run_photos(oxford: Path) -> list[Photo]:
    boxed = oxford_photos(oxford)
    random.Random(SHUFFLE_SEED).shuffle(boxed)
    return [Photo(f"photo_{i:04d}{image.suffix.lower()}", image, RENAMED.get(label, label), box)
            for i, (_, image, label, box) in enumerate(boxed, 1)]


def pets_run_photos(oxford: Path) -> list[Photo]:
    """The bundled pets model's held-out test photos (its meta.json), under their own names."""
    from petloc_gui.model.training_record import record_of

    test = record_of("pets").test
    if not test:
        raise SystemExit("the bundled pets model's meta.json lists no test photos")
    return [Photo(Path(rel).name, image, label, box) for rel, image, label, box in oxford_photos(oxford)
            if rel in test]


def markdown(results: dict) -> str:
    """The rounds of each run as a markdown table plus a text chart of the time per round."""
    lines = []
    for name, result in results.items():
        rows = result["rows"]
        lines += [f"**run={name}** ({rows[0]['n_unseen'] if rows else 0} photos; wall time "
                  f"{result.get('wall_seconds', '?')} s)", "",
                  "| round | images done | accepted | adjusted | redrawn | relabelled | model mean IoU on unseen "
                  "| accuracy on unseen | unseen |", "|---|---|---|---|---|---|---|---|---|"]
        for r in rows:
            lines.append(f"| {r['round']} | {r['images_done']} | {r['accepted']} | {r['adjusted']} | {r['redrawn']} "
                         f"| {r['relabelled']} | {_fmt(r['unseen_mean_iou'])} | {_fmt(r['unseen_accuracy'])} "
                         f"| {r['n_unseen']} |")
        lines += ["", "```", f"seconds per image in each round (run={name}; labelImg: {DRAW_SECONDS} s)"]
        previous = {"accepted": 0, "adjusted": 0, "redrawn": 0, "relabelled": 0}
        for r in rows:
            done = {k: r[k] - previous[k] for k in previous}
            n = done["accepted"] + done["adjusted"] + done["redrawn"]
            seconds = (done["accepted"] * ACCEPT_SECONDS + done["adjusted"] * ADJUST_SECONDS
                       + done["redrawn"] * DRAW_SECONDS + done["relabelled"] * RELABEL_SECONDS)
            per = seconds / n if n else 0.0
            lines.append(f"round {r['round']:>2} |{'#' * round(per)}{' ' * (27 - round(per))}| {per:5.1f} s")
            previous = {k: r[k] for k in previous}
        lines += ["```", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer training epochs (about 40 min on 2 cores)")
    parser.add_argument("--runs", default="zero,pets", help="comma-separated: zero, pets")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--json", type=Path, default=None, help="also write every round as JSON here")
    parser.add_argument("--limit", type=int, default=None, help="only the first N photos of each run (smoke test)")
    parser.add_argument("--first-epochs", type=int, default=None, help="override the first model's epochs")
    parser.add_argument("--retrain-epochs", type=int, default=None, help="override the retrain epochs")
    parser.add_argument("--report", type=Path, default=None,
                        help="print the markdown table and chart of a finished run's --json file, and stop")
    args = parser.parse_args(argv)
    if args.report:
        print(markdown(json.loads(args.report.read_text(encoding="utf-8"))))
        return 0

    from petloc_gui.core.paths import shared_dir
    from petloc_gui.model.retrain_policy import FIRST_MODEL_EPOCHS, RETRAIN_EPOCHS

    shared = shared_dir()
    oxford = shared / "data" / "oxford-pets-3breeds" if shared else None
    if oxford is None or not oxford.is_dir():
        print("assisted: ../shared/data/oxford-pets-3breeds is absent; nothing to measure", file=sys.stderr)
        return 2
    first, again = (FIRST_MODEL_EPOCHS // 2, 3) if args.quick else (FIRST_MODEL_EPOCHS, RETRAIN_EPOCHS)
    first, again = args.first_epochs or first, args.retrain_epochs or again
    work = args.work or Path(tempfile.mkdtemp(prefix="petloc-assisted-"))
    print(f"assisted annotation: work folder {work}; first model {first} epochs, retrain {again} epochs "
          f"every {ROUND_IMAGES} images; accept {ACCEPT_SECONDS} s, adjust {ADJUST_SECONDS} s, "
          f"draw {DRAW_SECONDS} s, relabel +{RELABEL_SECONDS} s", flush=True)
    results = {}
    for name in args.runs.split(","):
        started = time.monotonic()
        if name == "zero":
            tally = run("zero", zero_run_photos(oxford)[:args.limit], work, None, "photo", first, again)
        elif name == "pets":
            tally = run("pets", pets_run_photos(oxford)[:args.limit], work, "pets", "pets", first, again)
        else:
            parser.error(f"unknown run {name!r}")
        results[name] = {"rows": tally.rows, "est_seconds": tally.seconds,
                         "wall_seconds": round(time.monotonic() - started)}
        print(f"  (run {name} took {time.monotonic() - started:.0f} s of wall time)", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
