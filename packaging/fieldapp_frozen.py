"""The frozen app's entry point: ``fieldapp …`` as a single executable (PyInstaller).

A frozen app has no Python to run ``-m``, yet FieldApp starts itself as a child process
that way: the demo's server (``sys.executable -m fieldapp server run``, and ``-m
sync.server.launcher`` for the shared demo server) and the recovery dialog's exports. In
the bundle ``sys.executable`` is this program, so it accepts ``-m MODULE ARGS…`` for the
modules that FieldApp runs so and runs them as Python would; any other arguments are the
``fieldapp`` command line.
"""

from __future__ import annotations

import runpy
import sys

# The modules FieldApp runs with ``sys.executable -m`` (packaging/fieldapp.spec bundles each).
RUNNABLE = ("fieldapp", "sync.server.launcher")


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["-m"]:
        if len(argv) < 2 or argv[1] not in RUNNABLE:
            print(f"fieldapp: error: cannot run -m {' '.join(argv[1:2])}", file=sys.stderr)
            return 2
        sys.argv = [sys.argv[0], *argv[2:]]
        # As ``python -m``: the module runs as __main__ and ends with SystemExit.
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        return 0
    from fieldapp.cli import main as fieldapp_main

    return fieldapp_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
