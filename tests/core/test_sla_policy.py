"""SLA policies as data: the issue's defaults, a manager's edit, and what the server sends."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.team.policies import (
    DEFAULT_POLICIES,
    AllowanceUnit,
    CommitmentKind,
    SlaPolicies,
    SlaPolicy,
    parse_policies,
    parse_policy,
)

HOURS, DAYS = AllowanceUnit.HOURS, AllowanceUnit.WORKING_DAYS


def test_the_defaults_are_the_teams_agreement_in_the_issue() -> None:
    assert {p.kind: (p.amount, p.unit) for p in DEFAULT_POLICIES} == {
        CommitmentKind.REPORT_WRITTEN: (24, HOURS),
        CommitmentKind.FOLLOW_UP_HANDLED: (2, DAYS),
        CommitmentKind.REPORT_REVIEWED: (1, DAYS),
        CommitmentKind.LEAD_VISIT_PLANNED: (3, DAYS),
        CommitmentKind.LEAD_VISIT_HELD: (10, DAYS),
    }


def test_a_policy_set_goes_through_json_and_back_unchanged() -> None:
    edited = DEFAULT_POLICIES.replace(SlaPolicy(CommitmentKind.REPORT_REVIEWED, 4, HOURS))
    wire = json.dumps(edited.to_data())
    assert json.loads(wire)["report_reviewed"] == {"hours": 4}
    assert parse_policies(json.loads(wire)) == edited
    assert parse_policies(json.loads(json.dumps(DEFAULT_POLICIES.to_data()))) == DEFAULT_POLICIES


def test_a_kind_left_out_keeps_its_default() -> None:
    policies = parse_policies({"follow_up_handled": {"working_days": 3}})
    assert policies[CommitmentKind.FOLLOW_UP_HANDLED] == SlaPolicy(
        CommitmentKind.FOLLOW_UP_HANDLED, 3, DAYS
    )
    assert (
        policies[CommitmentKind.REPORT_WRITTEN] == DEFAULT_POLICIES[CommitmentKind.REPORT_WRITTEN]
    )
    assert parse_policies({}) == DEFAULT_POLICIES


def test_a_laptop_ignores_a_kind_only_a_newer_server_knows() -> None:
    data = {"quote_sent": {"hours": 8}, "report_written": {"hours": 12}}
    with pytest.raises(ValidationError, match="got 'quote_sent'"):
        parse_policies(data)
    lenient = parse_policies(data, ignore_unknown_kinds=True)
    assert lenient[CommitmentKind.REPORT_WRITTEN].amount == 12
    # Lenient about names it does not know, never about values of names it knows.
    with pytest.raises(ValidationError):
        parse_policies({"report_written": {"hours": -1}}, ignore_unknown_kinds=True)


def test_policies_are_immutable() -> None:
    policy = DEFAULT_POLICIES[CommitmentKind.REPORT_WRITTEN]
    with pytest.raises(AttributeError):
        policy.amount = 48  # type: ignore[misc]
    with pytest.raises(TypeError):
        DEFAULT_POLICIES.by_kind[CommitmentKind.REPORT_WRITTEN] = policy  # type: ignore[index]


def test_a_policy_set_must_cover_every_kind() -> None:
    with pytest.raises(ValueError, match="incomplete"):
        SlaPolicies(
            {CommitmentKind.REPORT_WRITTEN: DEFAULT_POLICIES[CommitmentKind.REPORT_WRITTEN]}
        )


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (None, "sla", "must be an object"),
        ([{"report_written": {"hours": 24}}], "sla", "must be an object"),
        ({"report_writen": {"hours": 24}}, "sla.kind", "got 'report_writen'"),
        ({7: {"hours": 24}}, "sla.kind", "got 7"),
        ({"report_written": 24}, "sla.report_written", "exactly one of 'hours' or 'working_days'"),
        ({"report_written": {}}, "sla.report_written", "exactly one"),
        ({"report_written": {"hours": 24, "working_days": 1}}, "sla.report_written", "exactly"),
        ({"report_written": {"minutes": 30}}, "sla.report_written", "exactly one"),
        ({"report_written": {"hours": 24, "note": "x"}}, "sla.report_written", "exactly one"),
        ({"report_written": {"hours": "24"}}, "sla.report_written.hours", "whole number"),
        ({"report_written": {"hours": 24.5}}, "sla.report_written.hours", "whole number"),
        ({"report_written": {"hours": True}}, "sla.report_written.hours", "whole number"),
        ({"report_written": {"hours": None}}, "sla.report_written.hours", "whole number"),
        ({"report_written": {"hours": 0}}, "sla.report_written.hours", "between 1 and 720"),
        ({"report_written": {"hours": 240000}}, "sla.report_written.hours", "between 1 and 720"),
        (
            {"follow_up_handled": {"working_days": -2}},
            "sla.follow_up_handled.working_days",
            "between 1 and 60",
        ),
        (
            {"lead_visit_held": {"working_days": 10**400}},
            "sla.lead_visit_held.working_days",
            "between 1 and 60",
        ),
    ],
)
def test_bad_policy_data_is_refused_with_its_field_named(data: Any, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_policies(data)
    assert caught.value.field == field
    assert words in caught.value.message
    assert len(caught.value.message) < 200  # one readable line, whatever came in


def test_a_huge_value_is_not_repeated_whole_in_the_message() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_policy("report_written", "x" * 100_000)
    assert len(caught.value.message) < 200


def test_a_policy_built_in_code_obeys_the_same_bounds() -> None:
    with pytest.raises(ValidationError, match="between 1 and 60"):
        SlaPolicy(CommitmentKind.LEAD_VISIT_HELD, 61, DAYS)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=20), inner),
    max_leaves=10,
)
policy_like = st.dictionaries(
    st.sampled_from([*CommitmentKind, "other"]) | st.text(max_size=20),
    st.dictionaries(st.sampled_from(["hours", "working_days", "x"]), json_values, max_size=2)
    | json_values,
    max_size=6,
)


@given(policy_like | json_values)
def test_anything_from_the_wire_is_a_policy_set_or_a_validation_error(data: Any) -> None:
    try:
        policies = parse_policies(data)
    except ValidationError as error:
        assert error.message and error.field.startswith("sla")
    else:
        assert parse_policies(policies.to_data()) == policies


@st.composite
def valid_policies(draw: st.DrawFn) -> SlaPolicy:
    kind = draw(st.sampled_from(list(CommitmentKind)))
    unit = draw(st.sampled_from(list(AllowanceUnit)))
    return SlaPolicy(kind, draw(st.integers(1, 720 if unit is HOURS else 60)), unit)


@given(st.lists(valid_policies(), max_size=8))
def test_every_policy_a_manager_may_set_survives_the_wire(edits: list[SlaPolicy]) -> None:
    policies = DEFAULT_POLICIES
    for edit in edits:
        policies = policies.replace(edit)
    assert parse_policies(json.loads(json.dumps(policies.to_data()))) == policies
