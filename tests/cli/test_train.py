"""`petloc train` end to end on a few dozen generated digits (slow: real training)."""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train, train_stop
from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.cli.main import build_parser
from tests.cli.helpers import run_cli, voc_xml, write_image


@pytest.fixture(scope="module")
def digits_folder(tmp_path_factory):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path_factory.mktemp("digits")
    write_digits_dataset(folder, "train", 40, seed=1)
    return folder


@pytest.mark.slow
def test_train_one_epoch_writes_a_bundle(digits_folder, tmp_path, capsys):
    out = tmp_path / "models"
    exclude = tmp_path / "exclude.txt"
    first = sorted(digits_folder.glob("*.png"))[0]
    exclude.write_text(f"# held out\n{first.stem}\n", encoding="utf-8")
    code, stdout, stderr = run_cli(
        capsys, "train", digits_folder, "--preset", "digits", "--out", out, "--epochs", "1",
        "--batch-size", "8", "--val-fraction", "0.25", "--seed", "3", "--exclude-list", exclude,
    )
    assert code == 0, stderr
    bundle = out / stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    assert stdout.strip().splitlines()[-1] == str(bundle)
    assert (bundle / "model.keras").is_file()
    meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    assert meta["preset"] == "digits"
    assert meta["version_id"] == bundle.name  # what a child's "parent" names is the folder `models` lists
    val_images = meta["splits"]["validation"]
    assert 5 <= len(val_images) <= 15  # 39 usable images, about a quarter held out
    assert first.name not in json.dumps(meta["validation_split"])
    assert meta["splits"]["test"] == [first.name]  # the exclude list, as a relative path
    assert first.name not in meta["splits"]["train"] and first.name in meta["images"]
    assert "Traceback" not in stderr
    assert "training on 39 images" in stderr
    # each digit once in the folder, no parent: no figure is on a digit a model learned (model.training_digits)
    assert meta["metrics_learned_digits"] is None and "MNIST" not in stderr
    epoch_lines = [line for line in stderr.splitlines() if line.startswith("epoch 1/1  loss")]
    assert len(epoch_lines) == 1 and "val_acc" in epoch_lines[0] and "val_mIoU" in epoch_lines[0]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no half-written leftovers


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "status", "cancelled"), [
    (signal.SIGINT, 130, "petloc: training cancelled; no bundle written"),
    (signal.SIGTERM, 143, "petloc: training cancelled (SIGTERM); no bundle written"),  # CI cancelling a job
])
def test_ctrl_c_cancels_without_a_bundle(digits_folder, tmp_path, monkeypatch, capsys, signum, status, cancelled):
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers can only be installed from the main thread")
    reporter_call = cmd_train.TrainReporter.__call__

    def interrupt_at_first_batch(self, event):
        reporter_call(self, event)
        if event.get("event") == "batch":
            os.kill(os.getpid(), signum)  # what Ctrl+C does, or CI cancelling the job

    monkeypatch.setattr(cmd_train.TrainReporter, "__call__", interrupt_at_first_batch)
    out = tmp_path / "models"
    # A shell that starts pytest in the background (`cmd &`) hands it SIGINT ignored; start from
    # what a terminal gives Python, so the check below is of the CLI's restore, not of the caller.
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    terminate = signal.signal(signal.SIGTERM, signal.default_int_handler)  # not the system's: it ends the tests
    try:
        code, stdout, stderr = run_cli(
            capsys, "train", digits_folder, "--preset", "digits", "--out", out, "--epochs", "3", "--batch-size", "8",
        )
        restored = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGINT, inherited)
        signal.signal(signal.SIGTERM, terminate)
    assert code == status
    assert stdout == ""
    assert cancelled in stderr
    assert not out.exists()  # made by the run (checking it can be written), empty: taken back
    assert restored == (signal.default_int_handler,) * 2  # handlers restored


def test_ctrl_c_once_the_bundle_is_written_is_ignored_until_the_process_exits():
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers can only be installed from the main thread")
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with train_stop.TrainStop():  # cancelled or failed: the caller's handler comes back
            pass
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        with train_stop.TrainStop() as stop:
            stop.finished()
        # Python's own handler would be reset to the system default before TensorFlow's teardown,
        # and a Ctrl+C there would end the process with exit 130 ("no bundle written")
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, inherited)


def test_train_refuses_bad_inputs_before_loading_tensorflow(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "file").write_text("x")
    cases = [
        (["--out", tmp_path / "file"], "--out exists and is not a folder"),
        (["--out", tmp_path / "file" / "sub"], "Not a directory"),  # found now, not after the last epoch
        (["--out", tmp_path / "o", "--backbone-weights", tmp_path / "w.h5"], "--backbone-weights file not found"),
        (["--out", tmp_path / "o2", "--init-from", tmp_path / "nobundle"], "no model bundle here"),
        (["--out", tmp_path / "o", "--init-from", tmp_path / "nobundle"], "no model bundle here"),
    ]
    for extra, message in cases:
        code, _, err = run_cli(capsys, "train", data, "--preset", "digits", *extra)
        assert code == 1
        assert err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "o").exists() and not (tmp_path / "o2").exists()  # a refused command makes no folder


@pytest.mark.parametrize("tf_config", ["{", "", "[1, 2]", pytest.param("[" * 100_000, id="nested-too-deep")])
def test_train_multiworker_refuses_a_tf_config_that_is_no_json_object_naming_it(tmp_path, capsys, monkeypatch,
                                                                                 tf_config):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("TF_CONFIG", tf_config)
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "o",
                             "--distribute", "multiworker")
    assert (code, out) == (2, "") and err.count("\n") == 1  # a usage error, as every bad TF_CONFIG
    assert err.startswith("petloc: the TF_CONFIG environment variable is not ")
    assert not (tmp_path / "o").exists()  # refused before anything is made


