"""Schemathesis against /openapi.json: whatever it sends, the server never answers 5xx (bounded run).

Run as the office role (a token), so the writing operations are exercised too; the app is the real one
on a SQLite copy of the bundled dataset, with jobs run in-process.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from tests.web.conftest import prepare

from chitieu.web import WebSettings, create_app

MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory: pytest.TempPathFactory) -> object:
    site = prepare(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    app = create_app(site.database, WebSettings(run_jobs=False))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    schema.config.headers = {"Authorization": f"Bearer {site.tokens['office']}"}  # type: ignore[attr-defined]
    return schema


def test_no_server_error(fuzz_target: object) -> None:
    """Every operation, ``MAX_EXAMPLES`` generated requests each (plus the schema's examples)."""
    operations = [result.ok() for result in fuzz_target.get_all_operations()]  # type: ignore[attr-defined]
    assert len(operations) >= 15
    statuses: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck), database=None)
        def no_5xx(case: schemathesis.Case) -> None:
            response = case.call()
            statuses.append(response.status_code)
            assert response.status_code < 500, (case.method, case.formatted_path, response.status_code,
                                                response.text[:500])

        no_5xx()
    assert len(statuses) >= 5 * len(operations) and any(200 <= s < 300 for s in statuses)
