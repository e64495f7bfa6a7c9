#!/usr/bin/env node
// Screenshots of a built site for the README, in docs/screenshots/.
//
//   cargo run --release -- build --as-of 2026-11-23
//   npm ci --prefix tests/browser
//   node tests/browser/screenshots.js --site public --out docs/screenshots
//
// Desktop (1280 px), phone (375 px), the dark scheme, and the first two pages
// of a review pack printed to PDF by Chromium (--print-to-pdf) and rendered
// to PNG by pdftoppm (Debian's poppler-utils).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { pathToFileURL } = require("url");
const { chromium } = require(path.join(__dirname, "node_modules", "playwright-core"));

function arg(name, fallback) {
  const at = process.argv.indexOf("--" + name);
  return at === -1 ? fallback : process.argv[at + 1];
}

const site = path.resolve(arg("site", "public"));
const out = path.resolve(arg("out", "docs/screenshots"));
const executablePath = process.env.RAPPORTEUR_CHROMIUM || "/usr/bin/chromium";
const flags = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const url = (rel) => {
  const [file, query] = rel.split("?");
  return pathToFileURL(path.join(site, file)).href + (query ? "?" + query : "");
};

const troubled = "engagements/brightline-customer-care/index.html";
const healthy = "engagements/calloway-payroll/index.html";
const pack = "engagements/brightline-customer-care/review/2026-Q3.html";

const shots = [
  // name, page, width, height of the clip, scheme
  ["portfolio", "index.html", 1280, 1000, "light"],
  ["portfolio-mobile", "index.html", 375, 1100, "light"],
  ["engagement-troubled", troubled, 1280, 1900, "light"],
  ["engagement-troubled-mobile", troubled, 375, 1700, "light"],
  ["engagement-healthy", healthy, 1280, 1900, "light"],
  ["engagement-healthy-mobile", healthy, 375, 1700, "light"],
  ["portfolio-dark", "index.html", 1280, 1000, "dark"],
  ["engagement-troubled-dark", troubled, 1280, 1900, "dark"],
  ["actions", "actions.html", 1280, 1100, "light"],
  ["actions-mobile", "actions.html", 375, 1100, "light"],
  ["search", "search.html?q=cut-off", 1280, 900, "light"],
  ["note", "engagements/brightline-customer-care/notes/2026-10-06-formal-sla-escalation.html", 1280, 1500, "light"],
];

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath, headless: true, args: flags });
  try {
    for (const [name, page, width, height, scheme] of shots) {
      const context = await browser.newContext({
        viewport: { width, height: Math.min(height, 1000) },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const tab = await context.newPage();
      await tab.goto(url(page), { waitUntil: "load" });
      const full = await tab.evaluate(() => document.documentElement.scrollHeight);
      await tab.screenshot({
        path: path.join(out, `${name}.png`),
        clip: { x: 0, y: 0, width, height: Math.min(height, full) },
        fullPage: true,
      });
      await context.close();
      console.log(`${name}.png`);
    }
  } finally {
    await browser.close();
  }

  // The first page of a review pack, as printed.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-pdf-"));
  const pdf = path.join(tmp, "pack.pdf");
  const print = spawnSync(executablePath, [
    "--headless",
    ...flags,
    `--user-data-dir=${path.join(tmp, "profile")}`,
    "--no-pdf-header-footer",
    `--print-to-pdf=${pdf}`,
    url(pack),
  ], { encoding: "utf8" });
  if (!fs.existsSync(pdf)) {
    throw new Error(`chromium --print-to-pdf failed: ${print.stderr}`);
  }
  for (const n of [1, 2]) {
    const name = `review-pack-page-${n}`;
    const png = spawnSync("pdftoppm", ["-png", "-r", "110", "-f", String(n), "-l", String(n), "-singlefile", pdf, path.join(out, name)], { encoding: "utf8" });
    if (png.status !== 0) {
      throw new Error(`pdftoppm failed (apt-get install poppler-utils): ${png.stderr || png.error}`);
    }
    console.log(`${name}.png`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