def test_train_refuses_an_unwritable_out_before_training(tmp_path, capsys, monkeypatch):
    import tempfile

    data = tmp_path / "data"
    data.mkdir()

    def refuse(*args, **kwargs):  # what a folder without write permission does (root ignores chmod)
        raise PermissionError(13, "Permission denied", str(Path(kwargs["dir"]) / ".petloc-write-check-x1y2"))

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)  # the write probe (output.write_probe_error)
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "ro")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "--out cannot be written to (Permission denied)" in err, err
    assert str(tmp_path / "ro") in err and "write-check" not in err  # the folder, not the probe's file


def test_resolve_exclude_list_accepts_names_stems_and_paths(tmp_path, capsys):
    for name in ("a.png", "b.png", "c.png", "e.png"):
        write_image(tmp_path / name, 8, 8)
    sub = tmp_path / "sub"
    sub.mkdir()
    write_image(sub / "d.png", 8, 8)
    listing = tmp_path / "exclude.txt"
    listing.write_text(f"a.png\nb\n{tmp_path / 'c.png'}\nsub/d.png\nmissing.png\ne 1 2 3\n", encoding="utf-8")
    resolved = resolve_exclude_list(tmp_path, listing)
    expected = {tmp_path / "a.png", tmp_path / "b.png", tmp_path / "c.png", sub / "d.png", tmp_path / "e.png"}
    assert set(resolved) == {str(p.resolve()) for p in expected}
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.png" in err


@pytest.fixture(scope="module")
def large_photos(tmp_path_factory):
    """12 noisy 1600x1200 JPEGs with boxes: slow to decode, so decodes are in flight at any moment."""
    import numpy as np
    from PIL import Image

    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    folder = tmp_path_factory.mktemp("photos")
    rng = np.random.default_rng(0)
    for i in range(12):
        path = folder / f"photo_{i:02d}.jpg"
        Image.fromarray(rng.integers(0, 255, (1200, 1600, 3), dtype=np.uint8)).save(path, quality=95)
        annotation = new_annotation(path, 1600, 1200)
        annotation.objects.append(VocObject("cat" if i % 2 else "dog", Box(300, 200, 900, 800)))
        write_voc(annotation, path.with_suffix(".xml"))
    return folder


@pytest.mark.slow
def test_sigint_to_a_real_process_exits_130_promptly(large_photos, tmp_path):
    """Ctrl+C on `petloc train` in its own process: exit 130 in seconds, no bundle.

    The pets preset: its photo pipeline (parallel decode + crop in tf.data) once left
    the process hanging at exit after a cancel.
    """
    import subprocess
    import sys
    import time

    out = tmp_path / "models"
    proc = subprocess.Popen(
        [sys.executable, "-m", "petloc_gui.cli", "train", str(large_photos), "--preset", "pets", "--out", str(out),
         "--epochs", "200", "--batch-size", "4"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"))
    try:
        seen = ""
        deadline = time.monotonic() + 300
        while "loss" not in seen and time.monotonic() < deadline:  # training is under way
            line = proc.stderr.readline()
            if not line:
                break
            seen = line if line.startswith("epoch") else ""
        assert "loss" in seen, "training never started"
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
        elapsed = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr[-2000:]
    assert "training cancelled; no bundle written" in stderr
    assert elapsed < 30, f"took {elapsed:.1f} s to exit"
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_label_choices_match_the_label_sources_training_accepts():
    # cli.args keeps its own copy so `--help` loads no dataset code; the two must agree.
    from petloc_gui.cli.args import LABEL_CHOICES
    from petloc_gui.model.data import LABEL_SOURCES

    assert LABEL_CHOICES == LABEL_SOURCES


def test_an_unusable_image_cache_costs_speed_not_the_run(digits_folder, tmp_path, capsys, monkeypatch):
    from petloc_gui.model import image_cache

    def refuse(self, folder):  # a read-only cache folder (root ignores chmod)
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(image_cache.ImageCache, "__init__", refuse)
    code, stdout, stderr = run_cli(capsys, "train", digits_folder, "--preset", "digits", "--out", tmp_path / "m",
                                   "--epochs", "1", "--batch-size", "8", "--cache-images")
    assert code == 0, stderr
    assert "cannot be used (Permission denied): training without it" in stderr
    assert (Path(stdout.strip().splitlines()[-1]) / "model.keras").is_file()


def test_train_warns_about_annotations_drawn_on_another_image_size_before_tensorflow(tmp_path, capsys,
                                                                                   monkeypatch):

    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "a.png", 40, 30)
    (data / "a.xml").write_text(voc_xml("a.png", 80, 60, [("cat", (10, 10, 30, 25))]), encoding="utf-8")

    class StopBeforeTensorFlowError(Exception):
        pass

    def no_tensorflow():
        raise StopBeforeTensorFlowError

    monkeypatch.setattr(cmd_train, "load_tensorflow", no_tensorflow)
    with pytest.raises(StopBeforeTensorFlowError):
        cmd_train.run(build_parser().parse_args(["train", str(data), "--preset", "digits", "--out",
                                                 str(tmp_path / "out")]))
    assert capsys.readouterr().err.splitlines()[0] == (
        f"petloc: warning: {data / 'a.xml'}: size in file 80x60 differs from the image 40x30; the image's size is used"
        "; its boxes are used as written (if its image was resized since, they do not fit it)")
