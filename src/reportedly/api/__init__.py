"""The web stage: a JSON API and a browser UI over a ledger store (``reportedly serve``).

A thin skin like the CLI: every route calls ``Store`` or ``reportedly.analyze``
and serves the model's own ``to_dict`` shapes. See ``docs/api.md`` and
``docs/web-ui.md``.
"""

try:
    import fastapi  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the install
    raise ImportError(f"reportedly.api needs FastAPI ({exc}): pip install 'reportedly[serve]'") from exc

from reportedly.api.app import app_from_env, create_app  # noqa: E402

__all__ = ["app_from_env", "create_app"]
