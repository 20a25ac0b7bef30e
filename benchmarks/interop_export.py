"""Time `petloc convert` on 10,000 tiny images: export to YOLO and COCO, import back to VOC.

The images are 8x6 PNGs and EXIF-rotated JPEGs (sizes come from headers, so
their pixel count does not matter); 9 in 10 have a one-box VOC file. Prints
one `name=value` line per measurement (seconds, one run each: the steps
write files, so a repeat would measure a warm page cache).

    .venv/bin/python benchmarks/interop_export.py [--count 10000]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import (
    ConversionReport,
    export_coco,
    export_yolo,
    read_coco,
    read_yolo,
    write_voc_records,
)

_XML = ("<annotation><filename>x</filename><size><width>{w}</width><height>{h}</height>"
        "<depth>3</depth></size><object><name>{label}</name><bndbox><xmin>1</xmin>"
        "<ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>")


def _build(root: Path, count: int) -> None:
    png, jpeg = io.BytesIO(), io.BytesIO()
    Image.new("RGB", (8, 6)).save(png, format="PNG")
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (8, 6)).save(jpeg, format="JPEG", exif=exif.tobytes())
    for n in range(count):
        rotated = n % 2 == 0
        name = f"img{n}.jpg" if rotated else f"img{n}.png"
        (root / name).write_bytes(jpeg.getvalue() if rotated else png.getvalue())
        if n % 10:
            size = {"w": 6, "h": 8} if rotated else {"w": 8, "h": 6}
            (root / f"img{n}.xml").write_text(_XML.format(label=f"c{n % 3}", **size))


def _timed(name: str, step) -> object:
    start = time.perf_counter()
    result = step()
    print(f"{name}={time.perf_counter() - start:.2f}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "voc"
        source.mkdir()
        _build(source, args.count)
        print(f"images={args.count}")
        dataset = open_dataset(source)
        _timed("export_yolo_s", lambda: export_yolo(dataset, tmp / "yolo"))
        _timed("export_coco_s", lambda: export_coco(dataset, tmp / "coco"))
        _timed("import_yolo_s", lambda: write_voc_records(
            read_yolo(tmp / "yolo", ConversionReport()), tmp / "from-yolo"))
        _timed("import_coco_s", lambda: write_voc_records(
            read_coco(tmp / "coco", ConversionReport()), tmp / "from-coco"))


if __name__ == "__main__":
    main()
