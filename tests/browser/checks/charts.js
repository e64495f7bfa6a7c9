// Charts as a reader sees them: readable on a phone, no label cut, the
// sparkline agreeing with the figure beside it, the dark scheme followed.
"use strict";

const fs = require("fs");
const path = require("path");

/** The pages with charts: the portfolio, every report and review pack, the registers. */
function chartPages(site) {
  const pages = ["index.html", "actions.html", "risks.html"];
  const root = path.join(site, "engagements");
  for (const id of fs.readdirSync(root).sort()) {
    if (fs.existsSync(path.join(root, id, "index.html"))) {
      pages.push(`engagements/${id}/index.html`);
    }
    const review = path.join(root, id, "review");
    if (fs.existsSync(review)) {
      for (const f of fs.readdirSync(review).filter((f) => f.endsWith(".html")).sort()) {
        pages.push(`engagements/${id}/review/${f}`);
      }
    }
  }
  return pages;
}

module.exports = async ({ site, open, check, assert, light, dark, phone }) => {
  const pages = chartPages(site);

  await check(`no chart text renders below 11 px at 375 px, and none is cut short (${pages.length} pages)`, async () => {
    const problems = [];
    let texts = 0;
    for (const rel of pages) {
      const { page } = await open(phone, rel);
      const found = await page.evaluate(() => {
        const out = { small: [], cut: [], count: 0 };
        for (const t of document.querySelectorAll("svg.chart text")) {
          const box = t.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue; // the other drawing, hidden
          out.count += 1;
          const m = t.getScreenCTM();
          const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          if (px < 11) out.small.push(`${px.toFixed(1)} px "${t.textContent}"`);
          if (t.textContent.includes("…")) out.cut.push(`"${t.textContent}"`);
        }
        return out;
      });
      texts += found.count;
      for (const s of found.small.slice(0, 3)) problems.push(`${rel}: ${s}`);
      for (const c of found.cut.slice(0, 3)) problems.push(`${rel}: cut ${c}`);
      await page.close();
    }
    assert(texts > 100, `only ${texts} chart texts seen: are the charts there?`);
    assert(problems.length === 0, problems.slice(0, 20).join("\n"));
  });

  await check("each portfolio sparkline ends on the health figure beside it, in its colour", async () => {
    const { page } = await open(light, "index.html");
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll("td .hcell")].map((cell) => {
        const td = cell.closest("td");
        const figure = cell.querySelector("strong").textContent.trim();
        const band = [...cell.classList].find((c) => c.startsWith("hcell-")).slice("hcell-".length);
        const svg = td.querySelector(".spark svg");
        if (!svg) return { figure, band, none: true };
        const desc = svg.querySelector("desc").textContent;
        const dots = [...svg.querySelectorAll("circle")].filter((c) => getComputedStyle(c).fill !== "none");
        const last = dots[dots.length - 1];
        const root = getComputedStyle(document.documentElement);
        const probe = document.createElement("span");
        probe.style.color = root.getPropertyValue(`--${band}-fill`).trim();
        document.body.appendChild(probe);
        const expected = getComputedStyle(probe).color;
        probe.remove();
        return { figure, band, desc, fill: last && getComputedStyle(last).fill, expected };
      }),
    );
    assert(rows.length > 0, "no health figures on the portfolio");
    const wrong = [];
    for (const r of rows) {
      if (r.none || !/^\d+$/.test(r.figure)) continue; // no score: no line to end
      const latest = /latest (\d+(?:\.\d+)?)/.exec(r.desc);
      if (!latest || Math.round(Number(latest[1])) !== Number(r.figure)) {
        wrong.push(`figure ${r.figure} but the line ends at ${latest && latest[1]}`);
      }
      if (r.fill !== r.expected) wrong.push(`figure ${r.figure} is ${r.band} (${r.expected}) but its last point is ${r.fill}`);
    }
    assert(wrong.length === 0, wrong.join("\n"));
    await page.close();
  });

  await check("charts follow the dark scheme: drawn on the page's card, text in its ink", async () => {
    const { page } = await open(dark, pages.find((p) => p.includes("/review/")) || "index.html");
    const colours = await page.evaluate(() => {
      const svg = [...document.querySelectorAll("figure.chart svg")].find((s) => s.getBoundingClientRect().width > 0);
      const card = getComputedStyle(document.documentElement).getPropertyValue("--card").trim();
      const probe = document.createElement("span");
      probe.style.color = card;
      document.body.appendChild(probe);
      const cardRgb = getComputedStyle(probe).color;
      const ink = getComputedStyle(document.body).color;
      const background = svg.querySelector("rect");
      const label = svg.querySelector("text");
      return { cardRgb, ink, background: getComputedStyle(background).fill, text: getComputedStyle(label).fill };
    });
    assert(colours.background === colours.cardRgb, `chart background ${colours.background}, card ${colours.cardRgb}`);
    assert(colours.text !== "rgb(31, 41, 51)", `chart text stays the light scheme's ink ${colours.text}`);
    await page.close();
  });
};
