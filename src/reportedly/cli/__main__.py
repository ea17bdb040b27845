"""``python -m reportedly.cli``: the same as the ``reportedly`` command."""

from . import main

main()
