// Chronoscope chart page: draws each chart from its JSON data. Every function the charts
// need is here; the data holds none. Event text reaches the page only through esc() (for
// tooltips, which ECharts shows as HTML) or textContent and SVG text.
// The same file runs inside Chronoscope (no document there) to draw the SVG, PNG and PDF
// exports with ECharts' server-side renderer: it then only defines chronoscopePrepare.
(function (global) {
  "use strict";
  if (typeof echarts === "undefined") {
    document.getElementById("no-library").hidden = false;
    return;
  }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  function isoDay(s) { // "2023-09-05" -> "5 Sep 2023"
    var p = String(s).split("-");
    return Number(p[2]) + " " + (MONTHS[Number(p[1]) - 1] || "") + " " + p[0];
  }
  function swatch(color) {
    var c = /^#[0-9a-fA-F]{3,8}$/.test(String(color)) ? color : "#9aa0a6";
    return '<span style="display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:5px;background:' + c + '"></span>';
  }
  function short(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }

  // ---- timeline ----
  // The layout (rows, label sides, which labels show) is computed by Chronoscope for the
  // chart's width; this only draws it. An item is [earliest, latest, certain from,
  // certain to, shape, detail, row middle (pixels from the plot top), label side, lane].
  var MARK = 12, GAP = 5, LINE = 14, GREY = "#9aa0a6";
  var FONT = "'DejaVu Sans', Verdana, sans-serif";
  function eventItem(details, colors) {
    return function (params, api) {
      var oLo = api.value(0), oHi = api.value(1), cLo = api.value(2), cHi = api.value(3);
      var shape = api.value(4), det = details[api.value(5)] || {}, side = api.value(7);
      var color = colors[api.value(8)] || GREY, cs = params.coordSys, h = MARK;
      var yc = api.coord([oLo, api.value(6)])[1];
      var kids = [], x0, x1;
      if (shape === 0) {
        var x = api.coord([oLo, 0])[0];
        if (x < cs.x - h || x > cs.x + cs.width + h) { return null; }
        x0 = x - h / 2; x1 = x + h / 2;
        kids.push({ type: "circle", shape: { cx: x, cy: yc, r: h / 2 }, style: { fill: color, stroke: "#fff", lineWidth: 1 } });
      } else {
        x0 = api.coord([oLo, 0])[0]; x1 = api.coord([oHi, 0])[0];
        if (x1 - x0 < 4) { x0 = (x0 + x1) / 2 - 2; x1 = x0 + 4; }
        var outer = echarts.graphic.clipRectByRect({ x: x0, y: yc - h / 2, width: x1 - x0, height: h }, cs);
        if (cHi > cLo) {
          var a = api.coord([cLo, 0])[0], b = api.coord([cHi, 0])[0];
          if (b - a < 3) { a = (a + b) / 2 - 1.5; b = a + 3; }
          if (outer && (a > x0 + 0.5 || b < x1 - 0.5)) {
            kids.push({ type: "rect", shape: outer, style: { fill: color, opacity: 0.22, stroke: color, lineWidth: 1, lineDash: [4, 3] } });
          }
          var core = echarts.graphic.clipRectByRect({ x: a, y: yc - h / 2, width: b - a, height: h }, cs);
          if (core) { kids.push({ type: "rect", shape: core, style: { fill: color } }); }
        } else if (outer) {
          kids.push({ type: "rect", shape: outer, style: { fill: color, opacity: 0.22, stroke: color, lineWidth: 1, lineDash: [4, 3] } });
        }
        if (!kids.length) { return null; }
      }
      if (side >= 1 && side <= 3) { // right of the mark, left of it, inside the bar
        var label = { text: det.lab || "", fontSize: 12, fontFamily: FONT, fill: "#1d2430",
          textAlign: side === 2 ? "right" : "left", textVerticalAlign: "middle" };
        if (label.text.indexOf("\n") >= 0) { label.lineHeight = LINE; } // a long title, wrapped
        if (side === 3) { // on the bar: a pale box behind the words
          label.backgroundColor = "rgba(255,255,255,0.85)"; label.padding = [1, 3]; label.borderRadius = 2;
        } else { // a white halo keeps the words clear of grid lines
          label.stroke = "#fff"; label.lineWidth = 3; label.lineJoin = "round";
        }
        kids.push({
          type: "text", silent: true, x: side === 1 ? x1 + GAP : side === 2 ? x0 - GAP : Math.max(x0, cs.x) + GAP, y: yc,
          style: label
        });
      }
      return { type: "group", children: kids };
    };
  }
  function eventTip(details, lanes) {
    return function (p) {
      var v = p.value || [];
      var d = details[v[5]];
      if (!d) { return ""; }
      var h = "<b>" + esc(d.t) + "</b><br>" + esc(d.l) + " \u00b7 " + esc(d.s) + " <span class=\"muted\">(" + esc(d.sw) + ")</span>";
      if (d.e) { h += " to " + esc(d.e) + " <span class=\"muted\">(" + esc(d.ew) + ")</span>"; }
      if (d.a) { h += "<br>Actors: " + esc(d.a.join(", ")); }
      if (d.g) { h += "<br>Tags: " + esc(d.g.join(", ")); }
      (d.src || []).forEach(function (s) {
        h += "<br>Source: " + esc(s[0]) + (s[1] ? ", " + esc(s[1]) : "") + (s[2] ? " <b>" + esc(s[2]) + "</b>" : "");
      });
      if (d.more) { h += "<br>and " + esc(d.more) + " more sources"; }
      return h;
    };
  }

  // ---- many shapes of one style as one element ----
  // "cs-rects" fills rectangles [x, y, width, height] and "cs-lines" strokes polylines
  // [x0, y0, x1, y1, ...]: a calendar's cells of one shade, or its grid lines, are one
  // element (one SVG path), not hundreds.
  if (!echarts.graphic.getShapeClass("cs-rects")) {
    echarts.graphic.registerShape("cs-rects", echarts.graphic.extendShape({
      type: "cs-rects", shape: { rects: [] },
      buildPath: function (ctx, shape) {
        (shape.rects || []).forEach(function (r) {
          ctx.moveTo(r[0], r[1]); ctx.lineTo(r[0] + r[2], r[1]); ctx.lineTo(r[0] + r[2], r[1] + r[3]);
          ctx.lineTo(r[0], r[1] + r[3]); ctx.closePath();
        });
      }
    }));
    echarts.graphic.registerShape("cs-lines", echarts.graphic.extendShape({
      type: "cs-lines", shape: { lines: [] },
      buildPath: function (ctx, shape) {
        (shape.lines || []).forEach(function (l) {
          for (var i = 0; i + 1 < l.length; i += 2) {
            if (i === 0) { ctx.moveTo(l[i], l[i + 1]); } else { ctx.lineTo(l[i], l[i + 1]); }
          }
        });
      }
    }));
  }

  // ---- bars and calendar ----
  function barTip(ps) {
    ps = [].concat(ps);
    if (!ps.length) { return ""; }
    var h = "<b>" + esc(ps[0].axisValueLabel != null ? ps[0].axisValueLabel : ps[0].name) + "</b>", total = 0, shown = 0;
    ps.forEach(function (p) {
      var v = Number(p.value) || 0;
      if (!v) { return; }
      total += v; shown++;
      h += "<br>" + swatch(p.color) + esc(p.seriesName) + ": " + esc(v);
    });
    if (shown > 1) { h += "<br>Total: " + esc(total); }
    return h;
  }
  function calendarTip(p) { // a point over a day: [x, y, events, "2023-09-05"]
    var v = p.value || [];
    return esc(isoDay(v[3])) + ": " + esc(v[2]) + (v[2] === 1 ? " event" : " events");
  }

  // ---- data view: a plain table, built as text ----
  function tableOf(head, rows) {
    var wrap = document.createElement("div"), t = document.createElement("table"), tr = document.createElement("tr");
    wrap.className = "data-view";
    head.forEach(function (h) { var th = document.createElement("th"); th.textContent = h; tr.appendChild(th); });
    var thead = document.createElement("thead"); thead.appendChild(tr); t.appendChild(thead);
    var body = document.createElement("tbody");
    rows.forEach(function (r) {
      var row = document.createElement("tr");
      r.forEach(function (c) { var td = document.createElement("td"); td.textContent = c == null ? "" : String(c); row.appendChild(td); });
      body.appendChild(row);
    });
    t.appendChild(body); wrap.appendChild(t);
    return wrap;
  }
  function dataView(kind, data) {
    return function (opt) {
      if (kind === "timeline") {
        return tableOf(["Date", "Event", "Lane", "Sources"], (data.details || []).map(function (d) {
          return [d.s + (d.e ? " to " + d.e : ""), d.t, d.l, (d.src || []).map(function (s) { return s[0] + (s[2] ? " " + s[2] : ""); }).join("; ")];
        }));
      }
      if (kind === "calendar") {
        var rows = [];
        (opt.series || []).forEach(function (s) { (s.data || []).forEach(function (d) { var v = d.value || d; rows.push([v[3], v[2]]); }); });
        return tableOf(["Day", "Events"], rows);
      }
      var axis = (opt.yAxis && opt.yAxis[0] && opt.yAxis[0].type === "category") ? opt.yAxis[0] : opt.xAxis[0];
      var cats = axis.data || [], series = opt.series || [];
      return tableOf([""].concat(series.map(function (s) { return s.name; })), cats.map(function (c, i) {
        return [c].concat(series.map(function (s) { var d = s.data[i]; return d && typeof d === "object" ? d.value : d; }));
      }));
    };
  }

  // ---- set up ----
  var charts = [];
  // prepare turns a chart's data into its ECharts option. Still, for an image, leaves out
  // what only works on screen: toolbox, tooltips, zooming.
  function prepare(data, still) {
    var opt = data.option, kind = data.script;
    opt.tooltip = opt.tooltip || {};
    opt.tooltip.confine = true;
    opt.tooltip.extraCssText = "max-width:380px;white-space:normal;";
    opt.tooltip.borderColor = "#c9d0da";
    // In a long report the mouse wheel scrolls the page; Ctrl+wheel (or the slider) zooms.
    [].concat(opt.dataZoom || []).forEach(function (z) {
      if (z.type === "inside") { z.zoomOnMouseWheel = "ctrl"; z.moveOnMouseWheel = false; }
    });
    var f = opt.toolbox && opt.toolbox.feature;
    if (f && f.dataView) { f.dataView.readOnly = true; f.dataView.optionToContent = dataView(kind, data); }
    if (f && f.saveAsImage) { f.saveAsImage.pixelRatio = 2; f.saveAsImage.backgroundColor = "#fff"; }
    if (kind === "timeline") {
      opt.tooltip.formatter = eventTip(data.details || [], data.lanes || []);
      (opt.series || []).forEach(function (s) {
        s.renderItem = eventItem(data.details || [], data.colors || []);
        s.progressive = 0; // a few thousand items at most: draw them at once
      });
    } else if (kind === "calendar") {
      opt.tooltip.formatter = calendarTip;
    } else {
      opt.tooltip.formatter = barTip;
    }
    if (data.empty && kind !== "timeline") {
      opt.graphic = { type: "text", left: "center", top: "middle", style: { text: "No events to show", fontSize: 16, fill: "#5b6472" } };
    }
    if (still) {
      delete opt.toolbox; delete opt.dataZoom; delete opt.tooltip;
      opt.series = (opt.series || []).filter(function (s) { return s.id !== "calendar-tips"; });
      opt.animation = false;
      (opt.series || []).forEach(function (s) { s.silent = true; s.emphasis = { disabled: true }; });
    }
    return opt;
  }
  global.chronoscopePrepare = prepare;
  if (typeof document === "undefined") { return; }
  document.querySelectorAll(".chart").forEach(function (el) {
    var src = document.getElementById(el.id + "-data");
    if (!src) { return; }
    // SVG, as in the exported images: the same drawing, and vectors when printed.
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(prepare(JSON.parse(src.textContent)));
    charts.push(chart);
    // Printed, a chart is scaled to the width of the page (about 680 CSS pixels).
    el.style.setProperty("--print-zoom", String(Math.min(1, 680 / (el.offsetWidth || 680))));
  });
  window.chronoscopeCharts = charts;
  // Printed, the charts have no toolbox.
  window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.setOption({ toolbox: { show: false } }); }); });
  window.addEventListener("afterprint", function () { charts.forEach(function (c) { c.setOption({ toolbox: { show: true } }); }); });
}(this));
