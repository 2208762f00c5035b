"""deploy/elasticsearch/ilm and security: retention that rolls over, roles that grant the least."""

from __future__ import annotations

import json
import re

import pytest
from deploy_support import REPO

ILM_DIR = REPO / "deploy/elasticsearch/ilm"
ROLES_FILE = REPO / "deploy/elasticsearch/security/roles.json"
KINDS = ("articles", "events")
PHASES = ("hot", "warm", "cold", "frozen", "delete")
DURATION = re.compile(r"^\d+(ms|s|m|h|d)$")


@pytest.fixture(scope="module")
def roles() -> dict:
    return json.loads(ROLES_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_alias_has_a_policy_that_rolls_over_and_deletes(kind):
    policy = json.loads((ILM_DIR / f"{kind}.json").read_text(encoding="utf-8"))["policy"]
    phases = policy["phases"]
    assert list(phases) == [p for p in PHASES if p in phases], "phases out of order"
    # Elasticsearch: rollover is allowed in the hot phase only and needs at least one max_* condition.
    rollover = phases["hot"]["actions"]["rollover"]
    assert any(key.startswith("max_") for key in rollover)
    assert all("rollover" not in phases[p]["actions"] for p in phases if p != "hot")
    assert DURATION.match(rollover["max_age"])
    assert "delete" in phases["delete"]["actions"] and DURATION.match(phases["delete"]["min_age"])
    assert policy["_meta"]["description"]


def test_the_index_names_match_the_ilm_rollover_pattern():
    # An alias rolls over only when its write index is named like ^.*-\d+$.
    from wirewatch.search_setup import IndexNames

    for kind in KINDS:
        assert re.match(r"^.*-\d+$", IndexNames(kind, "wirewatch-").first_index)


def test_roles_grant_no_administration(roles):
    admin = {"all", "manage", "manage_security", "manage_ilm", "manage_index_templates", "delete_index"}
    for name, role in roles["roles"].items():
        assert set(role["cluster"]) <= {"monitor"}, name
        for grant in role["indices"]:
            assert grant["names"] == ["wirewatch-*"], name
            assert not admin & set(grant["privileges"]), name


def test_the_writer_writes_and_the_reader_only_reads(roles):
    writer = {p for g in roles["roles"]["wirewatch_writer"]["indices"] for p in g["privileges"]}
    reader = {p for g in roles["roles"]["wirewatch_reader"]["indices"] for p in g["privileges"]}
    assert "index" in writer or "write" in writer  # bulk `index` operations through the alias
    assert reader == {"read", "view_index_metadata"}


def test_users_have_known_roles_and_a_password_setting(roles):
    for user, spec in roles["users"].items():
        assert set(spec["roles"]) <= set(roles["roles"]), user
        assert spec["password_setting"].endswith("_password")


def test_the_worker_logs_in_as_a_user_setup_creates(compose, roles):
    username = compose["services"]["worker"]["environment"]["WIREWATCH_SEARCH__USERNAME"]
    assert username in roles["users"]
    assert "wirewatch_writer" in roles["users"][username]["roles"]
