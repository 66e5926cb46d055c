"""Web fixtures: a database holding the bundled dataset (published) and one user per role with a token."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import _backends, _postgres_url

from chitieu.domain.actors import Actor
from chitieu.services.accounts import ROLES, add_user, create_token
from chitieu.services.database import Database, open_database
from chitieu.services.datasets import demo_dataset, install_dataset
from chitieu.services.publication import publish_plan
from chitieu.web import WebSettings, create_app

PASSWORD = "mat-khau-thu-nghiem"
PLAN = "LC-XIV"
ADMIN = Actor(name="test", role="admin", via="cli")

REPORT_TEXT = (
    "BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2024\n\n"
    "Năm 2024, tốc độ tăng trưởng GRDP ước đạt 7,5%. GRDP bình quân đầu người đạt 52 triệu đồng.\n"
    "Tỷ lệ che phủ rừng đạt 51,2%. Tỷ lệ hộ nghèo giảm còn 18,5%.\n"
)


@dataclass
class Site:
    """A prepared database with tokens by role."""

    database: Database
    tokens: dict[str, str]

    def headers(self, role: str | None) -> dict[str, str]:
        return {} if role is None else {"Authorization": f"Bearer {self.tokens[role]}"}


def make_url(kind: str, folder: Path) -> tuple[str, object]:
    """A fresh database URL (SQLite file or PostgreSQL schema) and what drops it afterwards."""
    if kind == "sqlite":
        return f"sqlite:///{folder / 'web.db'}", None
    import sqlalchemy as sa

    base = _postgres_url()
    assert base is not None
    schema = f"w_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return f"{base}{sep}options=-csearch_path%3D{schema}", drop


def prepare(url: str, publish: bool = True) -> Site:
    database = open_database(url)
    tokens: dict[str, str] = {}
    with database.session(write=True) as session:
        install_dataset(session, ADMIN, demo_dataset().name)
        if publish:
            publish_plan(session, ADMIN, PLAN)
        for role in ROLES:
            add_user(session, ADMIN, role, role=role, password=PASSWORD, units=["LC-THAN-UYEN"] if role in ("officer", "approver") else ())
            tokens[role] = create_token(session, role)
    return Site(database, tokens)


@pytest.fixture(params=_backends(), scope="module")
def shared_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """One prepared database per test module and backend, for tests that only read."""
    url, drop = make_url(request.param, tmp_path_factory.mktemp("web"))
    site = prepare(url)
    yield site
    site.database.close()
    if drop:
        drop()  # type: ignore[operator]


@pytest.fixture
def site(database_url: str) -> Iterator[Site]:
    """A fresh prepared database for a test that writes."""
    prepared = prepare(database_url)
    yield prepared
    prepared.database.close()


def client_for(site: Site, **settings: object) -> TestClient:
    return TestClient(create_app(site.database, WebSettings(**settings)), base_url="http://testserver")  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def reader(shared_site: Site) -> Iterator[TestClient]:
    with client_for(shared_site, run_jobs=False) as client:
        yield client


@pytest.fixture
def client(site: Site) -> Iterator[TestClient]:
    with client_for(site) as c:
        yield c


def wait_for_document(client: TestClient, document_id: int, headers: dict[str, str], timeout: float = 60) -> dict[str, object]:
    """Poll the document until its job has ended (the in-process runner works in a thread). A 503 "database
    busy" while the job writes (SQLite on a loaded machine) is an answer to poll again, not the state."""
    deadline = time.monotonic() + timeout
    while True:
        answer = client.get(f"/api/v1/documents/{document_id}", headers=headers)
        if answer.status_code == 503 and time.monotonic() < deadline:  # busy (the job is writing): ask again
            time.sleep(0.2)
            continue
        state = answer.json()
        if state["status"] in ("done", "failed") or time.monotonic() > deadline:
            return state  # type: ignore[no-any-return]
        time.sleep(0.1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign in through the form as a browser does; returns the session's CSRF token."""
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    answer = client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"},
                         follow_redirects=False)
    assert answer.status_code == 303, answer.text[:500]
    home = client.get("/plans")
    return home.text.split('<meta name="csrf-token" content="')[1].split('"')[0]
