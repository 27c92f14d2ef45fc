"""Refresh the French catalogue from the sources and compile it, with the Qt tools PySide6 ships.

    python -m ui.translations.build           # lupdate + lrelease
    python -m ui.translations.build --check   # exit 1 if the catalogue is stale or unfinished

The error codes of ``fieldapp.error_codes`` are declared for lupdate first, in
``ui/error_catalogue.py`` (``ui/translations/declare_errors.py`` writes it).

``lupdate`` collects every ``tr()``/``translate()`` string of ``ui/`` into
``fieldapp_fr.ts`` (keeping the translations already there and dropping strings no longer
used); a translator fills the new ones in Qt Linguist (``pyside6-linguist``) or any XML
editor; ``lrelease`` compiles the ``.qm`` that ships in the package.

English needs a catalogue too, for plurals only: the source says "%n change(s)", and
``fieldapp_en.ts`` holds "%n change" / "%n changes" (lupdate ``-pluralonly``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ui.translations import declare_errors

HERE = Path(__file__).resolve().parent
UI_DIR = HERE.parent
SOURCE = HERE / "fieldapp_fr.ts"
COMPILED = HERE / "fieldapp_fr.qm"
ENGLISH = HERE / "fieldapp_en.ts"
ENGLISH_COMPILED = HERE / "fieldapp_en.qm"
CATALOGUES = ((SOURCE, COMPILED, "fr", ()), (ENGLISH, ENGLISH_COMPILED, "en", ("-pluralonly",)))


def qt_tool(name: str) -> str:
    """``pyside6-<name>`` next to this interpreter (a venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "translations" not in p.parts)


def lupdate(target: Path, language: str = "fr", options: tuple[str, ...] = ()) -> None:
    # Paths relative to the repository, so the catalogue never holds a machine's folder.
    root = UI_DIR.parent
    files = [str(p.relative_to(root)) for p in sources()]
    subprocess.run(
        [
            qt_tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *options,
            "-source-language",
            "en",
            "-target-language",
            language,
            *files,
            "-ts",
            str(target),
        ],
        cwd=root,
        check=True,
    )


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(source), "-qm", str(target)], check=True)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    plural: bool
    translations: tuple[str, ...]
    unfinished: bool


def messages(ts_file: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source", ""),
                    comment=message.findtext("comment", ""),
                    plural=message.get("numerus") == "yes",
                    translations=forms or (translation.text or "",),
                    unfinished=translation.get("type") in ("unfinished", "vanished", "obsolete"),
                )
            )
    return found


def check() -> list[str]:
    """What is wrong with the committed catalogues (empty: nothing)."""
    problems = []
    declared = declare_errors.TARGET
    if not declared.exists() or declared.read_text(encoding="utf-8") != declare_errors.source():
        problems.append(f"{declared.name} is stale: run python -m ui.translations.build")
    for source, compiled, language, options in CATALOGUES:
        with tempfile.TemporaryDirectory() as scratch:
            fresh = Path(scratch) / "fresh.ts"
            shutil.copy(source, fresh)
            lupdate(fresh, language, options)
            keys = {(m.context, m.source, m.comment) for m in messages(fresh)}
            committed = {(m.context, m.source, m.comment) for m in messages(source)}
            for context, text, _comment in sorted(keys - committed):
                problems.append(f"{source.name}: not in the catalogue: [{context}] {text!r}")
            for context, text, _comment in sorted(committed - keys):
                problems.append(f"{source.name}: no longer in the sources: [{context}] {text!r}")
            for message in messages(source):
                if message.unfinished or not all(t.strip() for t in message.translations):
                    problems.append(
                        f"{source.name}: untranslated: [{message.context}] {message.source!r}"
                    )
            fresh_qm = Path(scratch) / "fresh.qm"
            lrelease(source, fresh_qm)
            if not compiled.exists() or fresh_qm.read_bytes() != compiled.read_bytes():
                problems.append(f"{compiled.name} is not compiled from {source.name}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    # The error codes first: lupdate collects them from the file this writes.
    declare_errors.TARGET.write_text(declare_errors.source(), encoding="utf-8")
    for source, compiled, language, options in CATALOGUES:
        lupdate(source, language, options)
        lrelease(source, compiled)
        left = [m for m in messages(source) if m.unfinished]
        print(f"{source.name}: {len(messages(source))} strings, {len(left)} to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
