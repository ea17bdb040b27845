"""GraphML: who relays whom, for network tools (Gephi, yEd, networkx, Cytoscape desktop).

Nodes are outlets, articles, sources and claims (attribute ``kind`` says
which); edges are ``published`` (outlet → article), ``contains`` (article →
claim), ``attributed_to`` (claim → its nearest source) and ``relays`` (one hop
of a chain to the next, towards the origin, with the claim and cue on the
edge). Sources are shared across articles, so a network tool sees at once
which origins many outlets depend on.

Written with ElementTree, which escapes text and attributes itself: names and
claims come from untrusted articles.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from reportedly.model import Ledger

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

# Characters XML 1.0 cannot carry at all, escaped or not; ElementTree would
# write them through and produce a file no parser accepts.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


#: (key id, applies to, attribute name, GraphML type)
KEYS = (
    ("n_kind", "node", "kind", "string"),
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "entity_type", "string"),
    ("n_anonymous", "node", "anonymous", "boolean"),
    ("n_stance", "node", "stance", "string"),
    ("n_published", "node", "published", "string"),
    ("n_document", "node", "document", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_claim", "edge", "claim", "string"),
    ("e_cue", "edge", "cue", "string"),
)


def ledgers_to_graphml(ledgers: Iterable[Ledger]) -> str:
    """The whole set of ledgers as one directed GraphML graph."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for key_id, target, name, type_ in KEYS:
        ET.SubElement(
            root, f"{{{GRAPHML_NS}}}key", {"id": key_id, "for": target, "attr.name": name, "attr.type": type_}
        )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "reportedly", "edgedefault": "directed"})
    nodes: set[str] = set()
    edge_count = 0

    def node(node_id: str, **data: str | bool | None) -> str:
        if node_id in nodes:
            return node_id
        nodes.add(node_id)
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": _clean(node_id)})
        for key, value in data.items():
            if value is None:
                continue
            text = str(value).lower() if isinstance(value, bool) else _clean(value)
            ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": key}).text = text
        return node_id

    def edge(source: str, target: str, **data: str | None) -> None:
        nonlocal edge_count
        edge_count += 1
        element = ET.SubElement(
            graph,
            f"{{{GRAPHML_NS}}}edge",
            {"id": f"e{edge_count}", "source": _clean(source), "target": _clean(target)},
        )
        for key, value in data.items():
            if value is not None:
                ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": key}).text = _clean(value)

    for ledger in ledgers:
        doc = ledger.document
        article = node(
            f"article:{doc.id}",
            n_kind="article",
            n_label=doc.title or doc.id,
            n_published=doc.published.isoformat() if doc.published else None,
        )
        if doc.outlet:
            outlet = node(f"outlet:{doc.outlet}", n_kind="outlet", n_label=doc.outlet)
            edge(outlet, article, e_kind="published")
        for claim in ledger.claims:
            cnode = node(
                f"claim:{claim.id}",
                n_kind="claim",
                n_label=claim.content_text,
                n_stance=claim.stance.value,
                n_document=doc.id,
            )
            edge(article, cnode, e_kind="contains", e_claim=claim.id)
            src = claim.source
            if src is not None:
                if src.entity is not None:
                    target = node(
                        f"source:{src.entity.id}",
                        n_kind="source",
                        n_label=src.entity.name,
                        n_type=src.entity.type.value,
                        n_anonymous=src.entity.anonymous,
                    )
                else:
                    target = node(
                        f"mention:{claim.id}", n_kind="source", n_label=src.text, n_type="unresolved"
                    )
                edge(cnode, target, e_kind="attributed_to", e_claim=claim.id, e_cue=claim.cue.text)
            hops = [
                node(
                    f"source:{link.entity.id}",
                    n_kind="source",
                    n_label=link.entity.name,
                    n_type=link.entity.type.value,
                    n_anonymous=link.entity.anonymous,
                )
                for link in claim.chain
            ]
            for position in range(1, len(hops)):
                edge(
                    hops[position - 1],
                    hops[position],
                    e_kind="relays",
                    e_claim=claim.id,
                    e_cue=claim.chain[position].cue,
                )
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
