"""Record in each bundled model's meta.json that its .tflite files are its .keras files converted and checked.

Each bundle is loaded with TensorFlow and its model.tflite (and the pets model's refine.tflite) checked
against the .keras file beside it (`model.tflite_provenance.verified_record`: `runtime.make_runner`'s own
check, random input, batch 1 and 3); only then is meta.json's ``tflite`` record added, every other byte of
the file as it was (the bundled pets meta.json keeps its key order, which `bundle_write.write_meta` would
sort). The window then runs the bundled models with LiteRT, without importing TensorFlow
(`model.lite_bundle`). A bundle that does not pass is left as it was and named (exit 1). Usage:
    python benchmarks/stamp_bundled_tflite.py [pets] [digits] [--models DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.paths import resources_dir
from petloc_gui.model.bundle import BUNDLED_NAMES, META_FILE
from petloc_gui.model.tflite_provenance import RECORD_KEY, TfliteNotVerified, verified_record


def with_record(text: str, record: dict) -> str:
    """meta.json's ``text`` with ``record`` as its `RECORD_KEY` (replacing one there), at its place among
    the sorted top-level keys; refuses a file that json.dumps(indent=2) would not give back byte for byte."""
    meta = json.loads(text)
    if json.dumps(meta, indent=2) + "\n" != text:
        raise SystemExit("meta.json is not in json.dumps(indent=2) form: not rewritten (its bytes would change)")
    meta.pop(RECORD_KEY, None)
    keys = sorted([*meta, RECORD_KEY]) if list(meta) == sorted(meta) else [*meta, RECORD_KEY]
    merged = {**meta, RECORD_KEY: record}
    return json.dumps({key: merged[key] for key in keys}, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"{' or '.join(BUNDLED_NAMES)} (default: both)")
    parser.add_argument("--models", type=Path, default=resources_dir() / "models",
                        help="the folder holding the bundles (default: the bundled models)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BUNDLED_NAMES]
    if unknown:
        parser.error(f"not a bundled model: {', '.join(unknown)} (choose from {', '.join(BUNDLED_NAMES)})")
    status = 0
    for name in args.names or BUNDLED_NAMES:
        bundle = args.models / name
        try:
            record = verified_record(bundle)
        except TfliteNotVerified as exc:
            print(f"{name}: not recorded: {exc}", file=sys.stderr)
            status = 1
            continue
        meta_path = bundle / META_FILE
        atomic_write_bytes(meta_path, with_record(meta_path.read_text(encoding="utf-8"), record).encode("utf-8"))
        print(f"{name}: recorded {', '.join(record) or 'nothing (no .tflite)'} in {meta_path}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
