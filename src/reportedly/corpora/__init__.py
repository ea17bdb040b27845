"""Readers for annotated corpora used to measure the tool (not needed to run it).

Each module reads one corpus format into the project's own objects, so the
scorers in :mod:`reportedly.eval` never parse files themselves.
"""
