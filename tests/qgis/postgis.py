"""A throwaway PostgreSQL + PostGIS server for tests of layers kept in a database.

``postgis_server`` (session scope) runs Debian's binaries (postgresql-NN and
postgresql-NN-postgis-3, see requirements/debian-*.txt; the major version is found under
/usr/lib/postgresql at run time): ``initdb`` into a temporary folder, a server on a free
port of 127.0.0.1 with its unix socket in that folder, a template database with PostGIS and
the sample units (``control_units`` of resources/sample_city/units.gpkg, loaded with GDAL).
Debian's own cluster (``main`` on 5432, which the package may have started) is never used.
As root, initdb and the server run as the ``postgres`` system user (initdb refuses root).
``postgis_db`` (function scope) is a fresh copy of the template for each test.

Tests are skipped, with the reason, only when the binaries or the PostGIS extension are
not installed.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional

import pytest

SAMPLE_UNITS = Path(__file__).resolve().parents[2] / "resources" / "sample_city" / "units.gpkg"
SUPERUSER = "jwjt"
TEMPLATE_DB = "jwjt_template"
TABLE = "control_units"
SCHEMA = "public"


def _pg_bin() -> Optional[Path]:
    """The newest /usr/lib/postgresql/NN/bin that has initdb, pg_ctl and psql."""
    found = []
    for d in glob.glob("/usr/lib/postgresql/*/bin"):
        if all(os.access(os.path.join(d, b), os.X_OK) for b in ("initdb", "pg_ctl", "psql", "postgres")):
            try:
                found.append((int(Path(d).parent.name), Path(d)))
            except ValueError:
                continue
    return max(found)[1] if found else None


def _postgis_installed(bindir: Path) -> bool:
    share = Path(f"/usr/share/postgresql/{bindir.parent.name}")
    if (bindir / "pg_config").exists():
        out = subprocess.run([str(bindir / "pg_config"), "--sharedir"], capture_output=True, text=True)
        share = Path(out.stdout.strip() or share)
    return (share / "extension" / "postgis.control").exists()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgisServer:
    bindir: Path
    root: Path          # the temporary folder: data/, socket, log
    port: int
    run_as: Optional[str]
    started_in: float = 0.0

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def conninfo(self, dbname: str) -> str:
        """libpq connection string, for GDAL's PG: and psycopg2."""
        return f"host={self.host} port={self.port} dbname={dbname} user={SUPERUSER}"

    def layer_uri(self, dbname: str, table: str = TABLE, schema: str = SCHEMA) -> str:
        """The QGIS data source of ``table``: primary key fid, geometry geom."""
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri()
        uri.setConnection(self.host, str(self.port), dbname, SUPERUSER, "")
        uri.setDataSource(schema, table, "geom", "", "fid")
        return uri.uri(False)

    def _cmd(self, args: List[str]) -> List[str]:
        return ["runuser", "-u", self.run_as, "--", *args] if self.run_as else args

    def psql(self, dbname: str, sql: str) -> str:
        """Run ``sql`` (one or more statements, stop at the first error); the unaligned output."""
        out = subprocess.run([str(self.bindir / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                              "-h", self.host, "-p", str(self.port), "-U", SUPERUSER, "-d", dbname, "-c", sql],
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr.strip()}")
        return out.stdout.strip()

    def start(self) -> None:
        t0 = time.monotonic()
        data = self.root / "data"
        subprocess.run(self._cmd([str(self.bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
                                  "-E", "UTF8", "--locale=C.UTF-8" if _has_c_utf8() else "--no-locale"]),
                       check=True, capture_output=True, timeout=120)
        opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        subprocess.run(self._cmd([str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"),
                                  "-o", opts, "-w", "-t", "60", "start"]), check=True, capture_output=True, timeout=90)
        self.started_in = time.monotonic() - t0

    def stop(self) -> None:
        data = self.root / "data"
        if (data / "postmaster.pid").exists():
            subprocess.run(self._cmd([str(self.bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                           capture_output=True, timeout=60)

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""


def _has_c_utf8() -> bool:
    return os.path.isdir("/usr/lib/locale/C.utf8") or os.path.isdir("/usr/lib/locale/C.UTF-8")


def _load_units(server: PostgisServer, dbname: str) -> None:
    from osgeo import gdal

    gdal.UseExceptions()
    src = gdal.OpenEx(str(SAMPLE_UNITS), gdal.OF_VECTOR)
    out = gdal.VectorTranslate(f"PG:{server.conninfo(dbname)}", src, format="PostgreSQL", layers=[TABLE],
                               layerName=TABLE, accessMode="overwrite",
                               layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST",
                                                     f"SCHEMA={SCHEMA}"])
    if out is None:
        raise RuntimeError(f"loading {SAMPLE_UNITS} into {dbname} failed: {gdal.GetLastErrorMsg()}")
    out = None
    src = None


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[PostgisServer]:
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (no /usr/lib/postgresql/*/bin/initdb): "
                    "apt-get install postgresql postgresql-postgis (see requirements/debian-*.txt)")
    if not _postgis_installed(bindir):
        pytest.skip(f"PostGIS extension for PostgreSQL {bindir.parent.name} not installed: "
                    f"apt-get install postgresql-postgis (postgresql-{bindir.parent.name}-postgis-3)")
    run_as = None
    if os.geteuid() == 0:
        run_as = "postgres"
        try:
            pwd.getpwnam(run_as)
        except KeyError:
            run_as = "nobody"
    # /tmp, not $TMPDIR or pytest's tmp_path: the server's user must reach the folder.
    root = Path(tempfile.mkdtemp(prefix="jwjt-pg-", dir="/tmp" if run_as else None))
    if run_as:
        pw = pwd.getpwnam(run_as)
        os.chown(root, pw.pw_uid, pw.pw_gid)
    server = PostgisServer(bindir, root, _free_port(), run_as)
    try:
        server.start()
    except subprocess.CalledProcessError as err:
        log = server.log()
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {err.stderr!r}\n{log}")
    try:
        t0 = time.monotonic()
        server.psql("postgres", f"CREATE DATABASE {TEMPLATE_DB}")
        server.psql(TEMPLATE_DB, "CREATE EXTENSION postgis")
        _load_units(server, TEMPLATE_DB)
        server.started_in += time.monotonic() - t0
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


_counter = iter(range(1, 1_000_000))


@pytest.fixture()
def postgis_db(postgis_server) -> Iterator[str]:
    """A fresh database (copy of the template: PostGIS and the sample units) for one test."""
    name = f"jwjt_test_{os.getpid()}_{next(_counter)}"
    postgis_server.psql("postgres", f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}")
    yield name
    try:  # QGIS may still hold pooled connections: drop them with the database
        postgis_server.psql("postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except RuntimeError:
        pass
