"""The first run's demo folder paid two fsyncs per file (1,142 for the 200 images: 8.9 s of a first start on a
slow disk) into a staging folder that is renamed at the end anyway, and wrote each of its XML files twice.
Now each file is synced once, all of them before the rename (the demo is known complete by its name alone,
so a power cut must not leave the name on empty files), then the folder that holds the new name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

COUNT = 40


def test_each_file_is_synced_once_and_all_before_the_demo_takes_its_name(monkeypatch, fsyncs_seen):
    from petloc_gui.app import demo_folder

    events = fsyncs_seen  # the rename is put among the fsyncs, in order
    real_rename = demo_folder.rename_folder

    def rename(source, target, **kwargs):
        events.append(("rename", str(source)))
        real_rename(source, target, **kwargs)

    monkeypatch.setattr(demo_folder, "rename_folder", rename)
    target = demo_folder.ensure_demo_folder(count=COUNT)

    files = sorted(path.name for path in target.iterdir())
    renamed = [n for n, (kind, _) in enumerate(events) if kind == "rename"]
    assert len(renamed) == 1
    staging = Path(events[renamed[0]][1])
    before, after = events[:renamed[0]], events[renamed[0] + 1:]
    synced_files = Counter(Path(path).name for kind, path in before if kind == "file")
    # every file the demo holds synced once, where it was written, before the rename: no temporary file's
    assert sorted(synced_files) == files and set(synced_files.values()) == {1}
    assert all(Path(path).parent == staging for kind, path in before if kind == "file")
    assert [path for kind, path in before if kind == "dir"] == [str(staging)]
    assert after == [("dir", str(target.parent))]  # the rename itself
    assert len(events) - 1 <= len(files) + 2  # was 2 per file written, XMLs twice: ~4.5 per image


def test_each_xml_is_written_once_and_names_the_demo_folder(monkeypatch):
    from petloc_gui.app import demo_folder
    from petloc_gui.core import atomic
    from petloc_gui.core.voc import read_voc

    writes: Counter[str] = Counter()
    real_write = atomic.atomic_write_bytes

    def counted(path, data):
        writes[Path(path).name] += 1
        real_write(path, data)

    monkeypatch.setattr(atomic, "atomic_write_bytes", counted)  # every file the digits or the demo write
    import petloc_gui.core.voc_write as voc_write

    monkeypatch.setattr(voc_write, "atomic_write_bytes", counted)
    target = demo_folder.ensure_demo_folder(count=COUNT)
    xmls = sorted(target.glob("*.xml"))
    assert len(list(target.glob("*.png"))) == COUNT
    assert len(xmls) == COUNT - round(demo_folder.UNANNOTATED_FRACTION * COUNT)
    assert {name: n for name, n in writes.items() if name.endswith(".xml")} == {xml.name: 1 for xml in xmls}
    for xml in xmls:
        annotation = read_voc(xml)
        assert (annotation.folder, annotation.path) == (target.name, str(target / annotation.filename))
        assert (target / annotation.filename).is_file()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(f".{demo_folder.DEMO_NAME}-")]
