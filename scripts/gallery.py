"""Render every window and dialog of petloc as a user sees it, at scale 1 and 1.5, into PNGs.

    .venv/bin/python scripts/gallery.py OUT [--photos FOLDER] [--scales 1 1.5] [--timeout 120]

Run it under a real X server with a window manager (e.g. ``Xvfb :99`` +
``openbox``; ``DISPLAY=:99``) to see frames and placement; offscreen works too.
For each scale it writes OUT/scale-<s>/NN-<what>.png (the window itself) and,
for a few moments, NN-<what>-screen.png (the whole screen: where the windows
are). The main window opens on the demo folder with the real digits model and
on a photo folder with the real pets model (FOLDER, or a few Oxford pets copied
from ../shared when it is there). The training progress is fed synthetic
events: the gallery shows the windows, it does not train.

The user data folder is a temporary one, so the gallery never touches yours.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OXFORD_SAMPLE = ("Abyssinian_1", "Abyssinian_10", "Abyssinian_100", "Bengal_1", "Bengal_10", "Bengal_100",
                 "american_bulldog_10", "american_bulldog_100", "american_bulldog_101")
LONG_NAME = "IMG_20261201_a_very_long_file_name_from_a_phone_camera_that_never_stops_0042"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--photos", type=Path, help="a folder of photos (+ VOC XML) for the pets views")
    parser.add_argument("--scales", nargs="+", default=["1", "1.5"])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for predictions and the model")
    parser.add_argument("--one-scale", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_scale:
        return render(args)
    code = 0
    data = Path(tempfile.mkdtemp(prefix="petloc-gallery-"))
    (data / "tmp").mkdir()  # each run's temporary photos and settings: removed with the rest below
    try:
        for scale in args.scales:
            env = dict(os.environ, QT_SCALE_FACTOR=scale, PETLOC_DATA_DIR=str(data / "data"),
                       XDG_CONFIG_HOME=str(data / "config"), TMPDIR=str(data / "tmp"))
            command = [sys.executable, __file__, str(args.out / f"scale-{scale}"), "--one-scale",
                       "--timeout", str(args.timeout)] + (["--photos", str(args.photos)] if args.photos else [])
            code |= subprocess.call(command, env=env)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    print(f"gallery: {sorted(str(p.relative_to(args.out)) for p in args.out.rglob('*.png'))}")
    return code


def photo_folder(given: Path | None) -> Path | None:
    """The photos to show: the given folder, else a few Oxford pets (+ one long name) in a temporary copy."""
    if given is not None:
        return given
    from petloc_gui.core.paths import shared_dir

    shared = shared_dir()
    source = shared / "data" / "oxford-pets-3breeds" if shared is not None else None
    if source is None or not source.is_dir():
        return None
    out = Path(tempfile.mkdtemp(prefix="petloc-gallery-photos-"))
    for i, stem in enumerate(OXFORD_SAMPLE):
        name = f"{LONG_NAME}_{stem}" if i == 0 else stem
        image = source / "images" / f"{stem}.jpg"
        if image.is_file():
            shutil.copy(image, out / f"{name}.jpg")
        xml = source / "annotations" / "xmls" / f"{stem}.xml"
        if xml.is_file():
            shutil.copy(xml, out / f"{name}.xml")
    return out


class Shooter:
    def __init__(self, app, out: Path) -> None:
        self.app, self.out, self.n = app, out, 0
        out.mkdir(parents=True, exist_ok=True)

    def wait(self, seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def until(self, condition, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if condition():
                return True
            self.wait(0.1)
        return False

    def shot(self, widget, name: str, screen: bool = False) -> None:
        self.wait()
        self.n += 1
        widget.grab().save(str(self.out / f"{self.n:02d}-{name}.png"))
        if screen:
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.primaryScreen().grabWindow(0).save(str(self.out / f"{self.n:02d}-{name}-screen.png"))


def predictions_done(window) -> bool:
    return window.session is not None and window.session.queue_known()


def model_settled(window) -> bool:
    """The model in use has loaded, or failed (the window says why). A second scale's run gets its
    predictions from the first run's cache before the model is up: shot then, the panes showed
    predictions under a status bar still saying "Loading model digits…"."""
    models = window.models
    return models.problem is not None or (models.info is not None and models.info.spec == models.spec)


def main_view_ready(window) -> bool:
    """What a user sees once the folder has settled: its predictions known and its model loaded."""
    return predictions_done(window) and model_settled(window)


def feed_mid_run(progress, near) -> None:
    """The Retraining window part-way through a synthetic run, as a real run fills it: shown at the run's
    start, then fed its events (fed while hidden, the log stayed scrolled to its top)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    progress.begin(5)
    progress.move(near.pos() + QPoint(120, 90))
    progress.show()  # the window fits itself into the screen as it shows
    # laid out and fitted before the first event, as a real run's first event comes seconds later: a log
    # filled before its room was known was left at its top when the room shrank under it
    QApplication.processEvents()
    progress.on_event({"event": "start", "epochs": 5, "steps_per_epoch": 12, "n_train": 48, "n_val": 12,
                       "val_images": [f"Abyssinian_{i}.jpg" for i in range(12)]})
    for epoch in (1, 2, 3):
        for step in range(1, 13):
            progress.on_event({"event": "batch", "epoch": epoch, "step": step, "steps": 12, "loss": 1.0 / epoch})
        progress.on_event({"event": "epoch", "epoch": epoch, "epochs": 5, "loss": 1.2 / epoch,
                           "val_accuracy": 0.6 + 0.1 * epoch, "val_mean_iou": 0.4 + 0.08 * epoch})
    progress.append_log("[petloc] this log is fed synthetic events by the gallery")


