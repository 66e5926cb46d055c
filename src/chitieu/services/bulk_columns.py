"""The observations of the targets being assessed, fetched as columns (services/bulk_assess).

PostgreSQL sends them with ``COPY … TO STDOUT (FORMAT csv)``, read by Arrow's CSV reader straight into
arrays: for a few hundred thousand rows this is several times cheaper than building a Python tuple per
row. Other databases (SQLite) give rows, turned into the same columns. CSV keeps NULL (an unquoted empty
field) apart from the empty string (``""``), and PostgreSQL writes a double with the shortest digits that
read back to the same double, so the values are the stored ones exactly.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from chitieu.assessment.columnar_tables import FLAGS, OP_OF

I8 = NDArray[np.int64]
COLUMNS = ("target_id", "id", "start", "end", "value", "op", "flag", "text", "verdict")
_OP_CODE = {op.value: i for op, i in OP_OF.items()}
_FLAG_CODE = {f.value: i for i, f in enumerate(FLAGS)}


@dataclass(frozen=True, slots=True)
class RawObservations:
    """Observations as columns, in any order; ``text``/``verdict`` index ``texts``/``verdicts`` (-1: NULL)."""

    target_id: I8
    id: I8
    start: I8
    end: I8
    value: NDArray[np.float64]
    op: I8  # index in columnar_tables.OPS
    flag: I8  # index in FLAGS
    text: I8
    texts: list[str]
    verdict: I8
    verdicts: list[str]

    def __len__(self) -> int:
        return len(self.id)

    def keep(self, mask: NDArray[np.bool_]) -> RawObservations:
        """Only the observations where ``mask`` is true."""
        return RawObservations(self.target_id[mask], self.id[mask], self.start[mask], self.end[mask],
                               self.value[mask], self.op[mask], self.flag[mask], self.text[mask], self.texts,
                               self.verdict[mask], self.verdicts)


def _codes(values: Sequence[str | None]) -> tuple[I8, list[str]]:
    table: dict[str, int] = {}
    out = np.fromiter((-1 if v is None else table.setdefault(v, len(table)) for v in values), dtype=np.int64,
                      count=len(values))
    return out, list(table)


def from_rows(rows: Sequence[Sequence[Any]]) -> RawObservations:
    """Rows (target_id, id, period_start, period_end, value, op, flag, text, stated_verdict) as columns."""
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return RawObservations(empty, empty, empty, empty, np.zeros(0), empty, empty, empty, [], empty, [])
    target_id, ids, start, end, value, op, flag, words, verdict = zip(*rows, strict=True)
    text_idx, texts = _codes(words)
    verdict_idx, verdicts = _codes(verdict)
    return RawObservations(
        target_id=np.array(target_id, dtype=np.int64), id=np.array(ids, dtype=np.int64),
        start=np.array(start, dtype=np.int64), end=np.array(end, dtype=np.int64),
        value=np.array(value, dtype=np.float64),  # None becomes NaN
        op=np.fromiter((_OP_CODE[v] for v in op), np.int64, len(op)),
        flag=np.fromiter((_FLAG_CODE[v] for v in flag), np.int64, len(flag)),
        text=text_idx, texts=texts, verdict=verdict_idx, verdicts=verdicts)


def _encoded(column: Any, codes: dict[str, int] | None = None) -> tuple[I8, list[str]]:
    """An Arrow string column as indexes (-1 for NULL) into its distinct values, or into ``codes``."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column).combine_chunks()
    indices = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    words: list[str] = encoded.dictionary.to_pylist()
    if codes is None:
        return indices, words
    mapping = np.array([codes[w] for w in words] + [-1], dtype=np.int64)
    return mapping[indices], words


def fetch_observations(session: Session, sql: str) -> RawObservations:
    """The rows of ``sql`` (the COLUMNS, in that order) as columns."""
    if session.get_bind().dialect.name != "postgresql":
        return from_rows(list(session.connection().exec_driver_sql(sql).fetchall()))
    import pyarrow as pa
    import pyarrow.csv as pcsv

    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    buffer = io.BytesIO()
    with raw.cursor() as cursor, cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:  # type: ignore[attr-defined]
        for block in copy:
            buffer.write(block)
    if buffer.tell() == 0:
        return from_rows([])
    ints = {name: pa.int64() for name in ("target_id", "id", "start", "end")}
    table = pcsv.read_csv(
        pa.py_buffer(buffer.getbuffer()),
        read_options=pcsv.ReadOptions(column_names=list(COLUMNS)),
        convert_options=pcsv.ConvertOptions(
            column_types={**ints, "value": pa.float64(), "op": pa.string(), "flag": pa.string(), "text": pa.string(),
                          "verdict": pa.string()},
            strings_can_be_null=True, quoted_strings_can_be_null=False))
    text_idx, texts = _encoded(table.column("text"))
    verdict_idx, verdicts = _encoded(table.column("verdict"))

    def ints_of(name: str) -> I8:
        return np.asarray(table.column(name).to_numpy(), dtype=np.int64)

    return RawObservations(
        target_id=ints_of("target_id"), id=ints_of("id"), start=ints_of("start"), end=ints_of("end"),
        value=table.column("value").to_numpy(zero_copy_only=False).astype(np.float64),
        op=_encoded(table.column("op"), _OP_CODE)[0], flag=_encoded(table.column("flag"), _FLAG_CODE)[0],
        text=text_idx, texts=texts, verdict=verdict_idx, verdicts=verdicts)
