"""Signing in, refreshing, signing out, and the 401s and 429s around them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from support.server_world import PASSWORD, World

from sync.server.tables import tokens, users


def test_rep_signs_in_and_learns_who_they_are(world: World) -> None:
    answer = world.sign_in("field")
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600
    assert body["user"] == {"id": world.ids["field"], "username": "field", "role": "field"}
    me = world.client.get("/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["user"]["territory"] == "Montréal"
    assert me.json()["scope"] == {
        "kind": "territory",
        "territories": ["Montréal"],
        "team": "quebec",
    }


def test_inside_rep_scope_is_their_teams_territories(world: World) -> None:
    me = world.client.get("/v1/me", headers=world.headers("inside")).json()
    assert me["scope"] == {"kind": "team", "territories": ["Montréal", "Québec"], "team": "quebec"}
    manager = world.client.get("/v1/me", headers=world.headers("manager")).json()
    assert manager["scope"]["territories"] == ["Lyon", "Montréal", "Québec"]


@pytest.mark.parametrize("username, password", [("field", "wrong"), ("nobody", PASSWORD)])
def test_wrong_credentials_are_an_invalid_grant(world: World, username: str, password: str) -> None:
    answer = world.sign_in(username, password)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "invalid_grant"


def test_refresh_gives_a_new_access_token_and_keeps_the_refresh_token(world: World) -> None:
    first = world.sign_in("field").json()
    answer = world.client.post(
        "/v1/auth/token",
        json={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
    )
    assert answer.status_code == 200
    second = answer.json()
    assert second["refresh_token"] == first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    me = world.client.get("/v1/me", headers={"Authorization": f"Bearer {second['access_token']}"})
    assert me.status_code == 200


def test_sign_out_revokes_the_refresh_token_and_its_access_tokens(world: World) -> None:
    signed_in = world.sign_in("field").json()
    bearer = {"Authorization": f"Bearer {signed_in['access_token']}"}
    other = world.sign_in("field").json()  # the same rep on a second laptop
    answer = world.client.post("/v1/auth/revoke", json={"token": signed_in["refresh_token"]})
    assert answer.status_code == 204
    assert world.client.get("/v1/me", headers=bearer).status_code == 401
    refused = world.client.post(
        "/v1/auth/token",
        json={"grant_type": "refresh_token", "refresh_token": signed_in["refresh_token"]},
    )
    assert refused.status_code == 401
    other_bearer = {"Authorization": f"Bearer {other['access_token']}"}
    assert world.client.get("/v1/me", headers=other_bearer).status_code == 200


@pytest.mark.parametrize("how", ["missing", "forged", "wrong scheme", "expired", "revoked"])
def test_calls_without_a_valid_access_token_are_unauthorized(world: World, how: str) -> None:
    signed_in = world.sign_in("field").json()
    headers = {"Authorization": f"Bearer {signed_in['access_token']}"}
    if how == "missing":
        headers = {}
    elif how == "forged":
        headers = {"Authorization": "Bearer " + "A" * 43}
    elif how == "wrong scheme":
        headers = {"Authorization": f"Basic {signed_in['access_token']}"}
    elif how == "expired":
        world.clock.advance(3601)
    else:
        world.client.post("/v1/auth/revoke", json={"token": signed_in["refresh_token"]})
    answer = world.client.get("/v1/me", headers=headers)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"
    assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert world.client.get("/v1/changes", headers=headers).status_code == 401


def test_an_expired_access_token_is_renewed_with_the_refresh_token(world: World) -> None:
    signed_in = world.sign_in("field").json()
    world.clock.advance(2 * 3600)
    answer = world.client.post(
        "/v1/auth/token",
        json={"grant_type": "refresh_token", "refresh_token": signed_in["refresh_token"]},
    )
    assert answer.status_code == 200
    world.clock.advance(91 * 24 * 3600)  # past the refresh token's 90 days
    answer = world.client.post(
        "/v1/auth/token",
        json={"grant_type": "refresh_token", "refresh_token": signed_in["refresh_token"]},
    )
    assert answer.status_code == 401


def test_repeated_failed_sign_ins_are_slowed_down(world: World) -> None:
    for _ in range(5):
        assert world.sign_in("field", "guess").status_code == 401
    throttled = world.sign_in("field", PASSWORD)  # even the right password waits
    assert throttled.status_code == 429
    assert throttled.json()["error"]["code"] == "rate_limited"
    wait = int(throttled.headers["Retry-After"])
    assert 0 < wait <= 15 * 60
    world.clock.advance(wait)
    assert world.sign_in("field", PASSWORD).status_code == 200


def test_failures_from_one_address_throttle_other_usernames_too(world: World) -> None:
    for username in ("a", "b", "c", "d", "e"):
        world.sign_in(username, "guess")
    assert world.sign_in("field").status_code == 429


def test_tokens_and_passwords_are_stored_only_as_hashes(world: World) -> None:
    signed_in = world.sign_in("field").json()
    with world.engine.connect() as conn:
        stored = conn.execute(sa.select(tokens.c.token_hash)).scalars().all()
        password_hash = conn.execute(
            sa.select(users.c.password_hash).where(users.c.username == "field")
        ).scalar_one()
    assert signed_in["access_token"] not in stored
    assert signed_in["refresh_token"] not in stored
    assert password_hash.startswith("$argon2id$") and PASSWORD not in password_hash
