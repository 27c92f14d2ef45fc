"""Render the application icon's PNGs from its SVG: ``python packaging/render_icons.py``.

resources/icons/app/fieldapp.svg is the source; fieldapp-SIZE.png at the standard sizes
of desktop icon themes and installers are committed beside it (the freedesktop theme's
16-512 px, Windows' 16-256 px). ``--check`` renders them again and fails when a committed
PNG differs from what the SVG gives (tests/packaging/test_icons.py runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
SOURCE = ICON_DIR / "fieldapp.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICON_DIR / f"fieldapp-{size}.png"


def render(size: int) -> QImage:
    """The SVG drawn on a transparent ``size`` x ``size`` image, antialiased."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise ValueError(f"{SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def stale() -> list[str]:
    """The PNGs that are missing or differ (pixel by pixel) from the SVG's render."""
    problems = []
    for size in SIZES:
        path = png_path(size)
        if not path.exists():
            problems.append(f"{path.name} is missing")
            continue
        committed = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        if committed.size() != render(size).size() or committed != render(size):
            problems.append(f"{path.name} differs from {SOURCE.name} rendered at {size} px")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a PNG is stale")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if args.check:
        problems = stale()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for size in SIZES:
        png_path(size).write_bytes(png_bytes(render(size)))
        print(png_path(size).name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
