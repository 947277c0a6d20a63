// vis-bench.mjs times vis-timeline, the browser peer, in headless Chromium: the first
// render of N items and one zoom step (median of ZOOMS steps, in then out), at the same
// 1600x1000 as Chronoscope's benchmarks. It prints one JSON line per size.
//
//   node vis-bench.mjs 20000 100000
//
// The items are made in the page the way gencsv makes a case (points and spans over
// decades, a lane each from a few groups), before the clock starts: what is timed is
// vis-timeline's own work, from new Timeline() to the first painted frame.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const visJS = readFileSync(require.resolve("vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"), "utf8");
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const zooms = Number(process.env.ZOOMS || 8);
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

const page = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}#tl{width:1600px;height:1000px}</style></head>
<body><div id="tl"></div></body></html>`;

// inPage runs in the browser: it makes n items, renders them and steps the zoom.
async function inPage({ n, zooms }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const changed = (tl) => new Promise((r) => tl.once("changed", r));
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const start = Date.UTC(1990, 0, 1), span = Date.UTC(2024, 0, 1) - start;
  const groups = [];
  for (let g = 0; g < 8; g++) groups.push({ id: g, content: "Lane " + (g + 1) });
  const items = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = start + rnd() * span;
    const item = { id: i, group: i % 8, content: "Event " + i, start: new Date(s) };
    if (rnd() < 0.1) item.end = new Date(s + rnd() * 90 * 86400000);
    items[i] = item;
  }
  const ds = new vis.DataSet(items);
  const t0 = performance.now();
  const tl = new vis.Timeline(document.getElementById("tl"), ds, groups, { stack: true, zoomKey: "ctrlKey" });
  await changed(tl);
  await frame();
  const first = performance.now() - t0;
  const steps = [];
  for (let i = 0; i < zooms; i++) {
    const t = performance.now();
    const done = changed(tl);
    if (i % 2 === 0) tl.zoomIn(0.2, { animation: false }); else tl.zoomOut(0.2, { animation: false });
    await done;
    await frame();
    steps.push(performance.now() - t);
  }
  steps.sort((a, b) => a - b);
  return { first_render_ms: Math.round(first), zoom_step_median_ms: Math.round(steps[steps.length >> 1]),
    zoom_step_max_ms: Math.round(steps[steps.length - 1]) };
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
try {
  for (const n of sizes) {
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const p = await ctx.newPage();
    await p.setContent(page);
    await p.addScriptTag({ content: visJS });
    const r = await p.evaluate(inPage, { n, zooms });
    console.log(JSON.stringify({ peer: "vis-timeline", items: n, ...r }));
    await ctx.close();
  }
} finally {
  await browser.close();
}
