"""The web stage: a JSON API and a browser UI over a ledger store (``reportedly serve``).

A thin skin like the CLI: every route calls ``Store`` or ``reportedly.analyze``
and serves the model's own ``to_dict`` shapes. See ``docs/api.md`` and
``docs/web-ui.md``.
"""

from reportedly.api.app import app_from_env, create_app

__all__ = ["app_from_env", "create_app"]
