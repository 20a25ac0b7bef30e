"""`petloc train` names a file of a format petloc does not read (HEIC...) that has no annotation,
with the images it leaves out: it named only an annotated one, and an unannotated HEIC photo was
said nowhere (docs/architecture.md: train reports unread formats as skipped images)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli import cmd_train
from petloc_gui.cli.output import show
from tests.cli.helpers import run_cli, voc_xml, write_image

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
REASON = "HEIC images are not supported; convert it to JPEG or PNG"


def _folder(tmp_path, usable: int) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in range(usable):
        write_image(folder / f"good{n}.png", 40, 30)
        (folder / f"good{n}.xml").write_text(voc_xml(f"good{n}.png", 40, 30, [("cat", (5, 5, 20, 20))]),
                                             encoding="utf-8")
    write_image(folder / "unlabelled.png", 40, 30)
    (folder / "phone.heic").write_bytes(HEIC)  # no annotation
    (folder / "boxed.heic").write_bytes(HEIC)  # annotated: training itself says it is skipped
    (folder / "boxed.xml").write_text(voc_xml("boxed.heic", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    return folder


def _skipped_lines(err: str) -> list[str]:
    lines = err.splitlines()
    count = lines.index("1 image without an annotation not used")
    return [line for line in lines[:count] if line.startswith("petloc: skipped ")] + [lines[count]]


def test_an_unannotated_heic_is_named_with_the_images_training_leaves_out(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import training
    from petloc_gui.model.data import collect_samples

    folder = _folder(tmp_path, usable=2)

    def trained(data_dir, config, on_event, should_stop, folder=None):  # training's events, without TensorFlow
        _, skipped, _ = collect_samples(data_dir)
        on_event({"event": "start", "epochs": 1, "n_train": 1, "n_val": 1, "skipped": skipped})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    code, _, err = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, err
    assert _skipped_lines(err) == [
        f"petloc: skipped {show(folder / 'boxed.heic')}: {REASON}",
        f"petloc: skipped {show(folder / 'phone.heic')}: no annotation, and {REASON}",
        "1 image without an annotation not used",
    ]


def test_it_is_named_before_the_error_of_too_few_images(tmp_path, capsys):
    folder = _folder(tmp_path, usable=1)
    code, out, err = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1 and out == ""
    assert f"petloc: skipped {show(folder / 'phone.heic')}: no annotation, and {REASON}" in _skipped_lines(err)
    assert "need at least 2 usable annotated images, found 1" in err.splitlines()[-1]
