"""The demo's nudged and flipped XML files were written three and two times (the digit's, the change's, then
again for the final folder's name), each write atomic with two fsyncs; the demo writes each file it changes
once now, with the same content."""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def test_each_xml_the_demo_changes_is_written_once_after_the_digits(monkeypatch, tmp_path):
    from petloc_gui.app import demo_folder
    from petloc_gui.core import voc
    from petloc_gui.core.voc import read_voc

    writes: Counter[str] = Counter()
    real_write = voc.write_voc

    def counted(annotation, path, **kwargs):
        writes[Path(path).name] += 1
        return real_write(annotation, path, **kwargs)

    monkeypatch.setattr(voc, "write_voc", counted)  # the digits' writes and the demo's
    out = tmp_path / "staging"
    out.mkdir()
    final = tmp_path / "demo-digits"
    changed = demo_folder.write_demo(out, count=40, seed=3, final_dir=final)
    assert changed["nudged"] and changed["flipped"]
    assert max(writes.values()) == 1, writes.most_common(3)
    for xml in out.glob("*.xml"):
        annotation = read_voc(xml)
        assert (annotation.folder, annotation.path) == (final.name, str(final / annotation.filename))
    for name in changed["flipped"]:
        assert read_voc(out / name.replace(".png", ".xml")).objects[0].name != name.split("digit")[1][0]
