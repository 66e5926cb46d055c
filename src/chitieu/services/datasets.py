"""Datasets bundled with the package (``src/chitieu/data/<name>/``, in the registry exchange format).

Each dataset folder holds the registry tables as CSV files and a ``dataset.json`` describing it
(``title``, ``main_plan``, ``as_of``: the year its figures are assessed at, ``demo``: the one
``chitieu demo`` installs). Nothing is installed implicitly: only ``chitieu demo`` and
``chitieu dataset install NAME`` (``install_dataset``) write a dataset into a workspace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from chitieu.domain import Actor, PlanBundle, Registry
from chitieu.messages import ChitieuError, msg
from chitieu.services.registry import save_registry
from chitieu.services.transfer import read_registry
from chitieu.services.workspaces import update_settings

METADATA_FILE = "dataset.json"


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """What ``dataset.json`` says about a bundled dataset."""

    name: str
    title: str
    path: Path
    main_plan: str | None = None
    as_of: int | None = None
    demo: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class InstalledDataset:
    name: str
    path: Path
    main_plan: str
    counts: dict[str, int]
    as_of: int | None = None
    changes: dict[str, dict[str, int]] = field(default_factory=dict)


def _data_root() -> Path:
    return Path(str(resources.files("chitieu").joinpath("data")))


def _info(folder: Path) -> DatasetInfo:
    meta: dict[str, Any] = {}
    file = folder / METADATA_FILE
    if file.is_file():
        try:
            meta = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ChitieuError("dataset_invalid", name=folder.name, reason=f"{METADATA_FILE}: {exc}") from exc
    as_of = meta.get("as_of")
    return DatasetInfo(
        name=folder.name, title=str(meta.get("title") or folder.name), path=folder,
        main_plan=meta.get("main_plan") or None, as_of=as_of if isinstance(as_of, int) else None,
        demo=bool(meta.get("demo")), extra={k: v for k, v in meta.items()
                                            if k not in ("name", "title", "main_plan", "as_of", "demo")},
    )


def bundled_datasets() -> list[DatasetInfo]:
    """Every dataset shipped in the package, by name."""
    root = _data_root()
    if not root.is_dir():
        return []
    return [_info(f) for f in sorted(root.iterdir()) if f.is_dir() and any(f.glob("*.csv"))]


def demo_dataset() -> DatasetInfo:
    """The dataset ``chitieu demo`` installs: the one marked ``"demo": true`` (or the only one)."""
    found = bundled_datasets()
    marked = [d for d in found if d.demo] or (found if len(found) == 1 else [])
    if not marked:
        raise ChitieuError("dataset_not_found", name="demo")
    return marked[0]


def dataset_info(name: str) -> DatasetInfo:
    """The bundled dataset ``name``; ``ChitieuError("dataset_not_found")`` if absent."""
    folder = _data_root() / name
    if not name or "/" in name or "\\" in name or name.startswith(".") or not folder.is_dir() \
            or not any(folder.glob("*.csv")):
        raise ChitieuError("dataset_not_found", name=name)
    return _info(folder)


def bundled_dataset_path(name: str) -> Path:
    """Folder of the bundled dataset ``name``; ``ChitieuError("dataset_not_found")`` if absent."""
    return dataset_info(name).path


def main_plan_of(info: DatasetInfo, registry: Registry) -> str:
    """The dataset's main plan: the declared one, else the top-level plan with the most indicators."""
    if info.main_plan and registry.plan(info.main_plan) is not None:
        return info.main_plan
    top = [p for p in registry.plans if p.parent_code is None] or registry.plans
    return max(top, key=lambda p: len(registry.contents[p.code].indicators) if p.code in registry.contents else -1).code


def read_dataset(name: str, path: Path | None = None) -> tuple[Registry, DatasetInfo]:
    """The validated registry of a dataset (``path`` overrides the bundled folder, e.g. in tests)."""
    info = _info(path) if path is not None else dataset_info(name)
    registry, report = read_registry(info.path)
    if registry is None:
        errors = report.errors()
        reason = (msg("dataset_errors", count=len(errors), first=errors[0].message) if errors
                  else msg("reason_unreadable_content"))
        raise ChitieuError("dataset_invalid", name=name, reason=reason)
    return registry, info


def install_dataset(session: Session, actor: Actor, name: str, path: Path | None = None) -> InstalledDataset:
    """Read, validate and store a dataset in the actor's workspace (an existing copy is updated in place).

    The workspace remembers the dataset's main plan and as-of year (settings ``default_plan`` and
    ``default_as_of``) so that commands without --plan/--as-of mean them when the data alone cannot say.
    """
    registry, info = read_dataset(name, path)
    changes = save_registry(session, actor, registry, action="dataset.install",
                            context={"source": f"dataset:{info.name}"})
    main = main_plan_of(info, registry)
    settings: dict[str, Any] = {"default_plan": main}
    if info.as_of is not None:
        settings["default_as_of"] = info.as_of
    update_settings(session, actor, settings, action="dataset.install")
    return InstalledDataset(name=info.name, path=info.path, main_plan=main, counts=registry.counts(),
                            as_of=info.as_of, changes=changes.counts())


def load_dataset_bundle(name: str, plan_code: str | None = None) -> PlanBundle:
    """The dataset's main plan (or ``plan_code``) as a bundle, straight from the files, no database."""
    registry, info = read_dataset(name)
    code = plan_code or main_plan_of(info, registry)
    bundle = registry.bundle(code)
    if bundle is None:
        raise ChitieuError("plan_not_found", code=code)
    return bundle
