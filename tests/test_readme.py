"""The README's set-up stays two commands, and CI runs exactly the test command it shows."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI_SCRIPT = ROOT / ".ci" / "run"


def section(markdown: str, title: str) -> str:
    """The text under the ``## title`` heading, up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(title)}\s*$(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def commands(markdown: str) -> list[str]:
    """Every non-blank, non-comment line inside fenced code blocks."""
    found = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", markdown, re.M | re.S):
        found += [
            line.strip()
            for line in block.splitlines()
            if line.strip() and not line.strip().startswith("#")
        ]
    return found


def setup_commands() -> list[str]:
    return commands(section(README.read_text(encoding="utf-8"), "Set-up"))


def test_setup_section_has_exactly_two_commands() -> None:
    found = setup_commands()
    assert len(found) == 2, found
    demo, tests = found
    assert demo.endswith("fieldapp demo")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = setup_commands()[1]
    ci_lines = [
        line.strip()
        for line in CI_SCRIPT.read_text(encoding="utf-8").splitlines()
        if not line.strip().startswith("#")
    ]
    # Either alone, or followed only by the script's capture of its exit code.
    assert any(
        line == test_command or line.startswith(f"{test_command} ||") for line in ci_lines
    ), f"{CI_SCRIPT} does not run the README's test command:\n{test_command}"
    assert os.access(CI_SCRIPT, os.X_OK), f"{CI_SCRIPT} is not executable"


def test_the_section_parser_sees_commands_and_skips_prose() -> None:
    text = "## Set-up\nSome prose.\n```sh\n# a comment\none\n\ntwo\n```\n## Next\n```\nthree\n```\n"
    assert commands(section(text, "Set-up")) == ["one", "two"]
