"""The .desktop entry and the AppStream metainfo validate with Debian's own tools, and the
application icon's PNGs are the SVG's render at every standard size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons" / "app"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_metainfo_validates_with_appstreamcli() -> None:
    # `appstream` from Debian (.ci/run installs it); --no-net: CI reaches no web site.
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / "ca.fieldapp.FieldApp.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_validates_and_names_the_icon_and_a_real_command() -> None:
    entry = LINUX / "ca.fieldapp.FieldApp.desktop"
    done = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    text = entry.read_text(encoding="utf-8")
    assert "Icon=ca.fieldapp.FieldApp" in text
    assert "Exec=fieldapp app" in text  # `fieldapp app` opens the window (ui/commands.py)


def test_icon_pngs_exist_at_every_size_and_match_the_svg() -> None:
    for size in SIZES:
        assert (ICONS / f"fieldapp-{size}.png").is_file(), size
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr


def test_window_icon_has_every_size(qapp: object) -> None:
    from ui.app import app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == set(SIZES)
