"""Checks shared by the use cases. Each returns the clean value or raises ValidationError.

Limits are generous for people and tight for accidents: a visit summary may be ten pages,
not a pasted log file.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from email_validator import EmailNotValidError, validate_email

from fieldapp.errors import ValidationError, given, listed

MAX_LINE = 200  # names, cities, titles
MAX_TEXT = 20_000  # summaries, notes, next steps
MAX_PHONE = 40
MAX_AMOUNT = 1e12  # an opportunity's amount, in its currency
# Dates a person types are this century's: another year is a typing accident ("26" for
# 2026), and years below 1000 or near 9999 break the store's text-ordered timestamps.
EARLIEST_YEAR = 2000
LATEST_YEAR = 2099

# C0/C1 control characters other than tab and newline, plus NUL: never meaningful in text a
# person typed, and some break exports or terminals.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Half of a UTF-16 pair: what undecodable bytes become (command-line arguments, a broken
# paste). SQLite cannot store it as UTF-8, so it is refused here with a sentence instead.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_PHONE = re.compile(r"^\+?[0-9 ().\-/]+(?:\s*(?:x|ext\.?|poste)\s*[0-9]{1,6})?$", re.IGNORECASE)


def text(
    field: str,
    value: Any,
    *,
    label: str,
    required: bool = False,
    max_length: int = MAX_LINE,
    multiline: bool = False,
) -> str | None:
    """Normalised (NFC, trimmed) text, or None when empty and not required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "check.must_text", label=label)
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if not multiline and "\n" in value:
        raise ValidationError(field, "check.must_fit_on_one_line", label=label)
    if _CONTROL.search(value):
        raise ValidationError(field, "check.contains_control_characters", label=label)
    if _SURROGATE.search(value):
        raise ValidationError(
            field, "check.contains_broken_characters_invalid_unicode", label=label
        )
    if not value:
        if required:
            raise ValidationError(field, "kinds.cannot_empty", label=label)
        return None
    if len(value) > max_length:
        raise ValidationError(
            field,
            "check.too_long_characters_at_most",
            label=label,
            length=len(value),
            max_length=max_length,
        )
    return str(value)


def required_text(
    field: str, value: Any, *, label: str, max_length: int = MAX_LINE, multiline: bool = False
) -> str:
    result = text(
        field, value, label=label, required=True, max_length=max_length, multiline=multiline
    )
    assert result is not None  # required=True never returns None
    return result


def email(field: str, value: Any) -> str | None:
    cleaned = text(field, value, label="E-mail address")
    if cleaned is None:
        return None
    try:
        return validate_email(cleaned, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError(field, "check.not_e_mail_address", cleaned=cleaned, exc=exc) from None


def phone(field: str, value: Any) -> str | None:
    cleaned = text(field, value, label="Phone number", max_length=MAX_PHONE)
    if cleaned is None:
        return None
    digits = sum(ch.isdigit() for ch in cleaned)
    if not _PHONE.match(cleaned) or digits < 6:
        raise ValidationError(field, "check.not_phone_number", cleaned=cleaned)
    return cleaned


def choice(field: str, value: Any, allowed: Iterable[str], *, label: str) -> str:
    options = tuple(allowed)
    if value not in options:
        # ``value``/``value2`` are the English sentence's; the window words the choices one
        # by one and what was given (``got``) its own way.
        raise ValidationError(
            field,
            "check.must_one_got",
            label=label,
            value=listed(options),
            value2=repr(value),
            got=given(value),
        )
    return str(value)


def tier(value: Any) -> str:
    if isinstance(value, str):
        value = value.strip().upper()
    return choice("tier", value, ("A", "B", "C"), label="Tier")


def coordinate(field: str, value: Any, limit: float, *, label: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int beyond any float
        raise ValidationError(
            field, "check.must_number_got", label=label, value=repr(value), got=given(value)
        ) from None
    if isinstance(value, bool) or not math.isfinite(number) or not -limit <= number <= limit:
        raise ValidationError(
            field, "check.must_between___and", label=label, limit=limit, limit2=limit
        )
    return number


def latitude(value: Any) -> float | None:
    return coordinate("latitude", value, 90, label="Latitude")


def longitude(value: Any) -> float | None:
    return coordinate("longitude", value, 180, label="Longitude")


def whole_number(field: str, value: Any, *, label: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "check.must_whole_number", label=label)
    if not minimum <= value <= maximum:
        raise ValidationError(
            field, "check.must_between_and", label=label, minimum=minimum, maximum=maximum
        )
    return value


def amount(field: str, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, "check.amount_must_number")
    # Not math.isfinite on an int: it converts to float, and 10**400 overflows there.
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError(field, "check.amount_must_number")
    if not 0 <= value <= MAX_AMOUNT:
        raise ValidationError(field, "check.amount_must_between_0_and_1")
    return float(value)


def moment(field: str, value: Any, *, label: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(field, "check.must_date_and_time", label=label)
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, "check.needs_time_zone", label=label)
    _check_year(field, value, label)
    return value


def day(field: str, value: Any, *, label: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(field, "check.must_date", label=label)
    _check_year(field, value, label)
    return value


def _check_year(field: str, value: date, label: str) -> None:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            field,
            "check.must_between_and_got",
            label=label,
            EARLIEST_YEAR=EARLIEST_YEAR,
            LATEST_YEAR=LATEST_YEAR,
            year=value.year,
        )
