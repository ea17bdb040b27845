"""Alembic environment for the reportedly store.

At run time :class:`reportedly.store.Store` hands over an open connection in
``config.attributes["connection"]`` so that the upgrade happens inside the
transaction (and with the SQLite pragmas) the store chose. The URL fallback
only serves developers running the ``alembic`` command with
``src/reportedly/store/alembic.ini`` to write new revisions.
"""

from __future__ import annotations

import logging.config

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

from reportedly.store.schema import metadata

config = context.config

if config.config_file_name is not None and config.get_section("loggers") is not None:
    logging.config.fileConfig(config.config_file_name, disable_existing_loggers=False)


def _configure(**kwargs: object) -> None:
    # Batch mode is how Alembic alters SQLite tables (copy and rename); on
    # other dialects it is a no-op wrapper, so it is always safe to ask for.
    context.configure(target_metadata=metadata, render_as_batch=True, compare_type=True, **kwargs)


def _run(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    run_offline()
else:
    run_online()
