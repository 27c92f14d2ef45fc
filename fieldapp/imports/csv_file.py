"""Reading a CSV file from Excel or another CRM: its encoding, its delimiter, its rows.

Encodings tried in order: a byte-order mark's (UTF-8, UTF-16 from Excel's "Unicode
text"), then UTF-8, then Windows-1252 (what Excel writes for "CSV" on a French or English
Windows). Delimiter: whichever of ``,`` ``;`` or tab the header line holds most of
(French Excel writes ``;``, since the comma is its decimal mark).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fieldapp.errors import ValidationError

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
DELIMITERS = (",", ";", "\t")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True, slots=True)
class CsvFile:
    """A file's header and rows of text, every row as long as the header."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str
    delimiter: str


def _decode(data: bytes) -> tuple[str, str]:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise ValidationError("file", "import.file_not_utf8_or_windows_1252") from None


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_csv(data: bytes) -> CsvFile:
    """The header and rows of a CSV file's bytes (ValidationError when it has none)."""
    if len(data) > MAX_BYTES:
        raise ValidationError("file", "import.file_larger_than", megabytes=MAX_BYTES // 2**20)
    text, encoding = _decode(data)
    if "\x00" in text:
        raise ValidationError("file", "import.file_holds_binary_data")
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ValidationError("file", "import.file_not_valid_csv", exc=exc) from None
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines:
        raise ValidationError("file", "import.file_empty")
    headers = tuple(cell.strip() for cell in lines[0])
    if len(lines) - 1 > MAX_ROWS:
        raise ValidationError("file", "import.file_has_more_rows_than", max_rows=MAX_ROWS)
    width = len(headers)
    rows = tuple(tuple((line + [""] * width)[:width]) for line in lines[1:])
    return CsvFile(headers, rows, encoding, delimiter)


def read_csv(path: Path) -> CsvFile:
    if path.is_dir():
        raise ValidationError("file", "import.folder_not_csv_file", path=path)
    with path.open("rb") as stream:
        data = stream.read(MAX_BYTES + 1)
    return parse_csv(data)


_NOT_WORD = re.compile(r"[^0-9a-z]+")


def header_words(header: str) -> str:
    """A header as plain words: lower case, no accents, no punctuation ("Prénom" → "prenom")."""
    folded = unicodedata.normalize("NFKD", header.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", plain).strip()
