"""Datasets bundled with the package (``src/chitieu/data/<name>/``, in the registry exchange format)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from chitieu.domain import PlanBundle
from chitieu.domain.registry import Registry
from chitieu.messages import ChitieuError
from chitieu.services.database import Database
from chitieu.services.registry import save_registry
from chitieu.services.transfer import read_registry

DEFAULT_DATASET = "laichau_xiv"
# The plan each dataset is about (its other plans are related resolutions and programmes).
MAIN_PLAN: dict[str, str] = {"laichau_xiv": "LC-XIV"}


@dataclass(frozen=True, slots=True)
class InstalledDataset:
    name: str
    path: Path
    main_plan: str
    counts: dict[str, int]


def bundled_dataset_path(name: str = DEFAULT_DATASET) -> Path:
    """Folder of the bundled dataset ``name``; ``ChitieuError("dataset_not_found")`` if absent."""
    folder = Path(str(resources.files("chitieu").joinpath("data", name)))
    if not folder.is_dir() or not any(folder.glob("*.csv")):
        raise ChitieuError("dataset_not_found", name=name)
    return folder


def main_plan_of(name: str, registry: Registry) -> str:
    """The dataset's main plan: the declared one, else the top-level plan with the most indicators."""
    declared = MAIN_PLAN.get(name)
    if declared and registry.plan(declared) is not None:
        return declared
    top = [p for p in registry.plans if p.parent_code is None] or registry.plans
    return max(top, key=lambda p: len(registry.contents[p.code].indicators) if p.code in registry.contents else -1).code


def read_dataset(name: str = DEFAULT_DATASET, path: Path | None = None) -> tuple[Registry, Path]:
    """The validated registry of a dataset (``path`` overrides the bundled folder, e.g. in tests)."""
    folder = path or bundled_dataset_path(name)
    registry, report = read_registry(folder)
    if registry is None:
        errors = report.errors()
        reason = f"{len(errors)} lỗi, lỗi đầu tiên: {errors[0].message}" if errors else "không đọc được"
        raise ChitieuError("dataset_invalid", name=name, reason=reason)
    return registry, folder


def install_dataset(database: Database, name: str = DEFAULT_DATASET, path: Path | None = None) -> InstalledDataset:
    """Read, validate and store a dataset in one transaction (an existing copy is replaced)."""
    registry, folder = read_dataset(name, path)
    save_registry(database, registry, replace=True)
    return InstalledDataset(name=name, path=folder, main_plan=main_plan_of(name, registry), counts=registry.counts())


def load_dataset_bundle(name: str = DEFAULT_DATASET, plan_code: str | None = None) -> PlanBundle:
    """The dataset's main plan (or ``plan_code``) as a bundle, straight from the files, no database."""
    registry, _ = read_dataset(name)
    code = plan_code or main_plan_of(name, registry)
    bundle = registry.bundle(code)
    if bundle is None:
        raise ChitieuError("plan_not_found", code=code)
    return bundle
