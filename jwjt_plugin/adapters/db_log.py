"""The change log of a layer kept in a database (PostGIS): a table beside the layer's table.

The table ``jwjt_change_log`` lives in the layer's schema and is created when missing; it has
the columns of the file-based log (core/audit.py) plus an ``id`` (the order of appends) and
the server's ``logged_at``. Each append is one SQL request: the ``CREATE TABLE IF NOT EXISTS``
and one multi-row ``INSERT``, which PostgreSQL runs as one transaction, so a failure writes
nothing. The SQL goes through QGIS's own connection to the layer's database
(QgsAbstractDatabaseProviderConnection, on QGIS 3.16 and later), with the layer's credentials.
"""
from __future__ import annotations

from typing import List, Sequence, Tuple

from qgis.core import QgsProviderRegistry, QgsVectorLayer

from ..core.audit import COLUMNS, DB_LOG_READ_FAILED, DB_LOG_WRITE_FAILED, TABLE, ChangeRecord
from ..core.messages import JwjtInputError

#: providers whose layers keep their change log in their database
DATABASE_PROVIDERS = ("postgres",)


def is_database_layer(layer: QgsVectorLayer) -> bool:
    return layer is not None and layer.providerType() in DATABASE_PROVIDERS


def ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + str(name).replace('"', '""') + '"'


def literal(value) -> str:
    """A SQL literal: NULL, a number, or an escape string (independent of standard_conforming_strings)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\x00", "")
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def log_table(layer: QgsVectorLayer) -> Tuple[str, str]:
    """(schema, table) of the layer's change log: the layer's schema (``public`` when unset)."""
    schema = layer.dataProvider().uri().schema() or "public"
    return schema, TABLE


def table_label(layer: QgsVectorLayer) -> str:
    """The change log table as a user reads it in a message: "schema"."jwjt_change_log"."""
    schema, table = log_table(layer)
    return f"{ident(schema)}.{ident(table)}"


def create_sql(schema: str, table: str = TABLE) -> str:
    cols = ", ".join(f"{ident(c)} {'bigint' if c == 'feature_id' else 'text'}" for c in COLUMNS)
    return (f"CREATE TABLE IF NOT EXISTS {ident(schema)}.{ident(table)} (id bigserial PRIMARY KEY, {cols}, "
            "logged_at timestamptz NOT NULL DEFAULT now())")


def insert_sql(schema: str, records: Sequence[ChangeRecord], table: str = TABLE) -> str:
    rows = ", ".join("(" + ", ".join(literal(getattr(r, c)) for c in COLUMNS) + ")" for r in records)
    return f"INSERT INTO {ident(schema)}.{ident(table)} ({', '.join(ident(c) for c in COLUMNS)}) VALUES {rows}"


def _connection(layer: QgsVectorLayer):
    metadata = QgsProviderRegistry.instance().providerMetadata(layer.providerType())
    if metadata is None:
        raise RuntimeError(f"no provider '{layer.providerType()}'")
    return metadata.createConnection(layer.dataProvider().uri().uri(False), {})


def _error_text(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    if hasattr(err, "message") and callable(err.message):  # QgsException
        try:
            text = err.message() or text
        except Exception:  # noqa: BLE001 - the message is only for the user
            pass
    # QGIS quotes the whole request before the server's answer: keep the answer ("ERROR: ...").
    start = text.find("ERROR:")
    if start >= 0:
        text = text[start:].rstrip("] \n")
    return " ".join(text.split())


def append_db_log(layer: QgsVectorLayer, records: Sequence[ChangeRecord]) -> int:
    """Append ``records`` to the layer's change log table in one transaction; the number written.

    Raises JwjtInputError (naming the table) when the table cannot be created or written."""
    records = list(records)
    if not records:
        return 0
    schema, table = log_table(layer)
    # No explicit BEGIN/COMMIT: several statements in one request are one implicit transaction,
    # and an error cannot leave QGIS's shared connection inside an aborted transaction.
    sql = f"{create_sql(schema, table)}; {insert_sql(schema, records, table)}"
    try:
        _connection(layer).executeSql(sql)
    except Exception as err:  # noqa: BLE001 - QgsProviderConnectionException and friends
        raise JwjtInputError(DB_LOG_WRITE_FAILED, layer=layer.name(), table=table_label(layer),
                             database=layer.dataProvider().uri().database(), error=_error_text(err)) from err
    return len(records)


def read_db_log(layer: QgsVectorLayer) -> List[ChangeRecord]:
    """The layer's change log, oldest first; empty while the table does not exist."""
    schema, table = log_table(layer)
    qualified = f"{ident(schema)}.{ident(table)}"
    try:
        conn = _connection(layer)
        exists = conn.executeSql(f"SELECT to_regclass({literal(qualified)}) IS NOT NULL")
        if not exists or not exists[0] or not exists[0][0]:
            return []
        rows = conn.executeSql(f"SELECT {', '.join(ident(c) for c in COLUMNS)} FROM {qualified} ORDER BY id")
    except Exception as err:  # noqa: BLE001
        raise JwjtInputError(DB_LOG_READ_FAILED, table=table_label(layer),
                             database=layer.dataProvider().uri().database(), error=_error_text(err)) from err
    out = []
    for row in rows:
        values = {c: ("" if v is None else str(v)) for c, v in zip(COLUMNS, row)}
        values["feature_id"] = int(row[COLUMNS.index("feature_id")] or 0)
        out.append(ChangeRecord(**values))
    return out
