"""The pooled classes of ``benchmarks/measure_points.py --pooled``: why a gold point left its
measure's main series, on hand-built points (no corpus needed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))  # the script imports its sibling story_sets
spec = importlib.util.spec_from_file_location("measure_points", BENCH / "measure_points.py")
assert spec and spec.loader
measure_points = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure_points)
why = measure_points.why

INSIDE = {("COUNTRY", "TOWN"), ("COUNTRY", "REGION"), ("REGION", "TOWN")}


def contains(outer: str, inner: str) -> bool:
    return (outer, inner) in INSIDE


def fields(what="killed", unit="people", subject=None, place=None, qualifier=None, scope="point"):
    names = ("what", "unit", "subject", "place", "qualifier", "scope")
    return dict(zip(names, (what, unit, subject, place, qualifier, scope), strict=True))


def row(drawn, typed=None, rule=None):
    return {"series": "x", "drawn": drawn, "typed": typed or drawn, "rule": rule}


def test_extraction_comes_first():
    assert why({"cause": "no quantity"}, fields(), contains) == "extraction: no quantity"
    assert why({"cause": "no measure"}, fields(), contains) == "extraction: no measure"


def test_the_counted_thing_before_the_place():
    ref = fields(place="TOWN")
    assert why(row(fields(what="missing", place="REGION")), ref, contains) == "what: killed -> missing"
    assert why(row(fields(unit="members")), ref, contains) == "unit"
    assert why(row(fields(subject="Italian", place="TOWN")), ref, contains) == "whose"
    assert why(row(fields(place="TOWN", scope="forecast")), ref, contains) == "scope: point -> forecast"


def test_places_by_granularity_and_by_who_placed_them():
    ref = fields(place="REGION")
    assert why(row(fields(place="COUNTRY")), ref, contains) == "where: point coarser"
    assert why(row(fields(place="TOWN")), ref, contains) == "where: point finer"
    assert why(row(fields(place="ELSEWHERE")), ref, contains) == "where: another place"
    assert why(row(fields(place=None)), ref, contains) == "where: point has no place"
    assert why(row(fields(place="TOWN")), fields(place=None), contains) == "where: main series has no place"
    drawn = row(fields(place="COUNTRY"), typed=fields(place=None), rule="the story's whole")
    assert why(drawn, ref, contains) == "where: text names no place, drawn by the story's whole"
    assert why(row(fields(place="REGION", qualifier="east")), ref, contains) == "where: qualifier"
