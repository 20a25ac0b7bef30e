"""`petloc predict --write-voc` over CVAT's export, which writes an annotation with no <object> for every image:
it said "wrote 0 pre-label annotations; left 5 existing annotations untouched" and no more, so the reader
could not tell why nothing was pre-labelled. The summary now says how many of the files left untouched hold
no box, names the first, and how to have their images pre-labelled; a person's verified empty file ("checked,
nothing there", labelImg) and a file with a box are not counted."""

from __future__ import annotations

from tests.cli.helpers import BLUE, json_lines, run_cli, voc_xml, write_image

W, H = 64, 32


def _placeholder(folder, stem, verified=False):
    write_image(folder / f"{stem}.png", W, H, BLUE)
    text = voc_xml(f"{stem}.png", W, H, [])
    if verified:
        text = text.replace("<annotation>", '<annotation verified="yes">')
    (folder / f"{stem}.xml").write_text(text, encoding="utf-8")


def test_the_summary_counts_and_names_the_empty_files_left_untouched(tmp_path, tiny_bundle, capsys):
    for stem in ("a", "b", "c", "d", "e"):
        _placeholder(tmp_path, stem)
    code, out, err = run_cli(capsys, "predict", tmp_path, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 0, err
    assert len(json_lines(out)) == 5
    assert ("wrote 0 pre-label annotations; left 5 existing annotations untouched (5 of them hold no box and are "
            "not marked verified, as the placeholders CVAT's export writes for every image: "
            f"{tmp_path / 'a.xml'}, {tmp_path / 'b.xml'}, {tmp_path / 'c.xml'} and 2 more; to pre-label their "
            "images, move those files aside or delete them, then run again)") in err
    for stem in ("a", "b"):
        (tmp_path / f"{stem}.xml").unlink()
    code, _out, err = run_cli(capsys, "predict", tmp_path, "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert "wrote 2 pre-label annotations; left 3 existing annotations untouched (3 of them hold no box" in err


def test_a_verified_empty_file_and_a_boxed_one_are_not_counted(tmp_path, tiny_bundle, capsys):
    _placeholder(tmp_path, "checked", verified=True)
    write_image(tmp_path / "boxed.png", W, H, BLUE)
    (tmp_path / "boxed.xml").write_text(voc_xml("boxed.png", W, H, [("dog", (1, 2, 30, 20))]), encoding="utf-8")
    _placeholder(tmp_path, "placeholder")
    code, _out, err = run_cli(capsys, "predict", tmp_path, "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert ("left 3 existing annotations untouched (1 of them holds no box and is not marked verified, as the "
            f"placeholders CVAT's export writes for every image: {tmp_path / 'placeholder.xml'}; to pre-label its "
            "image, move that file aside or delete it, then run again)\n") in err
