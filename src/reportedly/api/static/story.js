/* reportedly web UI: the story pages (list, clusters, conflicts side by side, number timeline).
 *
 * Uses the helpers app.js exposes as window.reportedlyUI, so the same rule
 * holds here: data reaches the page only as text nodes and attribute values,
 * never parsed as HTML. The timeline is plain SVG built element by element.
 */
"use strict";

(function () {
  const PALETTE = ["#1f4fbf", "#b3261e", "#17663a", "#8a1f7a", "#9a4d00", "#0f766e", "#5b21b6", "#4b5563"];

  function ui() {
    return window.reportedlyUI;
  }

  function claimLink(ref, text) {
    const { el, hashFor } = ui();
    return el("a", { href: hashFor(["documents", ref.document], { claim: ref.id }) }, text);
  }

  function refBlock(ref, cls) {
    const { el, stanceBadge } = ui();
    const meta = [ref.outlet || "unknown outlet", ref.published || "undated"].join(" · ");
    return el(
      "div",
      { class: cls },
      el("p", { class: "small muted" }, meta),
      el("p", {}, el("strong", {}, ref.source || "No named source"), ref.origin && ref.origin !== ref.source ? " (origin: " + ref.origin + ")" : "", " ", stanceBadge(ref.stance), ref.negated ? el("span", { class: "flag" }, "negated") : null),
      el("p", { class: "quote" }, ref.evidence.text),
      el("p", { class: "small" }, claimLink(ref, "Show in the article")),
    );
  }

  async function renderList(params, serial) {
    const { el, append, clear, dataTable, api, heading, showError, setTitle, markNav, hashFor, pager, isCurrent, PAGE } = ui();
    setTitle("Stories");
    markNav("stories");
    const offset = Number(params.get("offset") || 0) || 0;
    const holder = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Loading…"));
    append(clear(document.getElementById("view")), [
      heading("Stories"),
      el("p", { class: "lede" }, "Articles about one unfolding event, grouped by the last link run."),
      holder,
    ]);
    try {
      const page = await api("stories", { limit: PAGE, offset });
      if (!isCurrent(serial)) return;
      clear(holder);
      if (page.total === 0) {
        holder.append(el("p", { class: "notice" }, "No stories yet. Build them with `reportedly link`, or rebuild them here once articles are stored."));
        return;
      }
      const headings = ["Story", "Dates", "Articles", "Outlets", "Clusters", "Conflicts"];
      holder.append(
        dataTable({ class: "data", id: "story-table" }, null, headings, page.items, (s) => [
          el("td", {}, el("a", { href: hashFor(["stories", s.id]) }, s.title)),
          el("td", {}, s.first === s.last ? s.first || "" : (s.first || "?") + " – " + (s.last || "?")),
          el("td", { class: "num" }, String(s.documents)),
          el("td", { class: "small" }, s.outlets.join(", ")),
          el("td", { class: "num" }, String(s.clusters)),
          el("td", { class: "num" }, String(s.conflicts)),
        ]),
      );
      const nav = pager(page.total, offset, PAGE, (next) => (window.location.hash = hashFor(["stories"], { offset: next || "" })));
      if (nav) holder.append(nav);
    } catch (err) {
      if (isCurrent(serial)) append(clear(holder), [showError(err)]);
    }
  }

  function clusterCard(cluster) {
    const { el } = ui();
    const origins = cluster.independent_origins;
    return el(
      "article",
      { class: "panel cluster", "data-cluster": cluster.id },
      el("h3", {}, cluster.label),
      el(
        "p",
        { class: "counts" },
        el("span", {}, el("strong", {}, String(cluster.claims.length)), " claims"),
        el("span", {}, "reported by ", el("strong", {}, String(cluster.outlets)), cluster.outlets === 1 ? " outlet" : " outlets"),
        el("span", { class: "origins-count" }, el("strong", {}, String(origins)), origins === 1 ? " independent origin" : " independent origins"),
        cluster.measure ? el("span", {}, "measure: ", cluster.measure) : null,
      ),
      el("p", { class: "small" }, "Origins: ", cluster.origins.map((o, i) => [i ? "; " : "", el("strong", {}, o.name), o.anonymous ? " (anonymous)" : "", " via " + o.outlets.join(", ")])),
      el(
        "ul",
        { class: "small" },
        cluster.claims.map((ref) =>
          el("li", {}, (ref.outlet || ref.document) + ", " + (ref.published || "undated") + ": ", el("strong", {}, ref.source || "—"), " — ", claimLink(ref, ref.evidence.text)),
        ),
      ),
    );
  }

  function conflictRow(conflict) {
    const { el } = ui();
    return el(
      "div",
      { class: "conflict", "data-kind": conflict.kind },
      refBlock(conflict.a, "side-a"),
      refBlock(conflict.b, "side-b"),
      el("p", { class: "why" }, el("strong", {}, conflict.declined ? "declined: " : conflict.kind + " conflict: "), conflict.why),
      alsoList(conflict.a_also || [], "side-a-also", "saying the same as the first"),
      alsoList(conflict.b_also || [], "side-b-also", "saying the same as the second"),
    );
  }

  // The rest of one side's claims (every accusation, every denial), folded away: one line each.
  function alsoList(refs, cls, what) {
    const { el } = ui();
    if (!refs.length) return null;
    return el(
      "details",
      { class: "small " + cls },
      el("summary", {}, String(refs.length) + (refs.length === 1 ? " more report " : " more reports ") + what),
      el(
        "ul",
        {},
        refs.map((ref) =>
          el("li", {}, (ref.outlet || ref.document) + ", " + (ref.published || "undated") + ": ", el("strong", {}, ref.source || "—"), " — ", claimLink(ref, ref.evidence.text)),
        ),
      ),
    );
  }

  // Pairs the link run examined and declined (an update, a part and its whole …), fetched on request.
  function declinedSection(id) {
    const { el, clear, api, showError } = ui();
    const holder = el("div", { id: "declined" });
    const button = el("button", { type: "button", class: "button secondary", id: "show-declined" }, "Show pairs declined, with why");
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const page = await api("stories/" + id + "/conflicts", { limit: 500, declined: "true" });
        clear(holder).append(
          page.total
            ? el("div", { class: "declined-list" }, page.items.map(conflictRow))
            : el("p", { class: "muted" }, "No pair was declined in this story."),
        );
      } catch (err) {
        clear(holder).append(showError(err));
        button.disabled = false;
      }
    });
    return el("div", {}, el("p", { class: "actions" }, button), holder);
  }

  // ------------------------------------------------------------ timeline chart (SVG)

  function niceMax(value) {
    if (value <= 0) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * power >= value) return step * power;
    }
    return 10 * power;
  }

  function dayNumber(iso) {
    return Date.parse(iso + "T00:00:00Z") / 86400000;
  }

  function pointLabel(p) {
    return (p.date || "undated") + ": " + (p.display + (p.unit ? " " + p.unit : "") + " [" + p.scope + "]") + " — " + (p.source || "unknown source") + " (" + p.stance.replace("_", " ") + ")" + (p.outlet ? ", " + p.outlet : "");
  }

  function timelineChart(points, colours) {
    const { svg, hashFor, formatNumber } = ui();
    const dated = points.filter((p) => p.date);
    const W = 900;
    const H = 270;
    const M = { left: 80, right: 30, top: 34, bottom: 50 };
    const chart = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": "Number timeline", id: "timeline-chart" });
    if (dated.length === 0) return chart;
    const days = dated.map((p) => dayNumber(p.date));
    let x0 = Math.min(...days);
    let x1 = Math.max(...days);
    if (x0 === x1) {
      x0 -= 1;
      x1 += 1;
    }
    const pad = (x1 - x0) * 0.05;
    x0 -= pad;
    x1 += pad;
    const values = dated.flatMap((p) => [p.value, p.low, p.high]).filter((v) => v !== null);
    const yMax = niceMax(Math.max(...values) * 1.15);
    const x = (iso) => M.left + ((dayNumber(iso) - x0) / (x1 - x0)) * (W - M.left - M.right);
    const y = (v) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);

    for (let i = 0; i <= 5; i++) {
      const v = (yMax / 5) * i;
      chart.append(svg("line", { class: "grid", x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }));
      chart.append(svg("text", { class: "tick", x: M.left - 8, y: y(v) + 4, "text-anchor": "end" }, formatNumber(v)));
    }
    chart.append(svg("line", { class: "axis", x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }));
    chart.append(svg("line", { class: "axis", x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom }));
    const dates = Array.from(new Set(dated.map((p) => p.date))).sort();
    const every = Math.max(1, Math.ceil(dates.length / 6));
    dates.forEach((d, i) => {
      if (i % every) return;
      chart.append(svg("text", { class: "tick", x: x(d), y: H - M.bottom + 20, "text-anchor": "middle" }, d));
    });
    const unit = (dated.find((p) => p.unit) || {}).unit;
    if (unit) chart.append(svg("text", { class: "tick", x: M.left, y: 16, "text-anchor": "start" }, unit));

    for (const p of dated) {
      const colour = colours.get(p.source || "unknown source");
      const cx = x(p.date);
      const group = svg("g", { class: "marker", tabindex: "0", role: "link", "aria-label": pointLabel(p), "data-claim": p.claim });
      group.append(svg("title", {}, pointLabel(p)));
      if (p.low !== null && p.high !== null) {
        group.append(svg("line", { class: "range", x1: cx, x2: cx, y1: y(p.low), y2: y(p.high), stroke: colour }));
      } else if (p.low !== null || p.high !== null) {
        // One bound only: a short dashed stub shows which way the number is open.
        const at = y(p.low !== null ? p.low : p.high);
        const towards = p.low !== null ? at - 28 : at + 28;
        group.append(svg("line", { class: "range open", x1: cx, x2: cx, y1: at, y2: towards, stroke: colour }));
      }
      if (p.value !== null) {
        group.append(svg("circle", { class: "point", cx, cy: y(p.value), r: 7, fill: colour }));
      } else if (p.low !== null && p.high === null) {
        const cy = y(p.low); // at least: a triangle pointing up
        group.append(svg("path", { class: "point", d: `M ${cx - 8} ${cy + 6} L ${cx + 8} ${cy + 6} L ${cx} ${cy - 8} Z`, fill: colour }));
      } else if (p.high !== null && p.low === null) {
        const cy = y(p.high); // at most: a triangle pointing down
        group.append(svg("path", { class: "point", d: `M ${cx - 8} ${cy - 6} L ${cx + 8} ${cy - 6} L ${cx} ${cy + 8} Z`, fill: colour }));
      } else {
        group.append(svg("circle", { class: "point", cx, cy: y((p.low + p.high) / 2), r: 6, fill: colour }));
      }
      const open = () => (window.location.hash = hashFor(["documents", p.document], { claim: p.claim }));
      group.addEventListener("click", open);
      group.addEventListener("keydown", (event) => {
        if (event.key === "Enter") open();
      });
      chart.append(group);
    }
    return chart;
  }

  function timelineSection(data, measures, storyId, onMeasure) {
    const { el, dataTable, stanceBadge, hashFor, quantityText } = ui();
    const section = el("section", { class: "timeline", id: "timeline", "aria-label": "Number timeline" });
    if (!data.measure) {
      section.append(el("p", { class: "muted" }, "The articles of this story give no numbers for one measure."));
      return section;
    }
    const select = el(
      "select",
      { id: "measure-select" },
      measures.map((m) => el("option", { value: m.measure, selected: m.measure === data.measure }, `${m.measure} (${m.points})`)),
    );
    select.addEventListener("change", () => onMeasure(select.value));
    const colours = new Map();
    for (const p of data.points) {
      const key = p.source || "unknown source";
      if (!colours.has(key)) colours.set(key, PALETTE[colours.size % PALETTE.length]);
    }
    const legend = el(
      "p",
      { class: "legend" },
      Array.from(colours.entries()).map(([name, colour]) => {
        const swatch = ui().svg("svg", { width: 14, height: 14, "aria-hidden": "true" }, ui().svg("rect", { width: 14, height: 14, rx: 3, fill: colour }));
        return el("span", {}, swatch, " ", name);
      }),
      el("span", { class: "muted" }, "● a count · ▲ at least · ▼ at most · bar: a range"),
    );
    const undated = data.points.filter((p) => !p.date);
    section.append(
      el("div", { class: "filters" }, el("div", {}, el("label", { for: "measure-select" }, "Measure"), select)),
      timelineChart(data.points, colours),
      legend,
      dataTable(
        { class: "data small", id: "timeline-table" },
        el("caption", { class: "muted" }, "Every number in the chart" + (undated.length ? ` (and ${undated.length} undated)` : "")),
        ["Date", "Number", "Source", "Stance", "Outlet", "Evidence"],
        data.points,
        (p) => [
          el("td", {}, p.date || "undated"),
          el("td", {}, quantityText(Object.assign({ attribute: false, text: p.evidence.text }, p))),
          el("td", {}, p.source || "—"),
          el("td", {}, stanceBadge(p.stance)),
          el("td", {}, p.outlet || "—"),
          el("td", {}, el("a", { href: hashFor(["documents", p.document], { claim: p.claim }) }, p.evidence.text)),
        ],
      ),
    );
    void storyId;
    return section;
  }

  async function renderStory(storyId, params, serial) {
    const { el, append, clear, api, heading, showError, setTitle, markNav, hashFor, isCurrent } = ui();
    setTitle("Story");
    markNav("stories");
    const view = document.getElementById("view");
    append(clear(view), [heading("Story"), el("p", { class: "muted" }, "Loading…")]);
    const id = encodeURIComponent(storyId);
    let story;
    let clusters;
    let conflicts;
    let timeline;
    try {
      [story, clusters, conflicts, timeline] = await Promise.all([
        api("stories/" + id),
        api("stories/" + id + "/clusters", { limit: 500 }),
        api("stories/" + id + "/conflicts", { limit: 500 }),
        api("stories/" + id + "/timeline", { measure: params.get("measure") || "" }),
      ]);
    } catch (err) {
      if (isCurrent(serial)) append(clear(view), [heading("Story"), showError(err)]);
      return;
    }
    if (!isCurrent(serial)) return;
    setTitle(story.title);
    const dates = story.first === story.last ? story.first : (story.first || "?") + " – " + (story.last || "?");
    const timelineHolder = el("div", {});
    const showTimeline = (data) => {
      clear(timelineHolder).append(
        timelineSection(data, story.measures, storyId, async (measure) => {
          history.replaceState(null, "", hashFor(["stories", storyId], { measure }));
          try {
            showTimeline(await api("stories/" + id + "/timeline", { measure }));
          } catch (err) {
            clear(timelineHolder).append(showError(err));
          }
          const chooser = document.getElementById("measure-select");
          if (chooser) chooser.focus();
        }),
      );
    };
    showTimeline(timeline);
    append(clear(view), [
      heading(story.title),
      el("p", { class: "lede" }, [dates, story.documents.length + " articles", story.outlets.join(", ")].filter(Boolean).join(" · ")),
      el(
        "p",
        { class: "actions" },
        el("a", { class: "button secondary", href: hashFor(["claims"], { story: storyId }) }, "All claims of this story"),
        el("a", { class: "button secondary", href: "api/export?format=prov-json&story=" + encodeURIComponent(storyId) }, "Export as PROV"),
      ),
      el("h2", {}, "Articles"),
      el(
        "ul",
        {},
        story.documents.map((d) => el("li", {}, el("a", { href: hashFor(["documents", d.id]) }, d.title || d.id), " — " + [d.outlet, d.published].filter(Boolean).join(", "))),
      ),
      el("h2", { id: "conflicts-heading" }, `Conflicts (${conflicts.total})`),
      conflicts.total ? el("div", { id: "conflicts" }, conflicts.items.map(conflictRow)) : el("p", { class: "muted" }, "No two claims of this story contradict each other."),
      declinedSection(id),
      el("h2", {}, "Number timeline"),
      timelineHolder,
      el("h2", { id: "clusters-heading" }, `Claim clusters (${clusters.total})`),
      el("p", { class: "small muted" }, "Claims that several articles share. Outlets that copy one origin add reach, not corroboration: count the independent origins."),
      el("div", { id: "clusters" }, clusters.items.map(clusterCard)),
    ]);
  }

  window.reportedlyStories = {
    render(storyId, params, serial) {
      return storyId ? renderStory(storyId, params, serial) : renderList(params, serial);
    },
  };
})();
