"""The site's one style sheet and one script, written beside the pages (no CDN, no
server: the pages work opened from disk). Label colours are the Okabe–Ito palette,
which stays distinguishable with the common colour-vision deficiencies."""

from __future__ import annotations

LABEL_COLOURS = {
    "commitment": "#0072B2",
    "recital": "#E69F00",
    "disclaimer": "#CC79A7",
    "other": "#999999",
}
ENTITY_COLOURS = {"PARTY": "#009E73", "OFFICIAL": "#D55E00", "STATE": "#56B4E9", "ORG": "#000000"}

_SHADES = "\n".join(
    f".cl-{label} {{ background: {colour}33; }}\n.sw-{label} {{ background: {colour}66; border-color: {colour}; }}"
    for label, colour in LABEL_COLOURS.items()
)
_ENTITIES = "\n".join(
    f".ent-{label} {{ border-bottom: 2px {style} {colour}; }}\n.esw-{label} {{ border-bottom: 2px {style} {colour}; }}"
    for (label, colour), style in zip(ENTITY_COLOURS.items(), ("solid", "dashed", "dotted", "double"))
)

CSS = (
    """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #222; }
header.doc { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
.legend span, .legend mark { display: inline-block; margin-right: 1rem; padding: 0 .4rem; }
.legend .sw { border: 1px solid; border-radius: 3px; }
.text { white-space: pre-wrap; font-family: Georgia, serif; background: #fff; padding: .5rem 0; }
.cl { border-radius: 2px; }
.cl.dim { background: none; color: #aaa; }
.cl:target { outline: 2px solid #000; }
mark.ent { background: none; color: inherit; }
.dim mark.ent { border-bottom-color: #ccc; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th[data-key] { cursor: pointer; background: #f4f4f4; }
th[data-key]::after { content: " \\2195"; color: #999; }
tr[hidden] { display: none; }
.filters { position: sticky; top: 0; background: #fafafa; border: 1px solid #ddd; padding: .5rem; }
.note { background: #fff3cd; border: 1px solid #e0c36a; padding: .5rem; }
.officials li { list-style: none; }
"""
    + _SHADES
    + "\n"
    + _ENTITIES
    + "\n"
)

# Filters and sorting read their state from the URL (?label=…&actor=…&min=… or the same
# after #), so a link, a bookmark or a headless browser gets the same filtered page.
JS = """
"use strict";
function params() {
  const p = new URLSearchParams(location.search);
  new URLSearchParams(location.hash.replace(/^#/, "")).forEach((v, k) => p.set(k, v));
  return p;
}
function applyFilter() {
  const label = document.getElementById("f-label").value;
  const actor = document.getElementById("f-actor").value;
  const min = parseFloat(document.getElementById("f-min").value || "0");
  let shown = 0;
  document.querySelectorAll(".cl").forEach(el => {
    const ok = (!label || el.dataset.label === label)
      && (!actor || (el.dataset.actors || "").split(" ").includes(actor))
      && parseFloat(el.dataset.score || "0") >= min;
    el.classList.toggle("dim", !ok);
    if (ok) shown++;
    const row = document.getElementById("r" + el.id.slice(1));
    if (row) row.hidden = !ok;
  });
  document.getElementById("shown").textContent = String(shown);
}
function initFilters() {
  const p = params();
  for (const [key, id] of [["label", "f-label"], ["actor", "f-actor"], ["min", "f-min"]]) {
    const el = document.getElementById(id);
    if (p.has(key)) el.value = p.get(key);
    el.addEventListener("input", () => {
      const q = new URLSearchParams();
      for (const [k, i] of [["label", "f-label"], ["actor", "f-actor"], ["min", "f-min"]]) {
        const v = document.getElementById(i).value;
        if (v && v !== "0") q.set(k, v);
      }
      history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
      applyFilter();
    });
  }
  applyFilter();
}
function sortTable(table, key, desc) {
  const head = table.querySelector(`th[data-key="${key}"]`);
  if (!head) return;
  const col = Array.from(head.parentNode.children).indexOf(head);
  const numeric = head.dataset.type === "num";
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  rows.sort((a, b) => {
    const x = a.cells[col].dataset.v ?? a.cells[col].textContent;
    const y = b.cells[col].dataset.v ?? b.cells[col].textContent;
    const c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
    return desc ? -c : c;
  });
  rows.forEach(r => body.appendChild(r));
  table.dataset.sorted = key + (desc ? ":desc" : ":asc");
}
function initSorting() {
  document.querySelectorAll("table.sortable").forEach(table => {
    table.querySelectorAll("th[data-key]").forEach(th => th.addEventListener("click", () => {
      const desc = table.dataset.sorted === th.dataset.key + ":asc";
      sortTable(table, th.dataset.key, desc);
    }));
  });
  const p = params();
  if (p.has("sort")) {
    const table = document.getElementById(p.get("table") || "parties");
    if (table) sortTable(table, p.get("sort"), p.get("dir") === "desc");
  }
}
document.addEventListener("DOMContentLoaded", () => {
  if (document.getElementById("f-label")) initFilters();
  initSorting();
});
"""
