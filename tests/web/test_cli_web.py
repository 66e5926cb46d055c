"""The web's commands: ``user add``, ``token create``, ``publish --out``."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from chitieu.cli.main import app
from chitieu.domain.actors import Actor
from chitieu.services.accounts import authenticate, principal_for_token
from chitieu.services.database import open_database
from chitieu.services.datasets import demo_dataset, install_dataset


def test_user_add_and_token(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    added = runner.invoke(app, ["user", "add", "lan", "--role", "officer", "--password-stdin", "--unit", "LC-THAN-UYEN",
                                "--db", db], input="mat-khau-rat-dai\n")
    assert added.exit_code == 0, added.output
    short = runner.invoke(app, ["user", "add", "minh", "--role", "viewer", "--password-stdin", "--db", db], input="ngan\n")
    assert short.exit_code != 0
    bad_role = runner.invoke(app, ["user", "add", "an", "--role", "boss", "--password-stdin", "--db", db], input="x" * 10 + "\n")
    assert bad_role.exit_code != 0
    token = runner.invoke(app, ["token", "create", "lan", "--db", db])
    assert token.exit_code == 0
    value = token.stdout.strip().splitlines()[0]
    database = open_database(db)
    try:
        with database.session() as session:
            principal = principal_for_token(session, value)
            assert principal is not None and principal.role == "officer" and principal.units == frozenset({"LC-THAN-UYEN"})
            assert authenticate(session, "lan", "mat-khau-rat-dai") is not None
            assert authenticate(session, "minh", "ngan") is None
    finally:
        database.close()
    bot = runner.invoke(app, ["token", "create", "may-doc", "--role", "viewer", "--db", db])
    assert bot.exit_code == 0 and bot.stdout.startswith("ct_")


def test_publish_writes_a_static_site(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    database = open_database(db)
    with database.session(write=True) as session:
        install_dataset(session, Actor("test", role="admin"), demo_dataset().name)
    database.close()
    runner = CliRunner()
    none = runner.invoke(app, ["publish", "--out", str(tmp_path / "site"), "--db", db])
    assert none.exit_code != 0
    done = runner.invoke(app, ["publish", "--out", str(tmp_path / "site"), "--db", db, "--plan", "LC-XIV"])
    assert done.exit_code == 0, done.output
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "LC-XIV/index.html" in index
    plan = (tmp_path / "site" / "LC-XIV" / "index.html").read_text(encoding="utf-8")
    assert "chỉ tiêu vượt" in plan and 'href="KT02.html"' in plan and "../static/app.css" in plan
    assert (tmp_path / "site" / "LC-XIV" / "KT02.html").is_file()
    assert (tmp_path / "site" / "static" / "vendor" / "chart.umd.min.js").is_file()
    assert "http://" not in plan and "https://" not in plan


def test_user_add_scopes_unit_roles_to_known_units_and_can_print_a_token(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    database = open_database(db)
    with database.session(write=True) as session:
        install_dataset(session, Actor("test", role="admin"), demo_dataset().name)
    database.close()
    runner = CliRunner()
    no_unit = runner.invoke(app, ["user", "add", "hoa", "--role", "officer", "--db", db], input="")
    assert no_unit.exit_code != 0 and "--unit" in str(no_unit.exception)
    typo = runner.invoke(app, ["user", "add", "hoa", "--role", "approver", "--unit", "LC-KHONG-CO", "--db", db], input="")
    assert typo.exit_code != 0 and "LC-KHONG-CO" in str(typo.exception)
    made = runner.invoke(app, ["user", "add", "hoa", "--role", "officer", "--unit", "LC-THAN-UYEN", "--unit", "LC-SIN-HO",
                               "--token", "--db", db], input="")
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[0]
    database = open_database(db)
    try:
        with database.session() as session:
            principal = principal_for_token(session, token)
            assert principal is not None and principal.units == frozenset({"LC-THAN-UYEN", "LC-SIN-HO"})
            assert authenticate(session, "hoa", "") is None  # token-only: no password to sign in with
    finally:
        database.close()
