"""Numbers written by export are read back exactly; migrations go down as well as up."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from hypothesis import given
from hypothesis import strategies as st

from chitieu.numbers import parse_number
from chitieu.registry import exact_number_text
from chitieu.services.database import open_database
from chitieu.store.engine import alembic_config


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_exported_numbers_parse_back_exactly(value: float) -> None:
    text = exact_number_text(value)
    assert "e" not in text.lower() and "." not in text
    assert parse_number(text) == value


def test_examples_of_exported_numbers() -> None:
    assert [exact_number_text(v) for v in (2134.6, 3000.0, -0.95, 1e-07, 0.125)] == [
        "2134,6", "3000", "-0,95", "0,0000001", "0,125",
    ]


def test_migrations_downgrade_to_empty_and_up_again(database_url: str, tmp_path: Path) -> None:
    database = open_database(database_url)
    try:
        config = alembic_config()
        with database.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        with database.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) == {"alembic_version"}
    finally:
        database.close()
    with open_database(database_url) as again, again.engine.connect() as conn:
        assert "observations" in sa.inspect(conn).get_table_names()
