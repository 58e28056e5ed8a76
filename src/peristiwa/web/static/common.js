// Helpers shared by the pages. Text from the database is untrusted: it only ever reaches the page
// through textContent / createTextNode (never innerHTML), so markup in an article stays text.
"use strict";

const P = {
  QUAD_COLORS: {1: "#2e8b57", 2: "#1f6fb2", 3: "#e08a1e", 4: "#c0392b"},
  QUAD_LABELS: {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"},

  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k === "href") node.setAttribute("href", P.safeHref(v));
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  },

  // Only same-origin relative links are built from data; anything else becomes "#".
  safeHref(v) {
    const s = String(v);
    return s.startsWith("/") && !s.startsWith("//") ? s : "#";
  },

  async getJSON(url, signal) {
    const resp = await fetch(url, {signal, headers: {"Accept": "application/json"}});
    if (!resp.ok) {
      let detail = resp.statusText;
      try { detail = (await resp.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(`${resp.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
    }
    return resp.json();
  },

  // A panel's status line: "Loading…" while a request is out, an error, or hidden when done.
  setStatus(node, state, text) {
    node.dataset.state = state;
    node.textContent = text || "";
    node.hidden = state === "ready";
    const panel = node.closest(".panel");
    if (panel) panel.setAttribute("aria-busy", state === "loading" ? "true" : "false");
  },

  actorNames(list) {
    return (list || []).map((a) => a.name || a.text).filter(Boolean).join(", ") || "—";
  },

  eventHref(ev) {
    return `/articles/${encodeURIComponent(ev.article_id)}#event-${encodeURIComponent(ev.id)}`;
  },
};
