"""Build the one-folder desktop app: ``.venv/bin/python packaging/build.py [--dist DIR]``.

Runs PyInstaller on packaging/fieldapp.spec from the venv it is started with (which must
hold FieldApp with its ``server`` extra: the bundle carries the demo's reference server)
and leaves DIR/fieldapp/fieldapp (default DIR: dist/). Build files go to a work folder
beside it that is removed afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "fieldapp.spec"


def build(dist: Path) -> Path:
    """The bundle's executable, after building it into ``dist``."""
    work = dist / "build"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    shutil.rmtree(work, ignore_errors=True)
    return dist / "fieldapp" / "fieldapp"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    executable = build(parser.parse_args().dist.resolve())
    print(executable)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
