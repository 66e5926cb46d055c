/* chitieu — charts (Chart.js), htmx CSRF header, review page interactions. No inline script anywhere. */
(function () {
  "use strict";
  var COLORS = { exceeded: "#0f7b3d", achieved: "#2e9e57", on_track: "#1f7fa6", not_yet: "#b7791f",
                 at_risk: "#c2410c", not_achieved: "#b42318", no_data: "#7b8794" };
  var nf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function doughnut(canvas, d) {
    var idx = d.counts.map(function (n, i) { return n ? i : -1; }).filter(function (i) { return i >= 0; });
    return new Chart(canvas, {
      type: "doughnut",
      data: { labels: idx.map(function (i) { return d.labels[i]; }),
              datasets: [{ data: idx.map(function (i) { return d.counts[i]; }),
                           backgroundColor: idx.map(function (i) { return COLORS[d.statuses[i]]; }) }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } }
    });
  }

  // On a phone the y axis gets little width and Chart.js clips long group names on the left:
  // break a name into at most two short lines (Chart.js draws an array label as lines).
  function narrow(canvas) {
    return (canvas.parentElement ? canvas.parentElement.clientWidth : window.innerWidth) < 520;
  }

  function wrapLabel(text, width) {
    var words = text.split(/\s+/), lines = [""];
    words.forEach(function (w) {
      var last = lines[lines.length - 1];
      if (!last) lines[lines.length - 1] = w;
      else if ((last + " " + w).length <= width) lines[lines.length - 1] = last + " " + w;
      else lines.push(w);
    });
    if (lines.length > 2) { lines = lines.slice(0, 2); lines[1] = lines[1].slice(0, width - 1) + "…"; }
    return lines.map(function (l) { return l.length > width ? l.slice(0, width - 1) + "…" : l; });
  }

  function groups(canvas, d) {
    var sets = d.statuses.map(function (s, i) {
      return { label: d.labels[i], data: d.group_counts[s], backgroundColor: COLORS[s], stack: "a" };
    }).filter(function (ds) { return ds.data.some(function (n) { return n > 0; }); });
    return new Chart(canvas, {
      type: "bar",
      data: { labels: d.groups.map(function (g) { return wrapLabel(g, narrow(canvas) ? 16 : 28); }), datasets: sets },
      options: { indexAxis: "y", maintainAspectRatio: false, animation: false,
                 scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
                 plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } } }
    });
  }

  function trajectory(canvas, d) {
    var sets = [];
    if (d.path.length) sets.push({ label: "Lộ trình mục tiêu", data: d.path, borderColor: "#0b5cad", borderDash: [6, 4],
      pointRadius: 3, showLine: true, fill: false });
    if (d.measured.length) sets.push({ label: "Thực hiện", data: d.measured, borderColor: "#2e9e57",
      backgroundColor: "#2e9e57", showLine: true, pointRadius: 4 });
    if (d.estimates.length) sets.push({ label: "Ước / dự ước", data: d.estimates, borderColor: "#b7791f",
      backgroundColor: "#b7791f", pointStyle: "rect", pointRadius: 5, showLine: false });
    if (d.forecast.length) sets.push({ label: "Dự báo cuối kỳ", data: d.forecast, borderColor: "#c2410c",
      backgroundColor: "#c2410c", pointStyle: "star", pointRadius: 8, showLine: false });
    return new Chart(canvas, {
      type: "scatter", data: { datasets: sets },
      options: { maintainAspectRatio: false, animation: false,
        scales: { x: { ticks: { stepSize: 1, callback: function (v) { return String(v); } }, title: { display: true, text: "Năm" } },
                  y: { title: { display: !!d.unit, text: d.unit }, ticks: { callback: function (v) { return nf.format(v); } } } },
        plugins: { legend: { position: "bottom" },
                   tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + nf.format(c.parsed.y) + " (" + c.parsed.x + ")"; } } } } }
    });
  }

  var BUILDERS = { doughnut: doughnut, groups: groups, trajectory: trajectory };

  function drawCharts(root) {
    if (typeof Chart === "undefined") return;
    (root || document).querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) return;
      var build = BUILDERS[canvas.dataset.chart], d = data(canvas.dataset.source);
      if (build && d) { build(canvas, d); canvas.dataset.drawn = "1"; }
    });
  }

  function activate(id) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var mark = document.getElementById("q-" + id), card = document.getElementById("claim-" + id);
    if (mark) { mark.classList.add("active"); mark.scrollIntoView({ block: "center" }); }
    if (card) { card.classList.add("active"); }
    return card;
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest("[data-goto]");
    if (link) { activate(link.dataset.goto.replace("q-", "")); return; }
    var mark = e.target.closest("mark[data-claim]");
    if (mark) { var card = activate(mark.dataset.claim); if (card) card.scrollIntoView({ block: "nearest" }); }
  });

  document.addEventListener("change", function (e) {
    if (e.target.id === "select-all") {
      document.querySelectorAll("input[name=claim_ids]").forEach(function (box) { box.checked = e.target.checked; });
    }
  });

  document.addEventListener("htmx:configRequest", function (e) {
    var meta = document.querySelector("meta[name=csrf-token]");
    if (meta && meta.content) e.detail.headers["X-CSRF-Token"] = meta.content;
  });
  document.addEventListener("htmx:afterSwap", function (e) { drawCharts(e.target); });
  document.addEventListener("htmx:afterSettle", function (e) {
    var card = e.target.closest ? e.target.closest("li.claim") || e.target : null;
    if (!card || !card.dataset || !card.dataset.claim) return;
    // every piece of the highlight (a workbook row is cut into its cells; only the first has the id)
    document.querySelectorAll('mark[data-claim="' + card.dataset.claim + '"]').forEach(function (mark) {
      ["candidate", "accepted", "rejected"].forEach(function (s) {
        mark.classList.toggle("hl-" + s, card.classList.contains("claim-" + s));
      });
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(document);
    var hl = document.getElementById("hl");
    if (hl) hl.scrollIntoView({ block: "center" });
    if (location.hash.indexOf("#claim-") === 0) activate(location.hash.slice(7));
  });
})();
