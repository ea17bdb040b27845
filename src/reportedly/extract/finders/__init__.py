"""The finders: each reads one passage and returns drafts (see ``registry.py``).

Importing this package registers them all. A new construction goes in a module
of its own here, decorated with ``@finder("name")``, and its name in
``extractor.FINDERS`` where its drafts should rank.
"""

from . import (
    according,
    citing,
    headlines,
    inverted,
    layout,
    learned,
    non_statements,
    passives,
    tallies,
    verbs,
)

__all__ = [
    "according",
    "citing",
    "headlines",
    "inverted",
    "layout",
    "learned",
    "non_statements",
    "passives",
    "tallies",
    "verbs",
]
