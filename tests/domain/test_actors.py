"""Actors: roles and what they may do, the scope of officers and approvers."""

from __future__ import annotations

import pytest

from chitieu.domain import Actor, Permission, Role
from chitieu.domain.actors import ROLE_PERMISSIONS


def test_defaults_are_the_least_privilege_in_the_default_workspace() -> None:
    actor = Actor("web:lan")
    assert (actor.workspace, actor.role, actor.via, actor.units) == ("default", "viewer", "cli", frozenset())
    assert actor.may(Permission.READ) and not actor.may(Permission.EDIT_REGISTRY)


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        ("admin", set(Permission), set()),
        ("office", {Permission.EDIT_REGISTRY, Permission.REVIEW}, {Permission.MANAGE_WORKSPACE}),
        ("approver", {Permission.REVIEW, Permission.REPORT_FIGURES}, {Permission.EDIT_REGISTRY}),
        ("officer", {Permission.REPORT_FIGURES}, {Permission.REVIEW, Permission.EDIT_REGISTRY}),
        ("viewer", {Permission.READ}, {Permission.REPORT_FIGURES, Permission.REVIEW}),
    ],
)
def test_role_permissions(role: str, allowed: set[Permission], refused: set[Permission]) -> None:
    actor = Actor("x", role=role)
    assert all(actor.may(p) for p in allowed) and not any(actor.may(p) for p in refused)
    assert ROLE_PERMISSIONS[Role(role)] >= allowed


def test_unknown_role_or_channel_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        Actor("x", role="boss")
    with pytest.raises(ValueError):
        Actor("x", via="fax")


def test_officers_are_scoped_to_their_units() -> None:
    officer = Actor("cb", role="officer", units=frozenset({"H1"}))
    assert officer.covers_unit("H1") and not officer.covers_unit("H2") and not officer.covers_unit(None)
    assert Actor("vp", role="office").covers_unit("H2")
    assert officer.in_workspace("tinh-b").workspace == "tinh-b" and officer.in_workspace("tinh-b").units == {"H1"}
