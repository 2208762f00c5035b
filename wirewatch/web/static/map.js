// An offline world map: TopoJSON country outlines (Natural Earth 1:110m) drawn in
// an equirectangular projection on an SVG, and event points clustered on a grid.
"use strict";

const WireMap = (() => {
  const W = 960, H = 480, NS = "http://www.w3.org/2000/svg";
  const project = (lon, lat) => [(lon + 180) * W / 360, (90 - lat) * H / 180];

  // TopoJSON arcs are quantized and delta-encoded: undo both.
  function decodeArcs(topology) {
    const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
    return topology.arcs.map(arc => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    });
  }

  function ringPath(ring, arcs) {
    const points = [];
    for (const index of ring) {
      const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    let d = "", prevX = null;
    for (const [lon, lat] of points) {
      const [x, y] = project(lon, lat);
      // a jump across the antimeridian starts a new subpath instead of a line across the map
      d += (prevX === null || Math.abs(x - prevX) > W / 2 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
      prevX = x;
    }
    return d + "Z";
  }

  function countryPaths(topology) {
    const arcs = decodeArcs(topology);
    return topology.objects.countries.geometries.map(g => {
      const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      return { name: (g.properties || {}).name || "", d: polygons.map(p => p.map(r => ringPath(r, arcs)).join("")).join("") };
    });
  }

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  async function drawCountries(svg) {
    const topology = await (await fetch("/static/countries-110m.json")).json();
    const group = el("g", { class: "countries" });
    for (const c of countryPaths(topology)) {
      const path = el("path", { class: "country", d: c.d });
      const title = el("title"); title.textContent = c.name; path.appendChild(title);
      group.appendChild(path);
    }
    svg.insertBefore(group, svg.firstChild);
    return group.childNodes.length;
  }

  // Events with a location, grouped in 3-degree cells: one circle per cell.
  function clusters(events, cell = 3) {
    const cells = new Map();
    for (const e of events) {
      if (e.lat == null || e.lon == null) continue;
      const key = Math.floor(e.lat / cell) + ":" + Math.floor(e.lon / cell);
      const c = cells.get(key) || { lat: 0, lon: 0, events: [] };
      c.lat += e.lat; c.lon += e.lon; c.events.push(e);
      cells.set(key, c);
    }
    return [...cells.values()].map(c => ({ lat: c.lat / c.events.length, lon: c.lon / c.events.length, events: c.events }));
  }

  function drawPoints(svg, events, onClick, cls = "point") {
    let layer = svg.querySelector("g." + cls + "s");
    if (!layer) { layer = el("g", { class: cls + "s" }); svg.appendChild(layer); }
    if (cls === "point") layer.replaceChildren();
    for (const c of clusters(events)) {
      const [x, y] = project(c.lon, c.lat);
      const r = Math.min(4 + 2.5 * Math.sqrt(c.events.length - 1), 16);
      const circle = el("circle", { class: cls === "point" ? "point" : "point live", cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), "data-r": r.toFixed(1), "data-count": c.events.length });
      const title = el("title");
      title.textContent = c.events.length + " event(s): " + [...new Set(c.events.map(e => e.place_names[0] || "?"))].join(", ");
      circle.appendChild(title);
      circle.addEventListener("click", () => onClick(c.events));
      layer.appendChild(circle);
      if (c.events.length > 1) {
        const label = el("text", { class: "count", x: x.toFixed(1), y: (y + 3).toFixed(1) });
        label.textContent = c.events.length;
        layer.appendChild(label);
      }
    }
  }

  // Zoom to the points (at least 90 degrees wide, 2:1 like the map), or the whole world.
  function fit(svg, events) {
    const xy = events.filter(e => e.lat != null && e.lon != null).map(e => project(e.lon, e.lat));
    if (!xy.length) { svg.setAttribute("viewBox", `0 0 ${W} ${H}`); scale(svg, 1); return; }
    const xs = xy.map(p => p[0]), ys = xy.map(p => p[1]);
    let w = Math.max(Math.max(...xs) - Math.min(...xs), (Math.max(...ys) - Math.min(...ys)) * 2, 0) * 1.3;
    w = Math.min(Math.max(w, W / 4), W);
    const h = w / 2;
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    const x = Math.min(Math.max(cx - w / 2, 0), W - w), y = Math.min(Math.max(cy - h / 2, 0), H - h);
    svg.setAttribute("viewBox", `${x.toFixed(1)} ${y.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`);
    scale(svg, w / W);
  }

  // Points keep their size on screen whatever the zoom.
  function scale(svg, k) {
    svg.querySelectorAll("circle[data-r]").forEach(c => c.setAttribute("r", (c.dataset.r * k).toFixed(2)));
    svg.querySelectorAll("text.count").forEach(t => t.setAttribute("font-size", (9 * k).toFixed(2)));
    svg.style.setProperty("--k", k);
  }

  return { drawCountries, drawPoints, clusters, project, fit };
})();
