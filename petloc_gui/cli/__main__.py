"""`python -m petloc_gui.cli` runs the `petloc` command."""

import sys

from petloc_gui.cli.main import main

sys.exit(main())
