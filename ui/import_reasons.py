"""Why an imported row or file is refused, in the user's language.

The core keeps each refusal as an error code and its parameters (``fieldapp.imports``);
the terminal prints the English sentence, the import dialog words the codes an import
meets here, with the field's own label (``ui.labels.field_labels``) rather than the
English label the core passed. A code not worded here shows its English sentence: still
true, only not translated.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from fieldapp.error_codes import Param, english
from fieldapp.errors import FieldAppError
from fieldapp.imports.csv_import import RowError
from ui.formatting import fill, number
from ui.labels import import_field_label
from ui.tasks import describe


def field_label(field: str) -> str:
    return import_field_label(field)


def reason(code: str, params: Mapping[str, Param], field: str) -> str:
    """The sentence for ``code`` with ``params``, about ``field``."""
    label = field_label(field)
    value = params.get("value")
    # Each code's sentence built only when it is the one asked for.
    if code == "kinds.cannot_empty":
        return fill(QCoreApplication.translate("ImportReasons", "%1 cannot be empty."), label)
    if code == "check.must_text":
        return fill(QCoreApplication.translate("ImportReasons", "%1 must be text."), label)
    if code == "check.must_fit_on_one_line":
        return fill(QCoreApplication.translate("ImportReasons", "%1 must fit on one line."), label)
    if code == "check.contains_control_characters":
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 contains control characters."), label
        )
    if code == "check.contains_broken_characters_invalid_unicode":
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 contains broken characters."), label
        )
    if code == "check.too_long_characters_at_most":
        return fill(
            QCoreApplication.translate(
                "ImportReasons", "%1 is too long (%2 characters; at most %3)."
            ),
            label,
            number(float(params.get("length") or 0)),
            number(float(params.get("max_length") or 0)),
        )
    if code == "check.not_e_mail_address":
        return fill(
            QCoreApplication.translate("ImportReasons", "“%1” is not an e-mail address."),
            params.get("cleaned"),
        )
    if code == "check.not_phone_number":
        return fill(
            QCoreApplication.translate("ImportReasons", "“%1” is not a phone number."),
            params.get("cleaned"),
        )
    if code == "check.must_one_got":
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 must be one of %2 (got %3)."),
            label,
            value,
            params.get("value2"),
        )
    if code == "check.must_number_got":
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 must be a number (got %2)."),
            label,
            value,
        )
    if code == "check.must_between___and":
        limit = number(float(params.get("limit") or 0))
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 must be between -%2 and %2."),
            label,
            limit,
        )
    if code == "check.must_whole_number":
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 must be a whole number."), label
        )
    if code == "check.must_between_and":
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 must be between %2 and %3."),
            label,
            params.get("minimum"),
            params.get("maximum"),
        )
    if code == "accounts.latitude_and_longitude_go_together_give":
        return QCoreApplication.translate(
            "ImportReasons", "Latitude and longitude go together: give both or neither."
        )
    if code == "imports.no_account_named":
        return fill(
            QCoreApplication.translate("ImportReasons", "No account is named “%1”."),
            params.get("name"),
        )
    if code == "imports.no_account_named_in_city":
        return fill(
            QCoreApplication.translate("ImportReasons", "No account is named “%1” in %2."),
            params.get("name"),
            params.get("city"),
        )
    if code == "imports.accounts_share_name_add_city":
        return fill(
            QCoreApplication.translate(
                "ImportReasons", "%1 accounts are named “%2”: add the account's city."
            ),
            params.get("count"),
            params.get("name"),
        )
    return file_reason(code, params)


def file_reason(code: str, params: Mapping[str, Param]) -> str:
    """Why a file cannot be read as CSV at all."""
    if code == "imports.file_not_text":
        return QCoreApplication.translate(
            "ImportReasons", "This file is not text in UTF-8 or Windows-1252: save it as CSV again."
        )
    if code == "imports.file_too_large":
        return fill(
            QCoreApplication.translate("ImportReasons", "This file is larger than %1 MB."),
            params.get("megabytes"),
        )
    if code == "imports.file_holds_binary_data":
        return QCoreApplication.translate(
            "ImportReasons", "This file is not a CSV file (it holds binary data)."
        )
    if code == "imports.file_not_valid_csv":
        return fill(
            QCoreApplication.translate("ImportReasons", "This file is not valid CSV (%1)."),
            params.get("reason"),
        )
    if code == "imports.file_empty":
        return QCoreApplication.translate("ImportReasons", "This file is empty.")
    if code == "imports.file_too_many_rows":
        return fill(
            QCoreApplication.translate(
                "ImportReasons", "This file has more than %1 rows: split it."
            ),
            number(float(params.get("rows") or 0)),
        )
    if code == "imports.path_is_folder":
        return fill(
            QCoreApplication.translate("ImportReasons", "%1 is a folder, not a CSV file."),
            params.get("path"),
        )
    return english(code, params)


def row_reason(error: RowError) -> str:
    return reason(error.code, error.params, error.field)


def error_reason(error: Exception) -> str:
    """A refused file or import in words; an error outside the import's own, as it says."""
    if isinstance(error, FieldAppError):
        return reason(error.code, error.params, getattr(error, "field", ""))
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return describe(error)
