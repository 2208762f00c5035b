// The search page: a form mirroring `wirewatch search` / `wirewatch events`, facets,
// results with their events, a map, a timeline, an event detail view and live mode.
"use strict";

const $ = sel => document.querySelector(sel);
const form = $("#search");
const MAP_EVENTS = 500;
let page = 1;
let live = null;

function esc(text) {
  const div = document.createElement("div");
  div.textContent = text == null ? "" : String(text);
  return div.innerHTML;
}

// only web links become anchors (an article's url comes from its source)
const safeUrl = url => /^https?:\/\//i.test(url || "") ? url : null;

function params(extra) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) p.append(k, String(v).trim());
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p;
}

async function api(path, p) {
  const response = await fetch(path + (p ? "?" + p : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function status(text, error) {
  const s = $("#status");
  s.textContent = text;
  s.className = error ? "error" : "";
}

async function loadCodes() {
  const codes = await api("/api/codes");
  for (const [kind, values] of Object.entries(codes)) {
    const select = $("#" + kind);
    for (const v of values) select.add(new Option(v, v));
  }
}

function parties(e) {
  const a = e.actor_names.join(", ") || "?";
  return e.target_names.length ? a + " → " + e.target_names.join(", ") : a;
}

function eventItem(e) {
  const li = document.createElement("li");
  li.className = "event";
  li.dataset.eventId = e.id;
  li.innerHTML = `<span class="code">${esc(e.subtype || e.category)}</span> ${esc(e.date || "")} ` +
    `${esc(parties(e))} · ${e.sentence_html}`;
  li.addEventListener("click", () => showEvent(e.id));
  return li;
}

function renderArticles(data) {
  const box = $("#results");
  box.replaceChildren();
  for (const a of data.hits) {
    const div = document.createElement("article");
    div.className = "article";
    div.dataset.articleId = a.id;
    const copies = a.copies > 1 ? `<span class="copies">${a.copies} copies</span>` : "";
    const link = safeUrl(a.url) ? `<a href="${esc(a.url)}" rel="noopener" target="_blank">${a.title_html || esc(a.title)}</a>` : (a.title_html || esc(a.title));
    div.innerHTML = `<h2>${link}${copies}</h2>` +
      `<div class="meta">${esc((a.published_at || "").slice(0, 10))} · ${esc(a.source || "")} · ${esc(a.place_names.slice(0, 5).join(", "))}</div>` +
      (a.snippet_html ? `<p class="snippet">${a.snippet_html}</p>` : "");
    const list = document.createElement("ul");
    list.className = "events";
    for (const e of a.events.slice(0, 8)) list.appendChild(eventItem(e));
    div.appendChild(list);
    box.appendChild(div);
  }
  const pages = Math.max(1, Math.ceil((data.stories ?? data.total) / data.size));
  const pager = document.createElement("div");
  pager.className = "pager";
  pager.innerHTML = `<button ${page <= 1 ? "disabled" : ""} data-go="-1">‹ previous</button> page ${page} of ${pages} <button ${page >= pages ? "disabled" : ""} data-go="1">next ›</button>`;
  pager.querySelectorAll("button").forEach(b => b.addEventListener("click", () => { page += Number(b.dataset.go); search(); }));
  box.appendChild(pager);
}

function renderFacets(facets) {
  const box = $("#facets");
  box.replaceChildren();
  const filterFor = { places: "place", persons: "person", subtypes: "subtype", categories: "category" };
  for (const [name, buckets] of Object.entries(facets.fields)) {
    if (!buckets.length) continue;
    const h = document.createElement("h3");
    h.textContent = name;
    const ul = document.createElement("ul");
    ul.dataset.facet = name;
    for (const b of buckets) {
      const li = document.createElement("li");
      li.innerHTML = `<span>${esc(b.key)}</span><span>${b.count}</span>`;
      if (filterFor[name]) li.addEventListener("click", () => { form.elements[filterFor[name]].value = b.key; page = 1; search(); });
      ul.appendChild(li);
    }
    box.append(h, ul);
  }
}

function renderTimeline(days) {
  const svg = $("#timeline");
  svg.replaceChildren();
  if (!days.length) return;
  const first = new Date(days[0].key + "T00:00:00Z"), last = new Date(days[days.length - 1].key + "T00:00:00Z");
  const span = Math.round((last - first) / 86400000) + 1;
  const max = Math.max(...days.map(d => d.count));
  const w = 460 / span;
  for (const d of days) {
    const i = Math.round((new Date(d.key + "T00:00:00Z") - first) / 86400000);
    const h = 90 * d.count / max;
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("x", (10 + i * w).toFixed(1)); rect.setAttribute("y", (100 - h).toFixed(1));
    rect.setAttribute("width", Math.max(1, w - 1).toFixed(1)); rect.setAttribute("height", h.toFixed(1));
    rect.dataset.day = d.key;
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${d.key}: ${d.count}`;
    rect.appendChild(title);
    svg.appendChild(rect);
  }
  for (const [x, text] of [[10, days[0].key], [390, days[days.length - 1].key]]) {
    const t = document.createElementNS("http://www.w3.org/2000/svg", "text");
    t.setAttribute("x", x); t.setAttribute("y", 114); t.textContent = text;
    svg.appendChild(t);
  }
}

function showEvents(events) {
  if (events.length === 1) return showEvent(events[0].id);
  const body = $("#detail-body");
  body.innerHTML = `<h2 id="detail-title">${events.length} events here</h2>`;
  const ul = document.createElement("ul");
  ul.className = "events";
  for (const e of events) ul.appendChild(eventItem(e));
  body.appendChild(ul);
  $("#detail").hidden = false;
}

async function showEvent(id) {
  try {
    const { event: e, article } = await api("/api/events/" + encodeURIComponent(id));
    const title = article ? (safeUrl(article.url) ? `<a href="${esc(article.url)}" target="_blank" rel="noopener">${esc(article.title)}</a>` : esc(article.title)) : "";
    $("#detail-body").innerHTML = `<h2 id="detail-title">${esc(e.subtype || e.category)} <small>${esc(e.category)}</small></h2>
      <blockquote>${e.sentence_html}</blockquote>
      <dl>
        <dt>day</dt><dd>${esc(e.date || "not fixed by the text")} (published ${esc((e.published_at || "").slice(0, 10))})</dd>
        <dt>actor</dt><dd>${esc(e.actor_names.join(", ") || "?")}</dd>
        <dt>target</dt><dd>${esc(e.target_names.join(", ") || "—")}</dd>
        <dt>mode</dt><dd>${esc(e.mode || "—")}</dd>
        <dt>trigger</dt><dd>${esc(e.trigger || "—")}</dd>
        <dt>place</dt><dd>${esc(e.place_names.join(", ") || "—")}${e.lat != null ? ` (${e.lat.toFixed(2)}, ${e.lon.toFixed(2)})` : ""}</dd>
        <dt>confidence</dt><dd>${e.confidence != null ? e.confidence.toFixed(2) : "—"}</dd>
        <dt>article</dt><dd>${title}<br><span class="code">${esc(e.article_id)}</span></dd>
        <dt>event id</dt><dd><span class="code">${esc(e.id)}</span></dd>
      </dl>`;
    $("#detail").hidden = false;
  } catch (err) {
    status(err.message, true);
  }
}

let latest = 0;  // only the newest search may draw: an older answer arriving late is dropped

async function search() {
  const mine = ++latest;
  status("searching…");
  try {
    const [articles, events] = await Promise.all([
      api("/api/articles", params({ page, facets: "1" })),
      api("/api/events", params({ page: 1, size: MAP_EVENTS, facets: "1", sort: "date" })),
    ]);
    if (mine !== latest) return;
    renderArticles(articles);
    renderFacets(articles.facets);
    renderTimeline(events.facets.days);
    const located = events.hits.filter(e => e.lat != null);
    WireMap.drawPoints($("#map"), located, showEvents);
    WireMap.fit($("#map"), located);
    $("#map-caption").textContent = `${located.length} located events of ${events.total}` +
      (events.total > MAP_EVENTS ? ` (the first ${MAP_EVENTS} drawn)` : "");
    const stories = articles.stories != null ? `${articles.stories} stories, ` : "";
    let text = `${stories}${articles.total} articles, ${events.total} events`;
    if (articles.unmatched.length) text += ` — nothing matches ${articles.unmatched.map(t => `“${t}”`).join(", ")} on its own`;
    status(text);
  } catch (err) {
    if (mine === latest) status(err.message, true);
  }
}

function toggleLive(on) {
  if (live) { live.close(); live = null; }
  $("#live-list").hidden = !on;
  if (!on) return;
  const p = params();
  p.delete("match"); p.delete("sort"); p.delete("all");
  live = new EventSource("/api/live?" + p);
  const arrived = [];
  live.addEventListener("event", msg => {
    const e = JSON.parse(msg.data);
    arrived.push(e);
    $("#live-events").prepend(eventItem(e));
    WireMap.drawPoints($("#map"), arrived.filter(x => x.lat != null), showEvents, "live");
  });
  live.addEventListener("problem", msg => status("live mode: " + JSON.parse(msg.data).error, true));
  live.addEventListener("open", () => status("live mode: connecting to the events topic…"));
  live.addEventListener("ready", msg => status("live mode: following " + JSON.parse(msg.data).topic));
}

form.addEventListener("submit", ev => { ev.preventDefault(); page = 1; search(); if (live) toggleLive(true); });
$("#live").addEventListener("change", ev => toggleLive(ev.target.checked));
$("#detail-close").addEventListener("click", () => { $("#detail").hidden = true; });
$("#detail").addEventListener("click", ev => { if (ev.target.id === "detail") $("#detail").hidden = true; });
document.addEventListener("keydown", ev => { if (ev.key === "Escape") $("#detail").hidden = true; });

(async () => {
  const initial = new URLSearchParams(location.search);
  for (const [k, v] of initial) if (form.elements[k]) form.elements[k].value = v;
  await Promise.all([loadCodes(), WireMap.drawCountries($("#map"))]);
  for (const [k, v] of initial) if (form.elements[k]) form.elements[k].value = v;
  search();
})();
