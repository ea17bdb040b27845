/* reportedly web UI: a small hash-routed app over the JSON API.
 *
 * Safety rule for this file: article text and everything derived from it is
 * untrusted. It reaches the page only as text nodes (el(), textContent) or as
 * attribute values through setAttribute; no DOM API that parses a string as
 * HTML is used anywhere (tests/test_api.py greps for them), and links from
 * data pass safeHref(). The server's Content-Security-Policy is the second
 * wall, not the first.
 */
"use strict";

(function () {
  // Stances, kinds, sections … come from the server (GET /api/vocabulary), never from a copy here.
  let vocabulary = null;
  const PAGE = 25;
  const view = document.getElementById("view");
  let renderSerial = 0;
  let serverStatus = null;

  // ---------------------------------------------------------------- DOM helpers

  function safeHref(value) {
    const text = String(value);
    if (text.startsWith("#/") || text.startsWith("api/")) return text;
    try {
      const url = new URL(text, window.location.href);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    } catch (err) {
      /* not a URL: fall through */
    }
    return "#/claims";
  }

  function shorten(text, limit) {
    return text.length <= limit ? text : text.slice(0, limit - 1).trimEnd() + "…";
  }

  function isWebAddress(value) {
    return /^https?:\/\//i.test(String(value));
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Create an element; props set attributes (never HTML), "on*" props take functions only. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) {
        if (typeof value === "function") node.addEventListener(key.slice(2), value);
      } else if (key === "href") node.setAttribute("href", safeHref(value));
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    return append(node, children);
  }

  /** A list table: a caption (or null), one header cell per heading, and one row per item whose
   * cells cells(item) returns. Every list of documents, sources, stories and numbers is one. */
  function dataTable(props, caption, headings, items, cells) {
    return el(
      "table",
      props,
      caption,
      el("thead", {}, el("tr", {}, headings.map((h) => el("th", {}, h)))),
      el("tbody", {}, items.map((item) => el("tr", {}, cells(item)))),
    );
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, String(value));
    }
    return append(node, children);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function stanceBadge(stance) {
    return el("span", { class: "badge stance-" + stance }, stance.replace("_", " "));
  }

  function hashFor(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") query.set(k, v);
    }
    const q = query.toString();
    return "#/" + path.map(encodeURIComponent).join("/") + (q ? "?" + q : "");
  }

  function formatNumber(x) {
    if (x === null || x === undefined) return "";
    return Number(x).toLocaleString("en-US", { maximumFractionDigits: 2 });
  }

  // The server formats every number (bounds, approximation, unit, scope) once, for the CLI, the
  // exports and this page alike: a quantity's `display`; a timeline point's `display` is its value.
  function quantityText(q) {
    if (q.attribute) return q.text + " (attribute)";
    return q.display;
  }

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, params, options) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") query.set(k, v);
    }
    const url = "api/" + path + (query.toString() ? "?" + query : "");
    const response = await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, options || {}));
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
      throw new ApiError(response.status, detail || "request failed");
    }
    return body;
  }

  // ---------------------------------------------------------------- page frame

  function setTitle(text) {
    document.title = text ? text + " · reportedly" : "reportedly";
  }

  function heading(text) {
    return el("h1", { tabindex: "-1", id: "page-title" }, text);
  }

  function showError(err) {
    const message = err instanceof ApiError ? err.message : "Something went wrong: " + err;
    const box = el("div", { class: "notice error", role: "alert" }, message);
    if (err instanceof ApiError && err.status === 404) {
      append(box, [" ", el("a", { href: "#/claims" }, "Back to the claims")]);
    }
    return box;
  }

  function markNav(section) {
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.getAttribute("data-nav") === section) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  function pager(total, offset, limit, go) {
    if (total <= limit && offset === 0) return null;
    const first = total === 0 ? 0 : offset + 1;
    const last = Math.min(offset + limit, total);
    return el(
      "nav",
      { class: "pager", "aria-label": "Pages" },
      el("button", { class: "secondary", type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - limit)) }, "← Previous"),
      el("span", {}, `${first}–${last} of ${total}`),
      el("button", { class: "secondary", type: "button", disabled: last >= total, onclick: () => go(offset + limit) }, "Next →"),
    );
  }

  /** Arrow keys move between the rows of a list; Enter follows the focused row's link. */
  function arrowNavigation(list) {
    list.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const rows = Array.from(list.querySelectorAll(".row, .claim-button"));
      const index = rows.indexOf(document.activeElement);
      if (index < 0) return;
      const next = rows[index + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) {
        next.focus();
        event.preventDefault();
      }
    });
    return list;
  }

  // ---------------------------------------------------------------- claims list

  function claimRow(claim) {
    const src = claim.source;
    const who = src ? src.entity + (src.joint.length ? " + " + src.joint.join(" + ") : "") : "No named source";
    const doc = claim.document;
    const meta = [doc.title || doc.id];
    if (doc.outlet) meta.push(doc.outlet);
    if (doc.published) meta.push(doc.published);
    meta.push(claim.kind.replace("_", " "), claim.section);
    const via = claim.chain.length > 1 ? " · via " + claim.chain.map((l) => l.entity).join(" → ") : "";
    return el(
      "li",
      {},
      el(
        "a",
        { class: "row", href: hashFor(["claims", claim.id]), "data-claim": claim.id },
        el("span", { class: "who" }, who),
        " ",
        el("span", { class: "said" }, claim.cue.text),
        " ",
        stanceBadge(claim.stance),
        claim.negated ? el("span", { class: "flag" }, "negated") : null,
        claim.hedges.length ? el("span", { class: "flag" }, "hedged: " + claim.hedges.join(", ")) : null,
        el("span", { class: "content" }, claim.content.text || "—"),
        el("span", { class: "meta" }, meta.join(" · ") + via),
      ),
    );
  }

  function selectField(name, labelText, values, current) {
    const id = "f-" + name;
    return el(
      "div",
      {},
      el("label", { for: id }, labelText),
      el(
        "select",
        { id, name },
        el("option", { value: "" }, "any"),
        values.map((v) => el("option", { value: v, selected: v === current }, v.replaceAll("_", " "))),
      ),
    );
  }

  function inputField(name, labelText, type, current, extra) {
    const id = "f-" + name;
    return el(
      "div",
      { class: extra && extra.wide ? "wide" : null },
      el("label", { for: id }, labelText),
      el("input", Object.assign({ id, name, type, value: current || "" }, (extra && extra.attrs) || {})),
    );
  }

  async function renderClaims(params, serial) {
    setTitle("Claims");
    markNav("claims");
    const filters = ["q", "source", "stance", "kind", "section", "document", "story", "published_from", "published_to"];
    const current = {};
    for (const f of filters) current[f] = params.get(f) || "";
    const offset = Number(params.get("offset") || 0) || 0;
    const words = await loadVocabulary();
    if (serial !== renderSerial) return;

    const form = el(
      "form",
      { class: "filters panel", role: "search", "aria-label": "Filter claims" },
      inputField("q", "Search claims", "search", current.q, { wide: true, attrs: { placeholder: "words in the claim, its source or sentence", autocomplete: "off" } }),
      inputField("source", "Source (name or alias)", "text", current.source),
      selectField("stance", "Stance", words.stance, current.stance),
      selectField("kind", "Kind", words.kind, current.kind),
      selectField("section", "Section", words.section, current.section),
      inputField("published_from", "Published from", "date", current.published_from),
      inputField("published_to", "Published to", "date", current.published_to),
      el(
        "div",
        { class: "actions" },
        el("button", { type: "submit" }, "Apply"),
        el("a", { class: "button secondary", href: "#/claims" }, "Reset"),
      ),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const next = {};
      for (const f of filters) {
        const value = data.get(f);
        if (value) next[f] = String(value).trim();
        else if (current[f] && (f === "document" || f === "story")) next[f] = current[f];
      }
      window.location.hash = hashFor(["claims"], next);
    });

    const results = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Loading claims…"));
    const scope = [];
    if (current.document) scope.push(el("p", { class: "notice" }, "Only claims of document ", el("a", { href: hashFor(["documents", current.document]) }, current.document), ". ", el("a", { href: hashFor(["claims"]) }, "Show all")));
    if (current.story) scope.push(el("p", { class: "notice" }, "Only claims of story ", el("a", { href: hashFor(["stories", current.story]) }, current.story), ". ", el("a", { href: hashFor(["claims"]) }, "Show all")));
    append(clear(view), [heading("Claims"), el("p", { class: "lede" }, "Who says what, through whom, how surely. Use ↑/↓ to move through the list and Enter to open a claim."), scope, form, results]);

    try {
      const query = Object.assign({}, current, { limit: PAGE, offset });
      const page = await api("claims", query);
      if (serial !== renderSerial) return;
      clear(results);
      const noun = page.total === 1 ? "claim" : "claims";
      results.append(el("p", { class: "result-count" }, `${page.total} ${noun}`));
      if (page.items.length === 0) {
        results.append(el("p", { class: "notice" }, "No claims match. Loosen a filter, or add articles with “Add article”."));
        return;
      }
      results.append(arrowNavigation(el("ol", { class: "rows", id: "claim-list" }, page.items.map((c) => claimRow(c)))));
      const nav = pager(page.total, offset, PAGE, (next) => {
        window.location.hash = hashFor(["claims"], Object.assign({}, current, { offset: next || "" }));
      });
      if (nav) results.append(nav);
    } catch (err) {
      if (serial === renderSerial) append(clear(results), [showError(err)]);
    }
  }

  // ---------------------------------------------------------------- one claim + provenance

  function factsList(claim) {
    const facts = el("dl", { class: "facts" });
    const add = (term, value) => {
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return;
      facts.append(el("dt", {}, term), el("dd", {}, value));
    };
    add("Stance", stanceBadge(claim.stance));
    add("Source as written", claim.source ? claim.source.text : "none (agentless)");
    if (claim.source && claim.source.entity_id) {
      add("Resolved to", el("a", { href: hashFor(["claims"], { source: claim.source.entity_id }) }, claim.source.entity + " (" + claim.source.type.replace("_", " ") + (claim.source.anonymous ? ", anonymous" : "") + ")"));
    }
    add("Cue", claim.cue.text + " (" + claim.cue.lemma + ")");
    add("Kind", claim.kind.replace("_", " "));
    add("Section", claim.section);
    add("Negated", claim.negated ? "yes" : null);
    add("Hedges", claim.hedges.join(", "));
    add("Numbers", claim.quantities.map((q) => quantityText(q)).join("; "));
    add("Dates", claim.times.map((t) => t.text + " = " + (t.resolved || "unresolved")).join("; "));
    add("Offsets", "cue " + claim.cue.start + "–" + claim.cue.end + "; content " + claim.content.spans.map((s) => s[0] + "–" + s[1]).join(", "));
    return facts;
  }

  const GRAPH_STYLE = [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "text-wrap": "wrap",
        "text-max-width": "180px",
        "text-valign": "center",
        "text-halign": "center",
        "font-size": "13px",
        "font-family": "system-ui, sans-serif",
        color: "#1c1f24",
        shape: "round-rectangle",
        width: "data(w)",
        height: "data(h)",
        "background-color": "#dce8ff",
        "border-width": 1,
        "border-color": "#0b3a8f",
      },
    },
    { selector: 'node[kind = "outlet"]', style: { "background-color": "#15233f", color: "#ffffff", "border-color": "#15233f" } },
    { selector: 'node[kind = "origin"]', style: { "border-width": 3, "background-color": "#c9dafc" } },
    { selector: 'node[kind = "claim"]', style: { "background-color": "#fff2b3", "border-color": "#7a5a00", "text-max-width": "240px" } },
    { selector: "node[?anonymous]", style: { "border-style": "dashed" } },
    {
      selector: "edge",
      style: {
        width: 2,
        "line-color": "#6b7280",
        "target-arrow-color": "#6b7280",
        "target-arrow-shape": "triangle",
        "curve-style": "bezier",
        label: "data(label)",
        "font-size": "12px",
        color: "#8a3b00",
        "text-background-color": "#ffffff",
        "text-background-opacity": 1,
        "text-background-padding": "2px",
      },
    },
  ];

  /** Left to right along the chain (outlet → … → claim), spaced by box widths; joint sources below. */
  function chainPositions(nodes, edges, sizes) {
    const GAP = 110; // room for the cue on the edge
    const next = {};
    for (const e of edges) if (!(e.source in next) && !e.target.startsWith("joint-")) next[e.source] = e.target;
    const positions = {};
    let x = 0;
    let previous = null;
    for (let id = "outlet"; id && !(id in positions); id = next[id]) {
      if (previous) x += sizes[previous].w / 2 + GAP + sizes[id].w / 2;
      positions[id] = { x, y: 0 };
      previous = id;
    }
    let row = 1;
    for (const n of nodes) {
      if (!(n.id in positions)) positions[n.id] = { x: x / 2, y: 110 * row++ };
    }
    return positions;
  }

  /** Box size for a label: Cytoscape cannot size nodes to wrapped labels itself (width: label is gone). */
  function nodeSize(label, kind) {
    const perLine = kind === "claim" ? 240 : 180; // text-max-width in px
    const textWidth = label.length * 7.2; // 13px system font, average glyph
    const lines = Math.max(1, Math.ceil(textWidth / perLine));
    return { w: Math.min(textWidth, perLine) + 22, h: lines * 17 + 16 };
  }

  function drawGraph(container, nodes, edges) {
    if (typeof window.cytoscape !== "function") {
      container.append(el("p", { class: "notice warn" }, "The graph library did not load; the chain is listed above."));
      return null;
    }
    const sizes = {};
    for (const n of nodes) sizes[n.id] = nodeSize(n.label, n.kind);
    const cy = window.cytoscape({
      container,
      elements: [
        ...nodes.map((n) => ({ data: Object.assign({ id: n.id, label: n.label, kind: n.kind, anonymous: !!n.anonymous }, sizes[n.id]) })),
        ...edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, label: e.label || "" } })),
      ],
      style: GRAPH_STYLE,
      layout: { name: "preset", positions: chainPositions(nodes, edges, sizes), fit: false },
      minZoom: 0.3,
      maxZoom: 2,
      boxSelectionEnabled: false,
    });
    // Fit the whole chain, but never blow a short chain up past readable size.
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.1) {
      cy.zoom(1.1);
      cy.center();
    }
    window.__reportedlyGraph = cy; // for the browser tests
    return cy;
  }

  async function renderClaim(claimId, serial) {
    setTitle("Claim");
    markNav("claims");
    append(clear(view), [heading("Claim"), el("p", { class: "muted" }, "Loading…")]);
    try {
      const data = await api("claims/" + encodeURIComponent(claimId) + "/provenance");
      if (serial !== renderSerial) return;
      const claim = data.claim;
      const doc = data.document;
      const who = claim.source ? claim.source.entity : "No named source";
      setTitle(who + ": " + (claim.content.text || claim.cue.text).slice(0, 60));
      const chainList = el(
        "ol",
        { class: "chain-text", "aria-label": "Provenance chain, nearest first" },
        data.nodes.map((n) => el("li", {}, el("strong", {}, n.label), n.kind === "origin" ? " (origin)" : "")),
      );
      const graph = el("div", { class: "graph", id: "provenance-graph", role: "img", "aria-label": "Provenance graph: " + data.nodes.map((n) => n.label).join(" → ") });
      append(clear(view), [
        heading(who + " " + claim.cue.text),
        el("p", { class: "quote" }, claim.content.text || "(no content)"),
        el(
          "p",
          { class: "actions" },
          el("a", { class: "button", id: "show-in-document", href: hashFor(["documents", claim.document_id], { claim: claim.id }) }, "Show in the article"),
          el("a", { class: "button secondary", href: hashFor(["claims"], { document: claim.document_id }) }, "All claims of this article"),
        ),
        el("p", { class: "muted" }, "In ", el("a", { href: hashFor(["documents", doc.id]) }, doc.title || doc.id), doc.outlet ? " · " + doc.outlet : "", doc.published ? " · " + doc.published : ""),
        el("h2", {}, "Provenance"),
        el("p", { class: "muted small" }, "From the publishing outlet through each relaying source to the origin. Dashed boxes are anonymous sources."),
        chainList,
        graph,
        el("h2", {}, "Details"),
        factsList(claim),
      ]);
      drawGraph(graph, data.nodes, data.edges);
    } catch (err) {
      if (serial === renderSerial) append(clear(view), [heading("Claim"), showError(err)]);
    }
  }

  // ---------------------------------------------------------------- document view

  /** Split text at every mark boundary; each piece is a text node or a span listing its marks. */
  function highlightedText(text, marks, onPick) {
    const cuts = new Set([0, text.length]);
    for (const m of marks) {
      cuts.add(Math.max(0, Math.min(text.length, m.start)));
      cuts.add(Math.max(0, Math.min(text.length, m.end)));
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const out = el("div", { class: "article-text", id: "article-text" });
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (a === b) continue;
      const covering = marks.filter((m) => m.start <= a && m.end >= b);
      const piece = text.slice(a, b);
      if (covering.length === 0) {
        out.append(document.createTextNode(piece));
        continue;
      }
      const classes = Array.from(new Set(covering.map((m) => m.cls)));
      const span = el("span", { class: classes.join(" "), "data-start": a, "data-end": b }, piece);
      const owner = covering.find((m) => m.claim);
      if (owner && onPick) span.addEventListener("click", () => onPick(owner.claim));
      out.append(span);
    }
    return out;
  }

  function marksFor(claims, selected) {
    const marks = [];
    for (const c of claims) {
      if (c.id === selected) continue;
      for (const [s, e] of c.content.spans) marks.push({ start: s, end: e, cls: "hl-claim", claim: c.id });
    }
    const chosen = claims.find((c) => c.id === selected);
    if (chosen) {
      for (const [s, e] of chosen.content.spans) marks.push({ start: s, end: e, cls: "hl-content", claim: chosen.id });
      if (chosen.source) marks.push({ start: chosen.source.start, end: chosen.source.end, cls: "hl-source" });
      marks.push({ start: chosen.cue.start, end: chosen.cue.end, cls: "hl-cue" });
      for (const q of chosen.quantities) marks.push({ start: q.start, end: q.end, cls: "hl-number" });
      for (const t of chosen.times) marks.push({ start: t.start, end: t.end, cls: "hl-date" });
    }
    return marks;
  }

  async function renderDocument(documentId, params, serial) {
    setTitle("Article");
    markNav("documents");
    append(clear(view), [heading("Article"), el("p", { class: "muted" }, "Loading…")]);
    let ledger;
    try {
      ledger = await api("documents/" + encodeURIComponent(documentId));
    } catch (err) {
      if (serial === renderSerial) append(clear(view), [heading("Article"), showError(err)]);
      return;
    }
    if (serial !== renderSerial) return;
    const doc = ledger.document;
    const claims = ledger.claims;
    let selected = params.get("claim") || (claims[0] && claims[0].id) || null;
    setTitle(doc.title || "Article");

    const textHolder = el("div", {});
    const buttons = el("ul", { class: "claim-buttons", id: "document-claims" });
    const detail = el("div", { id: "claim-detail" });

    function select(claimId, focusText) {
      selected = claimId;
      // replaceState keeps the selection in the address without re-rendering the page.
      history.replaceState(null, "", hashFor(["documents", doc.id], { claim: claimId }));
      clear(textHolder).append(highlightedText(doc.text, marksFor(claims, selected), (id) => select(id, false)));
      for (const b of buttons.querySelectorAll(".claim-button")) {
        b.setAttribute("aria-pressed", b.getAttribute("data-claim") === selected ? "true" : "false");
      }
      const chosen = claims.find((c) => c.id === selected);
      clear(detail);
      if (chosen) {
        append(detail, [
          el("h3", {}, "Selected claim"),
          factsList(chosen),
          el("p", {}, el("a", { class: "button secondary", id: "show-provenance", href: hashFor(["claims", chosen.id]) }, "Provenance graph")),
        ]);
        const first = textHolder.querySelector(".hl-content, .hl-cue");
        if (first && focusText !== false) first.scrollIntoView({ block: "center" });
      }
    }

    for (const c of claims) {
      const who = c.source ? c.source.entity : "—";
      buttons.append(
        el(
          "li",
          {},
          el(
            "button",
            { type: "button", class: "claim-button", "data-claim": c.id, "aria-pressed": "false", onclick: () => select(c.id) },
            el("strong", {}, who), " ", c.cue.text, " ", stanceBadge(c.stance), el("br", {}),
            el("span", { class: "small" }, shorten(c.content.text || "", 140)),
          ),
        ),
      );
    }
    arrowNavigation(buttons);

    const meta = [doc.outlet, doc.published, doc.byline ? "by " + doc.byline : null].filter(Boolean).join(" · ");
    append(clear(view), [
      heading(doc.title || "Untitled article"),
      meta ? el("p", { class: "lede" }, meta) : null,
      doc.url ? el("p", { class: "small" }, "Source: ", isWebAddress(doc.url) ? el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, doc.url) : doc.url) : null,
      el(
        "div",
        { class: "legend", "aria-label": "Highlight legend" },
        el("span", { class: "hl-source" }, "source"),
        el("span", { class: "hl-cue" }, "cue"),
        el("span", { class: "hl-content" }, "content of the selected claim"),
        el("span", { class: "hl-claim" }, "other claims"),
      ),
      el(
        "div",
        { class: "doc-layout" },
        el("section", { class: "panel", "aria-label": "Article text" }, textHolder),
        el(
          "aside",
          { class: "side panel", "aria-label": "Claims in this article" },
          el("h2", {}, `${claims.length} claim${claims.length === 1 ? "" : "s"}`),
          el("p", { class: "small muted" }, "Choose a claim to highlight its source, cue and content."),
          buttons,
          detail,
        ),
      ),
    ]);
    if (selected) select(selected, params.has("claim"));
    else textHolder.append(highlightedText(doc.text, [], null));
  }

  // ---------------------------------------------------------------- documents, sources

  async function renderDocuments(params, serial) {
    setTitle("Documents");
    markNav("documents");
    const offset = Number(params.get("offset") || 0) || 0;
    const holder = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Loading…"));
    append(clear(view), [heading("Documents"), el("p", { class: "lede" }, "Every stored article, oldest first."), holder]);
    try {
      const page = await api("documents", { limit: PAGE, offset });
      if (serial !== renderSerial) return;
      clear(holder);
      if (page.total === 0) {
        holder.append(el("p", { class: "notice" }, "No articles yet. Add one with “Add article” or `reportedly ingest`."));
        return;
      }
      holder.append(
        dataTable({ class: "data" }, null, ["Title", "Outlet", "Published", "Claims"], page.items, (d) => [
          el("td", {}, el("a", { href: hashFor(["documents", d.id]) }, d.title || d.id)),
          el("td", {}, d.outlet || ""),
          el("td", {}, d.published || ""),
          el("td", { class: "num" }, el("a", { href: hashFor(["claims"], { document: d.id }) }, String(d.claims))),
        ]),
      );
      const nav = pager(page.total, offset, PAGE, (next) => (window.location.hash = hashFor(["documents"], { offset: next || "" })));
      if (nav) holder.append(nav);
    } catch (err) {
      if (serial === renderSerial) append(clear(holder), [showError(err)]);
    }
  }

  async function renderEntities(params, serial) {
    setTitle("Sources");
    markNav("entities");
    const offset = Number(params.get("offset") || 0) || 0;
    const q = params.get("q") || "";
    const form = el(
      "form",
      { class: "filters panel", role: "search", "aria-label": "Find sources" },
      inputField("q", "Name or alias", "search", q, { wide: true, attrs: { autocomplete: "off" } }),
      el("div", { class: "actions" }, el("button", { type: "submit" }, "Find")),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.location.hash = hashFor(["entities"], { q: String(new FormData(form).get("q") || "").trim() });
    });
    const holder = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Loading…"));
    append(clear(view), [heading("Sources"), el("p", { class: "lede" }, "Everyone the articles quote or cite, merged across articles."), form, holder]);
    try {
      const page = await api("entities", { q, limit: PAGE, offset });
      if (serial !== renderSerial) return;
      clear(holder);
      holder.append(el("p", { class: "result-count" }, `${page.total} source${page.total === 1 ? "" : "s"}`));
      holder.append(
        dataTable({ class: "data" }, null, ["Name", "Type", "Also called", "Claims"], page.items, (e) => [
          el("td", {}, el("a", { href: hashFor(["claims"], { source: e.id }) }, e.name), e.anonymous ? el("span", { class: "flag" }, "anonymous") : null),
          el("td", {}, e.type.replace("_", " ")),
          el("td", { class: "small" }, e.aliases.join(", ")),
          el("td", { class: "num" }, String(e.claims)),
        ]),
      );
      const nav = pager(page.total, offset, PAGE, (next) => (window.location.hash = hashFor(["entities"], { q, offset: next || "" })));
      if (nav) holder.append(nav);
    } catch (err) {
      if (serial === renderSerial) append(clear(holder), [showError(err)]);
    }
  }

  // ---------------------------------------------------------------- add an article

  function renderAdd() {
    setTitle("Add article");
    markNav("add");
    const writable = serverStatus ? serverStatus.writes_enabled : true;
    const tokenInput = el("input", { id: "f-token", name: "token", type: "password", autocomplete: "off", value: sessionStorage.getItem("reportedly-token") || "" });
    const remember = el("input", { id: "f-remember", type: "checkbox", checked: !!sessionStorage.getItem("reportedly-token") });
    const textArea = el("textarea", { id: "f-body", name: "body", required: true, spellcheck: "false" });
    const urlInput = el("input", { id: "f-url", name: "url", type: "url", placeholder: "https://…" });
    const bodyBlock = el("div", {}, el("label", { for: "f-body" }, "Article text"), textArea);
    const urlBlock = el("div", { hidden: true }, el("label", { for: "f-url" }, "Article address"), urlInput);
    const result = el("div", { "aria-live": "polite", id: "add-result" });

    const modes = ["text", "html", "url"].map((mode) =>
      el(
        "label",
        { class: "choice" },
        el("input", {
          type: "radio",
          name: "mode",
          value: mode,
          checked: mode === "text",
          onchange: () => {
            urlBlock.hidden = mode !== "url";
            bodyBlock.hidden = mode === "url";
            textArea.required = mode !== "url";
            urlInput.required = mode === "url";
            bodyBlock.querySelector("label").textContent = mode === "html" ? "Page HTML" : "Article text";
          },
        }),
        { text: "Plain text", html: "HTML", url: "Web address" }[mode],
      ),
    );

    const form = el(
      "form",
      { class: "panel", id: "add-form" },
      el("fieldset", {}, el("legend", {}, "What to analyse"), modes),
      bodyBlock,
      urlBlock,
      el(
        "div",
        { class: "filters" },
        inputField("published", "Published on", "date", ""),
        inputField("title", "Title (optional)", "text", ""),
        inputField("outlet", "Outlet (optional)", "text", ""),
      ),
      el("div", {}, el("label", { for: "f-token" }, "Access token"), tokenInput),
      el("p", {}, el("label", { class: "choice", for: "f-remember" }, remember, "Remember the token in this tab")),
      el("div", { class: "actions" }, el("button", { type: "submit", id: "add-submit" }, "Analyse and store")),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const mode = data.get("mode");
      const payload = {};
      if (mode === "url") payload.url = String(data.get("url") || "").trim();
      else payload[mode] = String(data.get("body") || "");
      for (const key of ["published", "title", "outlet"]) {
        const value = String(data.get(key) || "").trim();
        if (value) payload[key] = value;
      }
      const token = String(data.get("token") || "").trim();
      if (remember.checked && token) sessionStorage.setItem("reportedly-token", token);
      else sessionStorage.removeItem("reportedly-token");
      clear(result).append(el("p", { class: "muted" }, "Analysing…"));
      try {
        let answer = await api("documents", null, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: "Bearer " + token },
          body: JSON.stringify(payload),
        });
        if (answer && answer.status && typeof answer.href === "string" && answer.href.startsWith("/api/jobs/")) {
          // a long article is analysed as a job (202): ask how it stands until it is finished
          clear(result).append(el("p", { class: "muted" }, "Queued; analysing…"));
          const path = answer.href.slice("/api/".length);
          while (answer.status !== "done") {
            await new Promise((resolve) => setTimeout(resolve, 1000));
            answer = await api(path);
            if (answer.status === "error") throw new ApiError(answer.status_code || 500, answer.detail || "analysis failed");
          }
        }
        clear(result);
        for (const d of answer.documents) {
          result.append(
            el(
              "p",
              { class: "notice" },
              d.created ? "Stored " : "Already stored: ",
              el("a", { href: hashFor(["documents", d.document_id]) }, d.title || d.document_id),
              ` with ${d.claims} claim${d.claims === 1 ? "" : "s"}.`,
            ),
          );
        }
        for (const p of answer.errors) result.append(el("p", { class: "notice warn" }, p.message));
        loadStatus();
      } catch (err) {
        clear(result).append(showError(err));
      }
    });
    append(clear(view), [
      heading("Add an article"),
      el("p", { class: "lede" }, "The article is analysed on the server and its ledger stored. Adding needs the access token the server was started with."),
      writable ? null : el("p", { class: "notice warn" }, "This server is read-only: it was started without a token, so articles cannot be added here. Use `reportedly ingest`, or restart with --token."),
      form,
      result,
    ]);
  }

  // ---------------------------------------------------------------- stories

  function renderStoriesUnavailable() {
    setTitle("Stories");
    markNav("stories");
    append(clear(view), [
      heading("Stories"),
      el("p", { class: "notice" }, "Stories are not available on this server yet."),
    ]);
  }

  // ---------------------------------------------------------------- router

  /** The model's vocabularies, fetched once; empty lists (filters offer "any" only) if the server fails. */
  async function loadVocabulary() {
    if (vocabulary) return vocabulary;
    try {
      vocabulary = await api("vocabulary");
      return vocabulary;
    } catch (err) {
      return { stance: [], kind: [], section: [], entity_type: [], quantity_scope: [], measure_scope: [], conflict_kind: [] };
    }
  }

  async function loadStatus() {
    try {
      serverStatus = await api("status");
      const box = document.getElementById("server-status");
      box.textContent = `${serverStatus.documents} articles · ${serverStatus.claims} claims` + (serverStatus.writes_enabled ? "" : " · read-only");
    } catch (err) {
      serverStatus = null;
    }
    return serverStatus;
  }

  function route() {
    const raw = window.location.hash.startsWith("#/") ? window.location.hash.slice(2) : "claims";
    const [path, query] = raw.split("?");
    const parts = path.split("/").filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (err) {
        return p;
      }
    });
    return { parts, params: new URLSearchParams(query || "") };
  }

  async function render() {
    const serial = ++renderSerial;
    const { parts, params } = route();
    const [section, id] = parts;
    const stories = window.reportedlyStories;
    try {
      if (section === "claims" && id) await renderClaim(id, serial);
      else if (section === "documents" && id) await renderDocument(id, params, serial);
      else if (section === "documents") await renderDocuments(params, serial);
      else if (section === "entities") await renderEntities(params, serial);
      else if (section === "add") renderAdd();
      else if (section === "stories" && stories && (!serverStatus || serverStatus.stories)) await stories.render(id, params, serial);
      else if (section === "stories") renderStoriesUnavailable();
      else await renderClaims(params, serial);
    } finally {
      if (serial === renderSerial) {
        const title = document.getElementById("page-title");
        if (title && document.activeElement === document.body) title.focus({ preventScroll: true });
      }
    }
  }

  // Exposed for the story page module (story.js) so it reuses the same safe helpers.
  window.reportedlyUI = {
    el, svg, append, clear, dataTable, api, heading, showError, setTitle, markNav, hashFor, stanceBadge, pager,
    arrowNavigation, quantityText, formatNumber, isCurrent: (s) => s === renderSerial, PAGE,
  };

  document.addEventListener("DOMContentLoaded", async () => {
    const skip = document.querySelector(".skip");
    skip.addEventListener("click", (event) => {
      event.preventDefault(); // a real "#view" hash would be read as a route
      const title = document.getElementById("page-title");
      (title || view).focus();
    });
    document.addEventListener("keydown", (event) => {
      // "/" jumps to the search box, as on many sites, unless the user is typing.
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
      if (event.key === "/" && !typing) {
        const search = document.getElementById("f-q");
        if (search) {
          search.focus();
          event.preventDefault();
        }
      }
    });
    window.addEventListener("hashchange", render);
    await loadStatus();
    render();
  });
})();
