"""The steps after the finders: boundary conventions and steps across paragraphs (see ``registry.py``).

Importing this package registers them all (``merge`` registers from ``extract/merge.py``).
"""

from . import boundaries, paragraphs

__all__ = ["boundaries", "paragraphs"]
