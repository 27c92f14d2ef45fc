"""Why an imported row or file is refused, in the user's language.

The core keeps each refusal as an error code and its parameters (``fieldapp.imports``);
the terminal prints the English sentence, the import dialog words the same code through
``ui.error_words`` like every other error, naming the field by the label the import
dialog shows (``ui.labels.import_field_label``) rather than the core's English one.
"""

from __future__ import annotations

from fieldapp.errors import FieldAppError
from fieldapp.imports.csv_import import RowError
from ui.error_words import sentence, words
from ui.labels import import_field_label
from ui.tasks import describe


def field_label(field: str) -> str:
    return import_field_label(field)


def row_reason(error: RowError) -> str:
    params = dict(error.params)
    if "label" in params:
        params["label"] = field_label(error.field)
    return words(error.code, params)


def error_reason(error: Exception) -> str:
    """A refused file or import in words; an error outside the import's own, as it says."""
    if isinstance(error, FieldAppError):
        return sentence(error)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return describe(error)
