"""What colour a label's words come out in on screen, read from a rendering of it."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from ui.labels import ERROR_COLOUR


def in_error_colour(label: QLabel) -> bool:
    """True when some of the label's text is drawn in the error colour.

    Anti-aliasing blends the text with the background, so the test is a pixel close to the
    colour itself; black words on a light background never come near a red like it.
    """
    assert label.text(), "an empty label shows no colour"
    image = label.grab().toImage()
    wanted = QColor(ERROR_COLOUR)
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            distance = (
                abs(pixel.red() - wanted.red())
                + abs(pixel.green() - wanted.green())
                + abs(pixel.blue() - wanted.blue())
            )
            if distance < 40:
                return True
    return False
