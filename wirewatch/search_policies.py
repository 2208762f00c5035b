"""Retention (ILM) and least-privilege users on Elasticsearch; safe to re-run.

Part of ``wirewatch setup``, run as a superuser. From ``deploy/elasticsearch/``:

- ``ilm/<kind>.json``: one lifecycle policy per alias, named like the alias;
  the index template gets ``index.lifecycle.name`` and
  ``index.lifecycle.rollover_alias`` so every new index is managed, and the
  indices already behind the alias get them too;
- ``security/roles.json``: the roles (index names follow the configured
  prefix) and the users with them, whose passwords come from
  ``WIREWATCH_SECURITY__*_PASSWORD``.

The embedded engine (osmem, OpenSearch dialect) has neither ILM nor the
Elasticsearch security API: :func:`install_policies` says so and skips both.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, Elasticsearch

from core.errors import SetupError
from core.settings import Settings
from wirewatch.search_setup import KINDS, IndexNames, load_template

log = logging.getLogger(__name__)

TEMPLATE_PREFIX = "wirewatch-"  # the prefix written in roles.json's index names


class SearchPolicyError(SetupError, RuntimeError):
    """A policy, role or user could not be installed; the message says why and what to do."""


@dataclass
class PolicyReport:
    """What :func:`install_policies` did, for setup to print."""

    lifecycle: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    users: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SearchPolicyError(
            f"{path} is missing: set WIREWATCH_DEPLOY_DIR to the repository's deploy/ folder") from exc


def lifecycle_policy(settings: Settings, kind: str) -> dict[str, Any]:
    """The ``policy`` body of ``deploy/elasticsearch/ilm/<kind>.json``."""
    return _read_json(settings.deploy_dir / "elasticsearch" / "ilm" / f"{kind}.json")["policy"]


def lifecycle_settings(names: IndexNames) -> dict[str, str]:
    """Index settings that put an index under its alias's policy and let it roll over."""
    return {"index.lifecycle.name": names.alias, "index.lifecycle.rollover_alias": names.alias}


def roles_and_users(settings: Settings) -> dict[str, Any]:
    """``roles.json`` with its index names moved to the configured index prefix."""
    spec = _read_json(settings.deploy_dir / "elasticsearch" / "security" / "roles.json")
    for role in spec["roles"].values():
        for grant in role["indices"]:
            grant["names"] = [settings.index_prefix + n.removeprefix(TEMPLATE_PREFIX) for n in grant["names"]]
    return spec


def install_lifecycle(settings: Settings, client: Elasticsearch) -> list[str]:
    """Put one policy per alias, add it to the template and the existing indices."""
    installed = []
    for kind in KINDS:
        names = IndexNames(kind, settings.index_prefix)
        client.ilm.put_lifecycle(name=names.alias, policy=lifecycle_policy(settings, kind))
        template = load_template(settings, kind)
        template.setdefault("template", {}).setdefault("settings", {}).update(lifecycle_settings(names))
        client.indices.put_index_template(name=names.template, **template)
        client.indices.put_settings(index=f"{names.alias}-*", settings=lifecycle_settings(names),
                                    allow_no_indices=True)
        installed.append(names.alias)
    return installed


def install_security(settings: Settings, client: Elasticsearch, report: PolicyReport) -> None:
    """Create or update the roles, then the users whose passwords are set."""
    spec = roles_and_users(settings)
    for name, role in spec["roles"].items():
        client.security.put_role(name=name, cluster=role["cluster"], indices=role["indices"],
                                 description=role.get("description"))
        report.roles.append(name)
    for username, user in spec["users"].items():
        password = getattr(settings.security, user["password_setting"])
        if password is None:
            variable = f"WIREWATCH_SECURITY__{user['password_setting'].upper()}"
            report.skipped.append(f"user {username}: set {variable} to create it")
            continue
        client.security.put_user(username=username, password=password.get_secret_value(),
                                 roles=user["roles"])
        report.users.append(username)


def install_policies(settings: Settings, client: Elasticsearch, flavor: str) -> PolicyReport:
    """Lifecycle policies, roles and users on Elasticsearch; on anything else, skip and say why.

    Args:
        settings: prefixes, deploy folder and the users' passwords.
        client: a client logged in as a superuser (``elastic``).
        flavor: ``elasticsearch`` or ``opensearch``, as the server said.

    Raises:
        SearchPolicyError: Elasticsearch refused a request; the message names it and the fix.
    """
    report = PolicyReport()
    if flavor != "elasticsearch":
        report.skipped.append(
            f"lifecycle policies, roles and users: the search engine at {settings.search_url} speaks "
            "the OpenSearch dialect (the embedded engine has no ILM and no security API); indices "
            "there keep everything and need no users")
        return report
    try:
        report.lifecycle = install_lifecycle(settings, client)
    except ApiError as exc:
        raise SearchPolicyError(_explain(exc, settings)) from exc
    try:
        install_security(settings, client, report)
    except ApiError as exc:
        if not _security_off(exc):
            raise SearchPolicyError(_explain(exc, settings)) from exc
        report.skipped.append(f"roles and users: security is off on {settings.search_url} "
                              "(xpack.security.enabled: false), so every client has full access")
    return report


def _reason(exc: ApiError) -> str:
    if isinstance(exc.body, dict) and isinstance(exc.body.get("error"), dict):
        return str(exc.body["error"].get("reason", exc.message))
    return str(exc.message)


def _security_off(exc: ApiError) -> bool:
    reason = _reason(exc).lower()
    return "security" in reason and any(w in reason for w in ("explicitly enabled", "not enabled", "disabled"))


def _explain(exc: ApiError, settings: Settings) -> str:
    status, reason = exc.meta.status, _reason(exc)
    if status in (401, 403):
        return (f"Elasticsearch at {settings.search_url} refused setup ({status}: {reason}); setup installs "
                "lifecycle policies, roles and users, so it must log in as a superuser: set "
                "WIREWATCH_SEARCH__USERNAME=elastic and WIREWATCH_SEARCH__PASSWORD")
    return f"installing lifecycle policies, roles or users on {settings.search_url} failed ({status}: {reason})"
