"""`petloc models` lists versions from their meta.json files: it needs neither numpy nor TensorFlow, and
started in 0.15 s. The "too few images to tell models apart" mark (app.model_metrics) took its threshold
from core.paired_stats, which imported numpy at the top for the paired statistics, so every
`petloc models` (and every window start) loaded numpy first."""

from __future__ import annotations

import subprocess
import sys


def test_petloc_models_does_not_import_numpy_or_tensorflow(tmp_path):
    code = (
        "import sys\n"
        "from petloc_gui.cli.main import main\n"
        "main(['models', '--json'])\n"
        "print(sorted(m for m in ('numpy', 'tensorflow', 'keras') if m in sys.modules))\n"
    )
    env = {"PETLOC_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
