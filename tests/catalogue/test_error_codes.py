"""Every error the code raises names a code of the catalogue (``fieldapp.error_codes``) as a
literal, and every code of the catalogue is raised somewhere: the catalogue is the whole
list of what can go wrong, which is what lets the window word each one."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from fieldapp.error_codes import ENGLISH

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("fieldapp", "sync", "ui")
# The catalogue itself, the list generated from it for lupdate, and the window's wording
# (which names a few codes whose parameters it words specially) name codes without raising.
NOT_USES = {
    ROOT / "fieldapp" / "error_codes.py",
    ROOT / "ui" / "error_catalogue.py",
    ROOT / "ui" / "error_words.py",
}
# Where the code sits among the arguments: a refusal's kind comes before its reason's code,
# and the server's ApiError (not a FieldAppError: it becomes an HTTP answer) has its
# status first.
ROOTS = {"FieldAppError": 0, "Rejected": 1, "ApiError": 2}


@dataclass(frozen=True)
class Site:
    where: str
    code: ast.expr | None  # None: the call passes no code argument at that place


def trees(packages: tuple[str, ...] = SCANNED) -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for package in packages
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def code_positions(modules: dict[Path, ast.Module]) -> dict[str, int | None]:
    """Each error class of the family, with the place of the code among its arguments
    (None: its ``__init__`` names the code itself, as ``NotFoundError`` does)."""
    classes: dict[str, ast.ClassDef] = {
        node.name: node
        for tree in modules.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    positions: dict[str, int | None] = dict(ROOTS)
    grew = True
    while grew:
        grew = False
        for name, node in classes.items():
            if name in positions:
                continue
            parents = [_name(base) for base in node.bases]
            known = [p for p in parents if p in positions]
            if not known:
                continue
            position = positions[known[0]]
            init = next(
                (b for b in node.body if isinstance(b, ast.FunctionDef) and b.name == "__init__"),
                None,
            )
            if init is not None:
                names = [a.arg for a in [*init.args.posonlyargs, *init.args.args][1:]]
                # An error of the core names its own code ``code`` (ServerRefusedError also
                # carries the server's ``reason_code``, which may be None); a refusal's code
                # is its ``reason_code``.
                wanted = "code" if position == 0 else "reason_code"
                position = names.index(wanted) if wanted in names else None
            positions[name] = position
            grew = True
    return positions


def sites(modules: dict[Path, ast.Module]) -> list[Site]:
    """Every construction of an error of the family, and every ``super().__init__`` call
    inside one, with the expression given as its code."""
    positions = code_positions(modules)
    found = []
    for path, tree in modules.items():
        where = path.relative_to(ROOT)
        for klass in ast.walk(tree):
            if not isinstance(klass, ast.ClassDef) or klass.name not in positions:
                continue
            parent = next((_name(b) for b in klass.bases if _name(b) in positions), klass.name)
            for node in ast.walk(klass):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "__init__"
                    and isinstance(node.func.value, ast.Call)
                    and _name(node.func.value.func) == "super"
                ):
                    position = positions[parent or klass.name]
                    if position is not None and klass.name not in ROOTS:
                        code = node.args[position] if len(node.args) > position else None
                        found.append(Site(f"{where}:{node.lineno}", code))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name not in positions or positions[name] is None:
                continue
            position = positions[name]
            assert position is not None
            code = node.args[position] if len(node.args) > position else None
            found.append(Site(f"{where}:{node.lineno} {name}", code))
    return found


def problems(found: list[Site]) -> list[str]:
    """What is wrong with the codes given at ``found``: a literal outside the catalogue, or a
    code built at run time (an f-string, a call). A name or an attribute is a code passed
    on (a wrapper re-raising ``exc.code``, a table of refusals): its literal is elsewhere."""
    wrong = []
    for site in found:
        code = site.code
        if code is None:
            wrong.append(f"{site.where}: no code")
            continue
        # "a" if empty else "b": each branch is a literal.
        branches = [code.body, code.orelse] if isinstance(code, ast.IfExp) else [code]
        for branch in branches:
            if isinstance(branch, ast.Name | ast.Attribute | ast.Subscript):
                continue
            if not (isinstance(branch, ast.Constant) and isinstance(branch.value, str)):
                wrong.append(f"{site.where}: a code built at run time: {ast.unparse(branch)}")
            elif branch.value not in ENGLISH:
                wrong.append(f"{site.where}: {branch.value!r} is not in the catalogue")
    return wrong


def test_every_error_names_a_literal_code_of_the_catalogue() -> None:
    found = sites(trees())
    assert len(found) > 250  # the scan sees the raise sites at all
    assert problems(found) == []


def test_every_code_of_the_catalogue_is_raised_somewhere() -> None:
    used = {
        node.value
        for path, tree in trees().items()
        if path not in NOT_USES
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert sorted(set(ENGLISH) - used) == []


def test_the_scan_sees_a_code_outside_the_catalogue_and_a_code_built_at_run_time() -> None:
    # The rules above must be able to fail: the same scan over two bad lines.
    source = (
        "class ValidationError(FieldAppError):\n"
        "    def __init__(self, field, code, /, **params): ...\n"
        "class StaffError(FieldAppError):\n    pass\n"
        "raise StaffError('staff.no_such_code')\n"
        "raise ValidationError('name', f'check.{kind}')\n"
    )
    modules = {ROOT / "fieldapp" / "bad.py": ast.parse(source)}
    positions = code_positions(modules)
    assert positions["StaffError"] == 0
    assert positions["ValidationError"] == 1
    wrong = problems(sites(modules))
    assert len(wrong) == 2
    assert "'staff.no_such_code' is not in the catalogue" in wrong[0]
    assert "built at run time" in wrong[1]


# -- parameters the window can word (issue 12: no English inside French) -------------------
# Parameters built as English text at a raise site (a joined list, an f-string, a repr, a
# concatenation with words) that the window may show as they are, and why that is right.
# Anything else built so must be worded by ``ui.error_words._SPECIAL`` from values beside it.
SHOWN_AS_DATA = {
    ("base.must_number_milliseconds_from_0_not", "text"): "an environment variable's value",
    ("import.file_has_no_column", "columns"): "the CSV file's own headers",
    ("dashboard.no_figure_named_choose", "name"): "what was typed on the command line",
    ("dashboard.no_figure_named_choose", "value"): "the names the command line accepts",
    ("drill.no_drill_down_into_choose", "collection"): "what was typed on the command line",
    ("drill.no_drill_down_into_choose", "value"): "the names the command line accepts",
    ("period.period_week_month_or_quarter_got", "kind"): "what was typed on the command line",
    ("period.unknown_time_zone_iana_name_such", "name"): "a time zone's name, quoted",
    ("scope.no_team_named", "name"): "a team's name, quoted",
    ("scope.no_team_named_teams", "name"): "a team's name, quoted",
    ("scope.no_team_named", "teams"): "the profile's team names",
    ("scope.no_team_named_teams", "teams"): "the profile's team names",
    ("scope.nobody_with_username_in_profile", "username"): "a username, quoted",
    ("policies.policy_for_must_give_exactly_one", "value"): "the policy's JSON as given",
    ("regions.unknown_region_field_s", "value"): "the region's JSON keys as given",
    ("regions.region_code_must_like_qc_or", "value"): "a region code as given",
    ("regions.no_public_holiday_calendar_for_country", "value"): "a country code as given",
    ("regions.has_no_subdivision_in_public_holiday_calendar", "value"): "a code as given",
    ("regions.unknown_time_zone_iana_name_expected", "value"): "a time zone's name as given",
    ("server.no_team_teams", "team"): "a team's name, quoted",
    ("server.not_installed", "missing"): "Python package names",
}


def built_as_text(value: ast.expr) -> str | None:
    """How a parameter was built as text at the raise site, if it was."""
    if isinstance(value, ast.JoinedStr):
        return "an f-string"
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute | ast.Name):
        if _name(value.func) == "join":
            return "a joined list"
        if _name(value.func) == "listed":
            return "a list of codes"
        if _name(value.func) == "repr":
            return "a repr"
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        words = [v for v in (value.left, value.right) if isinstance(v, ast.Constant)]
        if any(isinstance(w.value, str) for w in words):
            return "a concatenation"
    return None


def text_params(modules: dict[Path, ast.Module]) -> list[tuple[str, str, str, str]]:
    """(where, code, parameter, how) for every parameter a raise site builds as text."""
    positions = code_positions(modules)
    found = []
    for path, tree in modules.items():
        for node in ast.walk(tree):
            name = _name(node.func) if isinstance(node, ast.Call) else None
            if not isinstance(node, ast.Call) or name not in positions:
                continue
            position = positions[name]
            given = (
                node.args[position] if position is not None and len(node.args) > position else None
            )
            branches = [given.body, given.orelse] if isinstance(given, ast.IfExp) else [given]
            codes = [b.value for b in branches if isinstance(b, ast.Constant)]
            for keyword in node.keywords:
                how = built_as_text(keyword.value) if keyword.arg else None
                for code in codes if how else ():
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.append((where, str(code), str(keyword.arg), str(how)))
    return found


def test_every_parameter_built_as_english_text_is_worded_by_the_window_or_is_data() -> None:
    from ui.error_words import _SPECIAL

    found = text_params(trees())
    assert len(found) > 20  # the scan sees them at all
    wrong = [
        f"{where}: {code}'s {param} is {how}: pass its values (fieldapp.error_codes.listed,"
        " given) and word them in ui.error_words._SPECIAL"
        for where, code, param, how in found
        if (code, param) not in _SPECIAL
        and ((code, param) not in SHOWN_AS_DATA or how == "a list of codes")
    ]
    assert wrong == []


def test_the_parameter_scan_sees_a_joined_list_an_f_string_and_a_repr() -> None:
    source = (
        "class ValidationError(FieldAppError):\n"
        "    def __init__(self, field, code, /, **params): ...\n"
        "raise ValidationError('x', 'check.must_text', label=f'{a} b')\n"
        "raise ValidationError('x', 'check.must_text', label=', '.join(c))\n"
        "raise FieldAppError('store.read_only', path=repr(p), n=i + 1)\n"
        "raise FieldAppError('store.read_only', path='at ' + p)\n"
        "raise FieldAppError('store.read_only', path=listed(p))\n"
    )
    modules = {ROOT / "fieldapp" / "bad.py": ast.parse(source)}
    hows = [how for _where, _code, _param, how in text_params(modules)]
    assert hows == ["an f-string", "a joined list", "a repr", "a concatenation", "a list of codes"]