def put_away_result(progress) -> None:
    """The synthetic result put away decided: nothing was trained, and left undecided it put "New model: not
    kept yet" in the later shots' status bar while Model → Versions said "No trained versions yet"."""
    progress.show_decided("The gallery's synthetic result: nothing to keep.")
    progress.hide()


def render(args) -> int:
    from PySide6.QtCore import QCoreApplication, QPoint
    from PySide6.QtWidgets import QApplication, QMessageBox

    from petloc_gui.core.paths import APP_NAME

    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication([])
    from petloc_gui.app.demo_folder import ensure_demo_folder
    from petloc_gui.ui.app import install_retraining
    from petloc_gui.ui.main_thread_gc import MainThreadCollector
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    MainThreadCollector(app)  # as the app runs (no cyclic collection in worker threads)

    shoot = Shooter(app, args.out)
    window = MainWindow(settings=Settings(str(Path(tempfile.mkdtemp()) / "settings.ini")))
    install_retraining(window)
    controller = window.retrain_controller
    window.show()
    window.open_folder(ensure_demo_folder())
    window.file_dock.set_review_order(True)
    if not shoot.until(lambda: main_view_ready(window), args.timeout):
        print(f"gallery: the demo's predictions or model did not finish in {args.timeout:.0f} s", file=sys.stderr)
    window.session.show_queue_top()
    shoot.until(lambda: window.session.loading is None, 10)  # decoded off the UI thread: "Loading…" until then
    shoot.shot(window, "main-window-demo", screen=True)
    window.act["overlay"].trigger()
    shoot.shot(window, "main-window-demo-overlay")
    window.act["overlay"].trigger()

    photos = photo_folder(args.photos)
    if photos is not None:
        window.open_folder(photos, model="pets")
        shoot.until(lambda: main_view_ready(window), args.timeout)
        window.show_row(0)
        shoot.until(lambda: window.session.loading is None, 10)
        shoot.shot(window, "main-window-photos", screen=True)
        window.dataset_panel.toggleViewAction().trigger()
        shoot.until(lambda: window.dataset_panel.stats is not None, 30)
        shoot.shot(window, "dataset-panel")
        window.dataset_panel.toggleViewAction().trigger()
        window.file_dock.raise_()
        # what the image-set watch says (the line under the list, the deleted image's row); its
        # signal fed here, as ../shared is not written to
        items = window.dataset.items
        said = window.session.watchers.image_watch.changed
        said.emit([str(photos / f"Abyssinian_new_{i}.jpg") for i in range(3)],
                  [str(items[1].image_path)] if len(items) > 1 else [])
        shoot.shot(window, "main-window-folder-changed")
        said.emit([], [])
    else:
        print("gallery: no photo folder (give --photos or provide ../shared): photo views skipped", file=sys.stderr)

    from petloc_gui.app.model_choice import model_display_name
    from petloc_gui.ui.training.retrain_counts import count_annotated
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog
    from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

    folder = window.current_folder()
    spec = window.current_model_spec()  # as the real dialog asks: the fine-tune's preview
    dialog = RetrainDialog(window, model_name=model_display_name(spec),
                           data_name=str(folder), n_annotated=count_annotated(window.dataset),
                           has_unsaved=True,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=spec))
    dialog.show()
    shoot.until(lambda: dialog.holdout_list.count() > 0, 30)
    shoot.shot(dialog, "retrain-dialog")
    dialog.close()

    progress = controller._progress_window()
    feed_mid_run(progress, window)
    shoot.shot(progress, "training-progress-mid-run", screen=True)
    progress.on_event({"event": "done", "metrics": {}})
    progress.show_result({"accuracy": 0.917, "mean_iou": 0.652, "iou_ge_50": 0.833, "n_images": 12},
                         {"accuracy": 0.917, "mean_iou": 0.688, "iou_ge_50": 0.917, "n_images": 12},
                         "Both models were scored on the same 12 held-out images.")
    shoot.shot(progress, "model-comparison")
    put_away_result(progress)

    menu = controller.versions_menu
    menu.popup(window.mapToGlobal(QPoint(200, 60)))
    shoot.shot(menu, "versions-menu", screen=True)
    menu.hide()

    from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog

    deleting = DeleteVersionsDialog(controller.store, window.current_model_spec, window)
    deleting.show()
    shoot.shot(deleting, "delete-versions")
    deleting.close()

    from petloc_gui.ui.help_dialog import HelpDialog

    help_dialog = HelpDialog(window)
    help_dialog.show()
    shoot.shot(help_dialog, "shortcuts")
    help_dialog.close()

    from petloc_gui.ui.about_dialog import AboutDialog

    about = AboutDialog(window)
    about.show()
    shoot.shot(about, "about", screen=True)
    about.tabs.setCurrentIndex(1)  # the credits (NOTICE)
    shoot.shot(about, "about-credits")
    about.close()

    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info()
    classes = ClassListDialog(ClassEditor(window.session, window.edits,
                                          lambda: info.class_names if info else (), host=window), window)
    classes.show()
    shoot.shot(classes, "class-list")
    classes.close()

    from petloc_gui.ui.review.question_room import line_fits
    from petloc_gui.ui.review.save_guard import unsaved_text

    names = [window.session.image_path(r).name for r in range(min(12, len(window.dataset.items)))]
    buttons = QMessageBox.SaveAll | QMessageBox.Discard | QMessageBox.Cancel
    box = QMessageBox(QMessageBox.Question, "Unsaved changes", unsaved_text(names, fits=line_fits(window, buttons)),
                      buttons, window)  # as save_guard.confirm_leave builds it: each name fitted to the box's room
    box.show()
    shoot.shot(box, "unsaved-changes", screen=True)
    box.close()

    window.guard.confirm_leave = lambda reload=False: True
    window.close()
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
