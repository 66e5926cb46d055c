"""The public portal: the same pages served at /portal/ and written as a static site (``chitieu publish``).

Every link in these pages is relative, so the served pages and the written files are the same HTML:
``index.html``, ``<plan>/index.html``, ``<plan>/<indicator>.html`` and ``static/``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from sqlalchemy.orm import Session

from chitieu.web import plan_pages, queries
from chitieu.web.context import Caller

SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


def page_name(code: str) -> str:
    """A file name for an indicator or plan code (codes are short ASCII in practice; others are escaped)."""
    if SAFE_NAME.match(code) and not code.startswith("."):
        return code
    return "".join(ch if ch.isalnum() and ch.isascii() else f"_{ord(ch):x}" for ch in code)[:120]


def visitor(workspace: str) -> Caller:
    return Caller(None, "anonymous", workspace=workspace)


def index_context(session: Session, workspace: str = "default") -> dict[str, Any]:
    return {"plans": queries.list_visible_plans(session, visitor(workspace)), "root": "", "page_name": page_name}


def plan_context(session: Session, cache: queries.AssessmentCache, code: str, workspace: str = "default") -> dict[str, Any]:
    queries.plan_row(session, visitor(workspace), code)
    view = queries.plan_view(session, cache, code, None, visitor(workspace))
    return {"board": plan_pages.dashboard(view), "code": code, "root": "../", "page_name": page_name}


def indicator_context(session: Session, cache: queries.AssessmentCache, code: str, indicator: str,
                      workspace: str = "default") -> dict[str, Any] | None:
    queries.plan_row(session, visitor(workspace), code)
    view = queries.plan_view(session, cache, code, None, visitor(workspace))
    units = queries.unit_observations(session, visitor(workspace), code, indicator[:100])
    found = view.bundle.indicator(indicator)
    if found is None:
        return None
    row = next((r for r in view.rows if r.code == indicator), None)
    ahead = next((r for r in view.forecast if r.code == indicator), None)
    mine = plan_pages.observations_index(view).get(indicator, [])
    return {
        "code": code, "plan": view.bundle.plan, "indicator": found, "row": row, "forecast": ahead, "as_of": view.as_of,
        "versions": plan_pages.target_changes(view.bundle.targets_of(indicator)),
        "observations": plan_pages.observations_by_unit(view.bundle, indicator, mine + units),
        "chart": plan_pages.trajectory(view.bundle, found, row, ahead, mine),
        "pace": plan_pages.pace_text(row) if row is not None else "", "root": "../", "page_name": page_name,
    }


def write_site(session: Session, env: Environment, out: Path, static_dir: Path,
               progress: Callable[[str], None] | None = None, workspace: str = "default") -> tuple[int, int]:
    """Write the portal of every published plan into ``out``; returns (plans, files written)."""
    cache = queries.AssessmentCache()
    out.mkdir(parents=True, exist_ok=True)
    files = 0

    def write(path: Path, html: str) -> None:
        nonlocal files
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        files += 1

    index = index_context(session, workspace)
    write(out / "index.html", env.get_template("portal_index.html").render(**index))
    plans = [p for p in index["plans"] if p.indicator_count]
    for plan in plans:
        if progress:
            progress(plan.code)
        folder = out / page_name(plan.code)
        context = plan_context(session, cache, plan.code, workspace)
        write(folder / "index.html", env.get_template("portal_plan.html").render(**context))
        for row in context["board"].rows:
            ind = indicator_context(session, cache, plan.code, row.code, workspace)
            if ind is not None:
                write(folder / f"{page_name(row.code)}.html", env.get_template("portal_indicator.html").render(**ind))
    target = out / "static"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(static_dir, target)
    files += sum(1 for p in target.rglob("*") if p.is_file())
    return len(plans), files
