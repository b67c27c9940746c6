"""`python -m akhbar_tui` runs the same entry point as the `akhbar` script."""

from akhbar_tui.cli import main

raise SystemExit(main())
