// The dashboard: one set of filters (kept in the URL, so a view can be shared) drives the network,
// the timeline and the event table. Clicking an actor in the network sets the actor filter.
"use strict";

(function () {
  const form = document.getElementById("filters");
  const FIELDS = ["start", "end", "actor", "country", "type", "quad", "q"];
  const state = {sort: "-date", interval: "month", cursor: null, controller: null, cy: null, chart: null};

  function readURL() {
    const params = new URLSearchParams(location.search);
    for (const f of FIELDS) if (form.elements[f]) form.elements[f].value = params.get(f) || "";
    state.sort = params.get("sort") || "-date";
    state.interval = params.get("interval") || "month";
    document.getElementById("interval").value = state.interval;
  }

  function filters() {
    const params = new URLSearchParams();
    for (const f of FIELDS) {
      const v = (form.elements[f].value || "").trim();
      if (v) params.set(f, v);
    }
    return params;
  }

  function exportLink() {
    // export takes the store's filters only (no text search)
    const params = filters();
    params.delete("q");
    params.set("format", document.getElementById("export-format").value);
    document.getElementById("export-link").setAttribute("href", `/api/export?${params}`);
  }

  function writeURL() {
    exportLink();
    const params = filters();
    if (state.sort !== "-date") params.set("sort", state.sort);
    if (state.interval !== "month") params.set("interval", state.interval);
    const qs = params.toString();
    history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
  }

  function showActive() {
    const actor = form.elements.actor.value.trim();
    document.getElementById("active").hidden = !actor;
    document.getElementById("active-actor").textContent = actor;
  }

  function loadAll() {
    if (state.controller) state.controller.abort();
    state.controller = new AbortController();
    const signal = state.controller.signal;
    writeURL();
    showActive();
    loadNetwork(signal);
    loadTimeline(signal);
    loadEvents(signal, false);
    loadActorNames(signal);
  }

  // ---- network ---------------------------------------------------------------------------------
  const LABEL_PX = 12;  // node label text height on screen, in CSS pixels
  const LABEL_WIDTH_PX = 120;
  const LABELLED = 30;  // the biggest actors, named at any zoom
  const LABEL_NODE_PX = 30;  // other actors are named once their node is this wide on screen
  async function loadNetwork(signal) {
    const status = document.getElementById("network-status");
    const box = document.getElementById("network");
    P.setStatus(status, "loading", "Loading network…");
    box.dataset.state = "loading";
    try {
      const params = filters();
      // With an actor chosen the network becomes its neighbourhood, the actor marked.
      const focus = params.get("actor");
      const data = await P.getJSON(`/api/network?${params}`, signal);
      drawNetwork(data, focus);
      box.dataset.state = "ready";
      box.dataset.nodes = String(data.nodes.length);
      P.setStatus(status, data.nodes.length ? "ready" : "empty", data.nodes.length ? "" : "No actors for these filters.");
    } catch (err) {
      if (err.name === "AbortError") return;
      box.dataset.state = "error";
      P.setStatus(status, "error", `Could not load the network (${err.message}).`);
    }
  }

  function drawNetwork(data, focus) {
    const maxCount = Math.max(1, ...data.nodes.map((n) => n.count));
    const elements = [];
    for (const [rank, n] of data.nodes.entries()) {  // the API lists nodes biggest first
      elements.push({group: "nodes", data: {
        id: n.id, label: n.name, count: n.count, rank, country: n.country || "", sector: n.sector || "",
        size: 18 + 42 * Math.sqrt(n.count / maxCount), focus: focus && n.name === focus ? 1 : 0}});
    }
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
    data.edges.forEach((e, i) => {
      elements.push({group: "edges", data: {
        id: `e${i}`, source: e.source, target: e.target, quad: e.quad, event: e.event, count: e.count,
        goldstein: e.mean_goldstein, width: 1.5 + 6 * (e.count / maxEdge), color: P.QUAD_COLORS[e.quad] || "#888",
        label: `${e.event} ×${e.count}`}});
    });
    if (state.cy) state.cy.destroy();
    let cy = null;
    const zoomOf = () => (cy ? cy.zoom() : 1);
    // A zoomed-out network names its biggest actors only (a label per node would be a blot); the others
    // are named once their node is large enough on screen, or while the pointer is on them.
    const showLabel = (n) => n.data("rank") < LABELLED || n.data("size") * zoomOf() >= LABEL_NODE_PX || n.hasClass("hover");
    cy = cytoscape({
      container: document.getElementById("network"),
      elements,
      minZoom: 0.1,
      maxZoom: 1.6,  // a handful of actors should not fill the screen
      style: [
        {selector: "node", style: {
          "label": (n) => (showLabel(n) ? n.data("label") : ""), "width": "data(size)", "height": "data(size)", "background-color": "#4a6d8c",
          "color": "#1d2a36", "text-valign": "bottom", "text-wrap": "wrap", "text-background-color": "#fff",
          "text-background-opacity": 0.7,
          // Labels keep one size on screen whatever the zoom: a large network is fitted at a small zoom,
          // where model-sized text shrank to about 6 px and nobody could tell who was who.
          "font-size": () => LABEL_PX / zoomOf(), "text-max-width": () => LABEL_WIDTH_PX / zoomOf(),
          "text-margin-y": () => 3 / zoomOf(), "text-background-padding": () => 1 / zoomOf()}},
        {selector: "node[focus = 1]", style: {"background-color": "#d35400", "border-width": 3, "border-color": "#333"}},
        {selector: "edge", style: {
          "width": "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", "opacity": 0.75}},
        {selector: "edge:selected, edge.hover", style: {"label": "data(label)", "font-size": 10, "opacity": 1,
          "text-background-color": "#fff", "text-background-opacity": 0.85}},
      ],
      layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000,
               idealEdgeLength: () => 90, padding: 20},
    });
    let pending = false;
    cy.on("zoom", () => {  // labels follow the zoom, once per frame
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; cy.style().update(); });
    });
    cy.style().update();  // the layout has fitted the graph: size the labels for that zoom
    cy.on("tap", "node", (evt) => {
      const name = evt.target.data("label");
      form.elements.actor.value = form.elements.actor.value === name ? "" : name;
      loadAll();
    });
    cy.on("mouseover", "node", (evt) => evt.target.addClass("hover"));
    cy.on("mouseout", "node", (evt) => evt.target.removeClass("hover"));
    cy.on("mouseover", "edge", (evt) => evt.target.addClass("hover"));
    cy.on("mouseout", "edge", (evt) => evt.target.removeClass("hover"));
    state.cy = cy;
    window.peristiwaNetwork = cy;  // for the browser tests and for exploring from the console
  }

  // ---- timeline --------------------------------------------------------------------------------
  async function loadTimeline(signal) {
    const status = document.getElementById("timeline-status");
    P.setStatus(status, "loading", "Loading timeline…");
    try {
      const params = filters();
      params.set("interval", state.interval);
      const data = await P.getJSON(`/api/timeline?${params}`, signal);
      drawTimeline(data);
      showUndated(data.undated || 0);
      P.setStatus(status, data.periods.length ? "ready" : "empty", data.periods.length ? "" : "No dated events for these filters.");
    } catch (err) {
      if (err.name === "AbortError") return;
      P.setStatus(status, "error", `Could not load the timeline (${err.message}).`);
    }
  }

  // Events without a date have no place on the time axis: say how many the chart leaves out.
  function showUndated(n) {
    const note = document.getElementById("timeline-undated");
    note.hidden = n === 0;
    note.dataset.count = String(n);
    note.textContent = n === 1 ? "1 event has no date and is not shown."
      : `${n.toLocaleString("en")} events have no date and are not shown.`;
  }

  function drawTimeline(data) {
    const datasets = [1, 2, 3, 4].map((q) => ({
      label: P.QUAD_LABELS[q], backgroundColor: P.QUAD_COLORS[q], maxBarThickness: 48,
      data: data.periods.map((p) => p.counts[String(q)] || 0)}));
    if (state.chart) state.chart.destroy();
    state.chart = new Chart(document.getElementById("timeline"), {
      type: "bar",
      data: {labels: data.periods.map((p) => p.period), datasets},
      options: {responsive: true, maintainAspectRatio: false, animation: false,
                scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}},
                plugins: {legend: {position: "bottom", labels: {boxWidth: 12}}}},
    });
  }

  // ---- event table -----------------------------------------------------------------------------
  async function loadEvents(signal, append) {
    const status = document.getElementById("events-status");
    const tbody = document.querySelector("#events tbody");
    const more = document.getElementById("more");
    P.setStatus(status, "loading", "Loading events…");
    more.hidden = true;
    if (!append) { tbody.replaceChildren(); state.cursor = null; }
    try {
      const params = filters();
      params.set("sort", state.sort);
      params.set("limit", "50");
      if (append && state.cursor) params.set("cursor", state.cursor);
      const data = await P.getJSON(`/api/events?${params}`, signal);
      for (const ev of data.events) tbody.appendChild(eventRow(ev));
      state.cursor = data.next_cursor;
      more.hidden = !data.next_cursor;
      document.getElementById("events-count").textContent =
        `${tbody.children.length}${data.next_cursor ? "+" : ""} shown`;
      const empty = tbody.children.length === 0;
      P.setStatus(status, empty ? "empty" : "ready", empty ? "No events for these filters." : "");
    } catch (err) {
      if (err.name === "AbortError") return;
      P.setStatus(status, "error", `Could not load events (${err.message}).`);
    }
  }

  function eventRow(ev) {
    const href = P.eventHref(ev);
    const type = P.el("span", {class: `badge q${ev.quad}`, title: `CAMEO ${ev.cameo} · ${P.QUAD_LABELS[ev.quad] || ""}`}, ev.event);
    const modality = ev.modality && ev.modality !== "asserted" ? P.el("small", {class: "modality"}, ` (${ev.modality})`) : null;
    return P.el("tr", {dataset: {eventId: ev.id}},
      P.el("td", {class: "date nowrap"}, ev.date || "—"),
      P.el("td", {class: "actor"}, P.actorNames(ev.actor)),
      P.el("td", {class: "type"}, type, modality),
      P.el("td", {class: "recipient"}, P.actorNames(ev.recipient)),
      P.el("td", {class: "num"}, ev.goldstein === null ? "" : Number(ev.goldstein).toFixed(1)),
      P.el("td", {class: "sentence"}, ev.text || ""),
      P.el("td", {class: "link nowrap"}, P.el("a", {href, class: "event-link", title: ev.title || ""}, "sentence →")),
    );
  }

  async function loadActorNames(signal) {
    try {
      const data = await P.getJSON(`/api/actors?limit=200`, signal);
      const list = document.getElementById("actor-names");
      list.replaceChildren(...data.actors.map((a) => P.el("option", {value: a.name})));
    } catch (err) { /* the datalist is a convenience only */ }
  }

  // ---- wiring ----------------------------------------------------------------------------------
  form.addEventListener("submit", (e) => { e.preventDefault(); loadAll(); });
  document.getElementById("reset").addEventListener("click", () => { form.reset(); loadAll(); });
  document.getElementById("clear-actor").addEventListener("click", () => { form.elements.actor.value = ""; loadAll(); });
  for (const name of ["type", "quad"]) form.elements[name].addEventListener("change", loadAll);
  document.getElementById("interval").addEventListener("change", (e) => {
    state.interval = e.target.value;
    writeURL();
    if (state.controller) loadTimeline(state.controller.signal);
  });
  document.getElementById("export-format").addEventListener("change", exportLink);
  document.getElementById("more").addEventListener("click", () => loadEvents(state.controller.signal, true));
  for (const btn of document.querySelectorAll("button.sort")) {
    btn.addEventListener("click", () => {
      const key = btn.dataset.sort;
      state.sort = state.sort === `-${key}` ? key : `-${key}`;
      loadEvents(state.controller.signal, false);
      writeURL();
    });
  }
  readURL();
  loadAll();
})();
