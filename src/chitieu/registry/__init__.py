"""The registry exchange format (pure): its schema, raw tables, validation into a ``Registry``, and back.

Reading files is the edge's job (``chitieu.services.registry_files``); everything here works on raw
tables of text cells and reports every problem (file, row, column, value) instead of raising.
"""

from chitieu.registry.cell_values import infer_target_kind
from chitieu.registry.export import registry_tables
from chitieu.registry.parse import parse_registry
from chitieu.registry.schema import TABLE_BY_NAME, TABLES, TableSpec, accepted_choices, choice_of
from chitieu.registry.tables import (
    CellValue,
    RawRow,
    RawTable,
    TableData,
    build_table,
    exact_number_text,
    normalise_header,
)

__all__ = [
    "TABLES",
    "TABLE_BY_NAME",
    "CellValue",
    "RawRow",
    "RawTable",
    "TableData",
    "TableSpec",
    "accepted_choices",
    "build_table",
    "choice_of",
    "exact_number_text",
    "infer_target_kind",
    "normalise_header",
    "parse_registry",
    "registry_tables",
]
