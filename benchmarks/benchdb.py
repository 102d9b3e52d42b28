"""The database a benchmark runs on (``make bench``).

By default each benchmark has its own SQLite file. ``BENCH_DATABASE_URL``, a PostgreSQL URL
(``postgresql://postgres@127.0.0.1:5432/doingoai_bench``), runs every benchmark on that
server instead, each in a database of its own named after the URL's and the benchmark
(``doingoai_bench_report``): made empty before a benchmark that needs an empty one (the
imports, the load test), kept between runs by one that generates its data once and reuses it
(the report, the agenda). So ``BENCH_DATABASE_URL=… make bench`` is the whole table on
PostgreSQL. A benchmark's own older variable (``DOINGOAI_BENCH_DATABASE_URL``,
``BENCH_LOAD_DATABASE_URL``) still names one database, used as it is given.
"""

import os
from urllib.parse import urlsplit, urlunsplit


def database_url(bench: str, default: str | None, *, fresh: bool,
                 exact: str = "DOINGOAI_BENCH_DATABASE_URL") -> str | None:
    """The URL for benchmark ``bench``: ``exact``'s if set, else its database on the server
    of ``BENCH_DATABASE_URL`` (emptied first if ``fresh``), else ``default``."""
    if os.environ.get(exact):
        return os.environ[exact]
    base = os.environ.get("BENCH_DATABASE_URL", "")
    if not base.startswith("postgres"):
        return default
    parts = urlsplit(base)
    name = f"{parts.path.lstrip('/') or 'doingoai_bench'}_{bench}"
    _make(urlunsplit(parts._replace(path="/postgres")), name, fresh)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _make(admin_url: str, name: str, fresh: bool) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            connection.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
