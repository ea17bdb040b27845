"""CLI verbs beyond the core ledger verbs, one module per area (eval, stories, serve/export).

Each module registers its commands on ``reportedly.cli.app`` when imported;
every module in this package is imported here, so adding a verb never means
editing a shared list.
"""

from __future__ import annotations

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
