"""``python -m fieldapp`` runs the same command line as the ``fieldapp`` script."""

from fieldapp.cli import main

raise SystemExit(main())
