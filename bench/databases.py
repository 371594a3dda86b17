"""A throw-away PostgreSQL database for one benchmark, on the server the benchmark is given."""


def _server(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def create_bench_database(server_url: str, name: str) -> str:
    """(Re)create the database ``name`` on the server of ``server_url``; return its URL."""
    import psycopg

    with psycopg.connect(_server(server_url), autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_bench_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_server(server_url), autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
