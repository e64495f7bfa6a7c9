// The quarterly review pack as it goes into the room: the example's
// troubled engagement (Brightline) printed by the real Chromium binary with
// --print-to-pdf on A4 fits in at most 6 pages; its cover names both
// parties and the edition; the summary (the SLA grid) comes before any
// chart and fits on the first page.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const MAX_PAGES = 6;
// A4 less the pack's @page margins (11 mm top, 13 mm bottom, 12 mm sides), in CSS px.
const MM = 96 / 25.4;
const PAGE_HEIGHT = (297 - 11 - 13) * MM;
const PAGE_WIDTH = (210 - 2 * 12) * MM;

/** The latest pack of the engagement whose id says brightline; null if none. */
function brightlinePack(site) {
  const root = path.join(site, "engagements");
  if (!fs.existsSync(root)) return null;
  const ids = fs
    .readdirSync(root)
    .filter((d) => /brightline/i.test(d) && fs.existsSync(path.join(root, d, "review")))
    .sort();
  for (const id of ids) {
    const packs = fs
      .readdirSync(path.join(root, id, "review"))
      .filter((f) => /^\d{4}-Q[1-4]\.html$/.test(f))
      .sort();
    if (packs.length) return { id, rel: `engagements/${id}/review/${packs[packs.length - 1]}` };
  }
  return null;
}

/** Pages of a PDF, from its page tree: the largest /Count of a /Pages node. */
function pdfPages(bytes) {
  const text = bytes.toString("latin1");
  const counts = Array.from(text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)).map((m) =>
    Number(m[1] || m[2]),
  );
  const leaves = (text.match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
  return { count: counts.length ? Math.max(...counts) : 0, leaves };
}

module.exports = async (ctx) => {
  const { site, check, assert, light, open, url } = ctx;
  const found = brightlinePack(site);

  await check("pack: the Brightline review pack exists", async () => {
    assert(found, `no review pack of an engagement named brightline under ${path.join(site, "engagements")}`);
  });

  await check(`pack: printed by Chromium (--print-to-pdf, A4) it has at most ${MAX_PAGES} pages`, async () => {
    assert(found, "no Brightline pack to print");
    const binary = process.env.RAPPORTEUR_CHROMIUM || "/usr/bin/chromium";
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-pack-"));
    try {
      const pdf = path.join(dir, "pack.pdf");
      const run = spawnSync(
        binary,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          `--user-data-dir=${path.join(dir, "profile")}`,
          "--no-pdf-header-footer",
          `--print-to-pdf=${pdf}`,
          url(found.rel),
        ],
        { encoding: "utf8", timeout: 120000 },
      );
      assert(!run.error, `${binary}: ${run.error}`);
      assert(fs.existsSync(pdf), `no PDF written (exit ${run.status}): ${run.stderr}`);
      const { count, leaves } = pdfPages(fs.readFileSync(pdf));
      assert(count > 0, "no page tree /Count in the PDF");
      assert(leaves === 0 || leaves === count, `the page tree says ${count} pages, ${leaves} page objects`);
      assert(count <= MAX_PAGES, `${found.rel} prints to ${count} A4 pages (at most ${MAX_PAGES})`);
      console.log(`  ${found.rel}: ${count} pages`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  await check("pack: the cover names both parties and the edition", async () => {
    assert(found, "no Brightline pack");
    // The parties as the build's data names them (data/engagements/<id>.json).
    const data = path.join(site, "data", "engagements", `${found.id}.json`);
    assert(fs.existsSync(data), `no ${data}`);
    const parties = JSON.parse(fs.readFileSync(data, "utf8"));
    assert(parties.client && parties.provider, `the report names no client or provider: ${JSON.stringify(parties)}`);
    const { page, problems } = await open(light, found.rel);
    await page.emulateMedia({ media: "print" });
    const cover = await page.evaluate(() => {
      const c = document.querySelector(".pack-cover");
      return c ? c.innerText.replace(/\s+/g, " ") : "";
    });
    const footer = await page.evaluate(() => document.querySelector(".site-footer").textContent);
    assert(cover.includes(parties.client), `the cover does not name ${parties.client}: ${cover}`);
    assert(cover.includes(parties.provider), `the cover does not name ${parties.provider}: ${cover}`);
    // The footer says whom the build is for ("Built for: internal: all items").
    if (/Built for:\s*internal/i.test(footer)) {
      assert(/internal edition — not for the partner/i.test(cover), `an internal build's cover says so: ${cover}`);
    } else {
      assert(cover.includes(`Prepared for ${parties.client} and ${parties.provider}`), `the shared cover: ${cover}`);
    }
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  });

  await check("pack: the summary with its SLA grid comes first, on one printed page, before any chart", async () => {
    assert(found, "no Brightline pack");
    const context = await ctx.browser.newContext({ viewport: { width: Math.floor(PAGE_WIDTH), height: 1000 } });
    try {
      const page = await context.newPage();
      await page.goto(url(found.rel), { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      const layout = await page.evaluate(() => {
        const top = (el) => el.getBoundingClientRect().top + window.scrollY;
        const grid = document.querySelector("#summary table.sla-grid");
        // The drawing shown (each chart comes wide and narrow).
        const chart = [...document.querySelectorAll("figure.chart svg")].find((s) => s.getBoundingClientRect().height > 0);
        const summary = document.querySelector("#summary");
        const cover = document.querySelector(".pack-cover");
        return {
          grid: grid ? top(grid) : null,
          chart: chart ? top(chart) : null,
          before: grid && chart ? Boolean(grid.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING) : false,
          height: summary && cover ? summary.getBoundingClientRect().bottom - cover.getBoundingClientRect().top : null,
        };
      });
      assert(layout.grid !== null, "no SLA grid in the summary");
      assert(layout.chart !== null, "no chart in the pack");
      assert(layout.before && layout.grid < layout.chart, `the SLA grid (at ${layout.grid}px) must come before the first chart (at ${layout.chart}px)`);
      assert(
        layout.height <= PAGE_HEIGHT,
        `cover and summary are ${Math.round(layout.height)}px tall in print, more than one A4 page (${Math.round(PAGE_HEIGHT)}px)`,
      );
      await page.close();
    } finally {
      await context.close();
    }
  });
};
