// dateline web timeline: fetches /api/timeline, draws the entries on a
// zoomable, pannable SVG time axis coloured by ceasefire status, lists them,
// and shows one entry's details and sources. No libraries, no build step;
// every piece of data is inserted as text, never as markup.
"use strict";

(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const STATUSES = ["proposed", "agreed", "declared", "in_effect", "violated", "extended", "collapsed", "ended"];
  const MIN_HEIGHT = 200;
  const AXIS_SPACE = 34;
  const LANE = 17;
  const MAX_LANES = 14;
  const GAP = 14;
  const MIN_SPAN = 2 * DAY;

  const $ = (id) => document.getElementById(id);
  const form = $("query");
  const status = $("status");
  const chart = $("chart");
  const list = $("entries");
  const details = $("details");
  // A page written by `dateline run` carries its timeline with it and has
  // no server to ask: no query form, no links to the API.
  const embedded = $("dateline-data");

  // The current timeline and view: entries carry their parsed time range.
  let entries = [];
  let view = { start: 0, end: 1 };
  let full = { start: 0, end: 1 };
  let selected = -1;

  function el(name, attrs = {}, text) {
    const node = document.createElement(name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(name, attrs = {}) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  const label = (s) => s.replace(/_/g, " ");
  const colourClass = (entry) => "status-" + (entry.status || "event");

  // A TIMEX3 value (2016-02-27, 2016-02-27T01:00+03:00, 2016-W08, 2016-02,
  // 2016) as [start, end) in UTC milliseconds; null when it is not placeable
  // (e.g. XXXX-07-06, an unresolved date).
  function range(value) {
    let m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
    if (m) {
      // A clock time places the entry within its day; a part of day
      // (2016-04-22TAF) or a bad time leaves it at the day.
      const day = Date.UTC(+m[1], +m[2] - 1, +m[3]);
      const t = m[4] ? Date.parse(value) : NaN;
      return Number.isNaN(day) ? null : Number.isNaN(t) ? [day, day + DAY] : [t, t + DAY];
    }
    m = /^(\d{4})-W(\d{2})$/.exec(value);
    if (m) {
      // ISO week 1 holds January 4th; weeks start on Monday.
      const jan4 = Date.UTC(+m[1], 0, 4);
      const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
      const t = monday + (+m[2] - 1) * 7 * DAY;
      return [t, t + 7 * DAY];
    }
    m = /^(\d{4})-(\d{2})$/.exec(value);
    if (m) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1)];
    m = /^(\d{4})$/.exec(value);
    if (m) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1)];
    return null;
  }

  // ---- loading -------------------------------------------------------

  function params() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) p.set(k, String(v).trim());
    return p;
  }

  async function load() {
    if (embedded) {
      show(JSON.parse(embedded.textContent).entries || []);
      return;
    }
    const p = params();
    history.replaceState(null, "", p.toString() ? "?" + p : location.pathname);
    status.classList.remove("error");
    status.textContent = "Loading the timeline…";
    let body;
    try {
      const response = await fetch("/api/timeline?" + p, { headers: { Accept: "application/json" } });
      body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
    } catch (err) {
      status.classList.add("error");
      status.textContent = "Could not load the timeline: " + err.message;
      show([]);
      return;
    }
    show(body.entries || []);
  }

  function show(raw) {
    entries = raw.map((entry, i) => ({ ...entry, index: i, range: range(entry.date) }));
    const placed = entries.filter((e) => e.range);
    if (placed.length) {
      const start = Math.min(...placed.map((e) => e.range[0]));
      const end = Math.max(...placed.map((e) => e.range[1]));
      const pad = Math.max((end - start) * 0.05, DAY);
      full = { start: start - pad, end: end + pad };
    } else {
      const now = Date.now();
      full = { start: now - 30 * DAY, end: now };
    }
    view = { ...full };
    selected = -1;
    if (!status.classList.contains("error")) {
      const sources = new Set(entries.flatMap((e) => e.sources.map((s) => s.doc)));
      status.textContent = entries.length
        ? `${entries.length} entries from ${sources.size} documents.`
        : "No entries match this query.";
    }
    renderList();
    renderChart();
    renderDetails();
  }

  // ---- chart ---------------------------------------------------------

  function width() {
    return chart.getBoundingClientRect().width || 800;
  }

  function x(t) {
    return ((t - view.start) / (view.end - view.start)) * width();
  }

  // Tick marks at a calendar step that leaves about 100px between labels.
  function ticks() {
    const span = view.end - view.start;
    const wanted = span / Math.max(width() / 100, 1);
    const steps = [
      [DAY, "day", 1], [2 * DAY, "day", 2], [7 * DAY, "day", 7], [14 * DAY, "day", 14],
      [30 * DAY, "month", 1], [91 * DAY, "month", 3], [182 * DAY, "month", 6],
      [365 * DAY, "year", 1], [5 * 365 * DAY, "year", 5], [10 * 365 * DAY, "year", 10],
    ];
    const [, unit, n] = steps.find(([len]) => len >= wanted) || steps[steps.length - 1];
    const out = [];
    const d = new Date(view.start);
    let t;
    if (unit === "day") t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    else if (unit === "month") t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % n), 1);
    else t = Date.UTC(d.getUTCFullYear() - (d.getUTCFullYear() % n), 0, 1);
    while (t <= view.end && out.length < 200) {
      if (t >= view.start) out.push(t);
      const c = new Date(t);
      if (unit === "day") t += n * DAY;
      else if (unit === "month") t = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + n, 1);
      else t = Date.UTC(c.getUTCFullYear() + n, 0, 1);
    }
    const fmt = unit === "year" ? { year: "numeric" }
      : unit === "month" ? { year: "numeric", month: "short" }
      : { month: "short", day: "numeric" };
    return out.map((t) => [t, new Date(t).toLocaleDateString("en-GB", { ...fmt, timeZone: "UTC" })]);
  }

  // Puts each visible entry in the lowest lane where it does not overlap
  // the previous marker; what does not fit in MAX_LANES is gathered into
  // "+N" clusters.
  function layout() {
    const lanes = [];
    const placed = [];
    const clusters = new Map();
    // Ceasefire steps first among entries at one time, so they keep the
    // lanes nearest the axis and are never folded into a cluster first.
    const visible = entries
      .filter((e) => e.range)
      .sort((a, b) => a.range[0] - b.range[0] || Number(!a.status) - Number(!b.status));
    for (const entry of visible) {
      const px = x(entry.range[0]);
      if (px < -20 || px > width() + 20) continue;
      let lane = lanes.findIndex((last) => px - last > GAP);
      if (lane < 0 && lanes.length < MAX_LANES) lane = lanes.length;
      if (lane < 0) {
        const key = Math.round(px / (2 * GAP));
        const cluster = clusters.get(key) || { px, entries: [] };
        cluster.entries.push(entry);
        clusters.set(key, cluster);
        continue;
      }
      lanes[lane] = px;
      placed.push({ entry, px, lane });
    }
    return { placed, clusters: [...clusters.values()], lanes: lanes.length };
  }

  function renderChart() {
    const { placed, clusters, lanes } = layout();
    const height = Math.max(MIN_HEIGHT, AXIS_SPACE + 24 + (lanes + (clusters.length ? 1 : 0)) * LANE);
    const axisY = height - AXIS_SPACE;
    const laneY = (lane) => axisY - 16 - lane * LANE;
    chart.style.height = height + "px";
    chart.replaceChildren();
    chart.setAttribute("viewBox", `0 0 ${width()} ${height}`);
    const axis = svg("g", { class: "axis", "aria-hidden": "true" });
    for (const [t, text] of ticks()) {
      const px = x(t);
      axis.append(svg("line", { x1: px, x2: px, y1: 8, y2: axisY }));
      const label = svg("text", { x: px + 3, y: axisY + 16 });
      label.textContent = text;
      axis.append(label);
    }
    axis.append(svg("line", { class: "baseline", x1: 0, x2: width(), y1: axisY, y2: axisY }));
    chart.append(axis);

    for (const { entry, px, lane } of placed) {
      const cy = laneY(lane);
      const g = svg("g", {
        class: "marker" + (entry.index === selected ? " selected" : ""),
        tabindex: "0",
        role: "button",
        "aria-label": `${entry.date}: ${entry.summary}`,
        "data-index": entry.index,
      });
      const span = x(entry.range[1]) - px;
      if (span > 12) {
        g.append(svg("rect", { class: "period " + colourClass(entry), x: px, y: cy - 5, width: span, height: 10, rx: 5 }));
      }
      g.append(svg("circle", { class: colourClass(entry), cx: px, cy, r: 6 }));
      const title = svg("title");
      title.textContent = `${entry.date} — ${entry.summary}`;
      g.append(title);
      chart.append(g);
    }

    for (const cluster of clusters) {
      const cy = laneY(lanes);
      const at = cluster.entries[0].range[0];
      const g = svg("g", {
        class: "cluster",
        tabindex: "0",
        role: "button",
        "aria-label": `${cluster.entries.length} more entries from ${cluster.entries[0].date}: zoom in`,
        "data-at": at,
      });
      g.append(svg("rect", { x: cluster.px - 14, y: cy - 9, width: 28, height: 18, rx: 9 }));
      const text = svg("text", { x: cluster.px, y: cy + 4, "text-anchor": "middle" });
      text.textContent = "+" + cluster.entries.length;
      const title = svg("title");
      title.textContent = cluster.entries.map((e) => `${e.date} — ${e.summary}`).join("\n");
      g.append(text, title);
      chart.append(g);
    }
  }

  function zoom(factor, at) {
    const span = view.end - view.start;
    const next = Math.min(Math.max(span * factor, MIN_SPAN), (full.end - full.start) * 20);
    const pivot = at === undefined ? view.start + span / 2 : at;
    const share = (pivot - view.start) / span;
    view = { start: pivot - share * next, end: pivot + (1 - share) * next };
    renderChart();
  }

  chart.addEventListener("wheel", (event) => {
    event.preventDefault();
    const at = view.start + (event.offsetX / width()) * (view.end - view.start);
    zoom(event.deltaY > 0 ? 1.25 : 0.8, at);
  }, { passive: false });

  let drag = null;
  chart.addEventListener("pointerdown", (event) => {
    if (event.target.closest(".marker, .cluster")) return;
    drag = { x: event.clientX, view: { ...view }, moved: false };
    chart.setPointerCapture(event.pointerId);
    chart.classList.add("dragging");
  });
  chart.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dt = ((event.clientX - drag.x) / width()) * (drag.view.end - drag.view.start);
    view = { start: drag.view.start - dt, end: drag.view.end - dt };
    renderChart();
  });
  const endDrag = () => { drag = null; chart.classList.remove("dragging"); };
  chart.addEventListener("pointerup", endDrag);
  chart.addEventListener("pointercancel", endDrag);

  // A marker selects its entry; a cluster zooms in around its entries.
  function activate(target) {
    const marker = target.closest(".marker");
    if (marker) select(+marker.dataset.index);
    const cluster = target.closest(".cluster");
    if (cluster) zoom(0.2, +cluster.dataset.at);
    return Boolean(marker || cluster);
  }
  chart.addEventListener("click", (event) => activate(event.target));
  chart.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && activate(event.target)) event.preventDefault();
  });

  $("zoom-in").addEventListener("click", () => zoom(0.5));
  $("zoom-out").addEventListener("click", () => zoom(2));
  $("zoom-fit").addEventListener("click", () => { view = { ...full }; renderChart(); });
  window.addEventListener("resize", renderChart);

  // ---- list and details ----------------------------------------------

  function renderList() {
    list.replaceChildren();
    for (const entry of entries) {
      const button = el("button", { type: "button", "aria-pressed": String(entry.index === selected), "data-index": entry.index });
      button.append(el("span", { class: "swatch " + colourClass(entry), "aria-hidden": "true" }));
      button.append(el("span", { class: "date" }, entry.date + (entry.range ? "" : " (unplaced)")));
      button.append(el("span", { class: "summary" }, entry.summary));
      button.addEventListener("click", () => select(entry.index));
      const item = el("li");
      item.append(button);
      list.append(item);
    }
  }

  function select(index) {
    selected = index;
    for (const button of list.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String(+button.dataset.index === index));
    }
    for (const marker of chart.querySelectorAll(".marker")) {
      marker.classList.toggle("selected", +marker.dataset.index === index);
    }
    renderDetails();
  }

  function renderDetails() {
    const title = el("h2", { id: "details-title" }, "Details");
    const entry = entries[selected];
    if (!entry) {
      details.replaceChildren(title, el("p", { class: "hint" }, "Select an entry to see what happened and who reported it."));
      return;
    }
    const summary = el("p", { class: "summary" }, entry.summary);
    const facts = el("dl");
    const fact = (name, value) => { facts.append(el("dt", {}, name)); const dd = el("dd"); dd.append(value); facts.append(dd); };
    fact("Date", `${entry.date} (${entry.precision})`);
    const kind = el("span", {}, entry.kind);
    if (entry.status) kind.append(el("span", { class: "badge status " + colourClass(entry) }, label(entry.status)));
    fact("Kind", kind);
    if (entry.events.length) fact("Events", entry.events.join(", "));

    const sources = el("ul", { class: "sources" });
    for (const source of entry.sources) {
      const item = el("li");
      const api = embedded ? null : { href: "/api/documents/" + encodeURIComponent(source.doc) };
      const target = source.url ? { href: source.url, rel: "noopener noreferrer", target: "_blank" } : api;
      item.append(target ? el("a", target, source.title || source.url || source.doc)
                         : el("span", {}, source.title || source.doc));
      if (source.site) item.append(" ", el("span", { class: "site" }, "— " + source.site));
      if (source.duplicate_of) item.append(el("span", { class: "badge", title: "Copy of document " + source.duplicate_of }, "duplicate"));
      if (api) item.append(" ", el("a", { ...api, class: "badge" }, "JSON"));
      sources.append(item);
    }
    const parts = [title, summary, facts, el("h3", {}, `Sources (${entry.sources.length})`), sources];
    if (entry.disagreements.length) {
      const list = el("ul", { class: "disagreements" });
      for (const d of entry.disagreements) list.append(el("li", {}, d));
      parts.push(el("h3", {}, "Where the sources disagree"), list);
    }
    details.replaceChildren(...parts);
  }

  function renderLegend() {
    const legend = $("legend");
    for (const name of [...STATUSES, "event"]) {
      const item = el("li");
      item.append(el("span", { class: "swatch status-" + name, "aria-hidden": "true" }), name === "event" ? "other event" : label(name));
      legend.append(item);
    }
  }

  // ---- start -----------------------------------------------------------

  if (embedded) {
    form.hidden = true;
  } else {
    for (const [k, v] of new URLSearchParams(location.search)) {
      if (form.elements[k]) form.elements[k].value = v;
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); load(); });
  }
  renderLegend();
  load();
})();
