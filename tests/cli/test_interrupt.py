"""Ctrl-C: the command says it stopped and that nothing of the unfinished work was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.cli import main as cli_main
from chitieu.cli.common import unit_of_work
from chitieu.services.database import open_database
from chitieu.services.plans import create_plan
from chitieu.store.models import PlanRow


def test_ctrl_c_says_it_stopped_and_nothing_was_written(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(**_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_main, "app", interrupted)
    with pytest.raises(SystemExit) as info:
        cli_main.main()
    assert info.value.code == 130
    err = capsys.readouterr().err
    assert "Đã dừng theo yêu cầu" in err and "không được ghi" in err


def test_an_interrupted_unit_of_work_writes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    with pytest.raises(KeyboardInterrupt), unit_of_work(db, "default", write=True) as (session, actor):
        create_plan(session, actor, "NQ-1", "Nghị quyết thử", term="2025-2030")
        session.flush()  # the row is in the transaction …
        raise KeyboardInterrupt  # … when the user presses Ctrl-C
    with open_database(db) as database, database.session() as session:
        assert session.query(PlanRow).count() == 0
