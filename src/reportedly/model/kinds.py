"""The closed vocabularies of the ledger (entity types, sections, claim kinds, stances, scopes)
and the typed :class:`Measure` a quantity counts: the words every stage, the store, the API and
the UI share (``/api/vocabulary`` serves them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from .encode import as_json


class EntityType(StrEnum):
    COUNTRY = "country"
    GOVERNMENT = "government"
    AGENCY = "agency"
    MILITARY_UNIT = "military_unit"
    MEDIA_OUTLET = "media_outlet"
    PERSON = "person"
    OFFICIAL_GROUP = "official_group"
    ORGANIZATION = "organization"
    UNKNOWN = "unknown"


class SectionKind(StrEnum):
    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    BODY = "body"
    RELATED = "related"


class ClaimKind(StrEnum):
    """How the attribution is built in the sentence.

    ``inverted`` is not a kind of its own: a direct quote with the speaker after
    the verb (``"…," said the NIS``) is ``direct`` with ``Claim.inverted`` set.
    """

    DIRECT = "direct"  # the content is entirely inside quotation marks
    INDIRECT = "indirect"  # X said (that) ...
    MIXED = "mixed"  # paraphrase with a quoted fragment inside
    ACCORDING_TO = "according_to"  # according to X, ...
    CITING = "citing"  # ..., citing X / as cited by X (no other reporting verb)
    PASSIVE = "passive"  # agentless passive: "has been suspected of"
    HEADLINE = "headline"  # "...: Ukraine official" or "Seoul confirms ..."
    NON_STATEMENT = "non_statement"  # remained silent, declined to comment
    OUTLET = "outlet"  # the publication's own voice: no source named ("The death toll topped 20,000.")


class Stance(StrEnum):
    CONFIRMED = "confirmed"
    ASSERTED = "asserted"
    ESTIMATED = "estimated"
    SUSPECTED = "suspected"
    REPORTED = "reported"
    DENIED = "denied"
    NO_COMMENT = "no_comment"
    UNVERIFIED = "unverified"
    EXPECTED = "expected"  # a forecast or prediction ("is expected to rise", "could exceed")
    CONDITIONAL = "conditional"  # an if-clause or hypothetical; the clause belongs to the content


class QuantityScope(StrEnum):
    POINT = "point"  # a count at a time
    PERIOD = "period"  # within an interval ("over the last two months")
    CUMULATIVE = "cumulative"  # a running total ("bringing the total to")


class MeasureScope(StrEnum):
    """How a measured number holds (GLOSSARY.md, "Measure"): figures of different scopes never conflict."""

    POINT = "point"  # a count at a time (also a running total read at that time)
    PERIOD = "period"  # within an interval of known length ("in the past 24 hours")
    CUMULATIVE = "cumulative"  # a running total ("bringing the total to", "so far")
    FORECAST = "forecast"  # expected, feared, projected ("could rise to", "is likely to exceed")
    HYPOTHETICAL = "hypothetical"  # under a condition ("if the dam fails, … could be flooded")


#: Counted nouns that read the same in the plural ("1,000 people", "300 staff").
#: What an amount of money can be the value of (read by ``extract.measure_money``): a cost
#: (damage, losses) or money given, lent, raised or paid. Keyed "aid (USD)"; never compared as
#: counts are (bodies reckon estimates and pledges differently by design).
#: Counts each body reckons against a threshold of its own (``Measure.reckoned``).
RECKONED_WHATS = frozenset(["recorded"])
MONEY_WHATS = frozenset(
    [
        "cost",
        "aid",
        "assistance",
        "relief",
        "funding",
        "fund",
        "grant",
        "loan",
        "donation",
        "pledge",
        "budget",
        "compensation",
        "reward",
        "ransom",
        "fine",
        "bail",
        "investment",
        "contract",
        "payment",
        "bonus",
        "insurance",
    ]
)

_INVARIANT = frozenset(
    {"people", "magnitude", "children", "personnel", "staff", "police", "cattle", "livestock", "crew"}
)


def _plural(unit: str | None) -> str | None:
    """A counted noun as a key reads it: in the plural ("hectares burned", "structures
    destroyed", not "hectare burned"). Units are kept as lemmas, so that "one structure" and
    "1,000 structures" are one unit; only the key's words are made plural, by the regular
    English rule. Folded classes ("people", "homes", "troops") and phrases ("percent of city")
    are already as they read."""
    if not unit or " " in unit or not unit.isalpha() or not unit.islower() or unit in _INVARIANT:
        return unit
    if unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in ("a", "e", "i", "o", "u"):
        return unit[:-1] + "ies"
    if unit.endswith(("x", "z", "ch", "sh")):
        return unit + "es"
    return unit + "s"


@dataclass(frozen=True, slots=True)
class Measure:
    """What a number counts, typed so that figures from different articles line up.

    ``what`` is the normalised event or state (``killed``, ``injured``,
    ``missing``, ``evacuated`` …, or None when the number only counts a thing);
    ``unit`` the normalised counted thing (``people``, ``troops``, ``homes``,
    ``magnitude``); ``subject`` whose or which (a nationality, an ordinal:
    "North Korean", "second"); ``place`` a gazetteer id with its display name
    and the control ``qualifier`` of the area ("occupied:RU", "held:rebel");
    ``as_of`` the day the figure holds. :attr:`key` is the series the number
    belongs to: equal keys are one number series across documents.
    """

    what: str | None
    unit: str | None
    subject: str | None = None
    place: str | None = None
    place_name: str | None = None
    qualifier: str | None = None
    scope: MeasureScope = MeasureScope.POINT
    period_days: int | None = None
    as_of: date | None = None

    @property
    def money(self) -> bool:
        """Whether the measure is an amount of money (a cost, aid, a loan: ``MONEY_WHATS``)."""
        return self.what in MONEY_WHATS

    @property
    def reckoned(self) -> bool:
        """Whether each body counts it against a threshold of its own: quakes recorded ("1,045
        earthquakes measuring 1 or higher", "eight strong quakes", "three felt shocks") are
        drawn as a series, never compared (``RECKONED_WHATS``)."""
        return self.what in RECKONED_WHATS

    @property
    def key(self) -> str:
        unit = _plural(self.unit) if not self.money else None
        head = " ".join(p for p in (self.subject, unit) if p) or "count"
        if self.money:
            # "cost (USD)", "aid (EUR)", not "usd cost": the currency is how the amount is told
            what = self.what or "cost"
            head = " ".join(
                p for p in (self.subject, f"{what} ({self.unit.upper()})" if self.unit else what) if p
            )
            return self._where(head)
        # the event is an internal word ("pleaded_guilty", "in_hospital"); the key is what people
        # read in timelines and cluster labels, and type after --measure: plain words
        return self._where(f"{head} {self.what.replace('_', ' ')}" if self.what else head)

    def _where(self, head: str) -> str:
        """The key's head with the place, the side and the scope after it."""
        parts = [head]
        if self.place_name:
            parts.append(f"in {self.place_name}")
        if self.qualifier and not (self.place or "").startswith("area:"):
            parts.append(f"({self.qualifier})")  # an area held by a side is named by the side already
        if self.scope is MeasureScope.PERIOD:
            parts.append(f"per {self.period_days} days" if self.period_days else "over a period")
        elif self.scope in (MeasureScope.FORECAST, MeasureScope.HYPOTHETICAL):
            parts.append(f"[{self.scope.value}]")
        return " ".join(parts)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Measure:
        """The inverse of :meth:`to_dict` (the derived ``key`` is ignored)."""
        fields = {k: v for k, v in data.items() if k != "key"}
        fields["scope"] = MeasureScope(fields.get("scope", "point"))
        fields["as_of"] = date.fromisoformat(fields["as_of"]) if fields.get("as_of") else None
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, "key what unit subject place place_name qualifier scope period_days as_of")
