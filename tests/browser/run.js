#!/usr/bin/env node
// Browser tests of a built site, run by tests/browser.rs (`cargo test`).
//
//   node tests/browser/run.js --site DIR --word WORD --expect URL
//
// One headless Chromium (Debian's, through playwright-core) opens the site
// from file:// and checks: no console error on any page; the portfolio sorts
// and filters and is complete without JavaScript; search finds a note by a
// word of its body; axe-core finds no serious or critical violation, in the
// light and the dark scheme; no page scrolls sideways at 375 px; and the Nu
// Html Checker (vnu.jar, run with the machine's Java) finds no error in any
// page. Prints one line per check and a closing "N passed, M failed".
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const { spawnSync } = require("child_process");
const { pathToFileURL } = require("url");

function arg(name, fallback) {
  const at = process.argv.indexOf("--" + name);
  return at === -1 ? fallback : process.argv[at + 1];
}

const site = path.resolve(arg("site", "public"));
// Optionally a second build made with --base-url BASE (a path such as
// /reports/), served over HTTP on 127.0.0.1 under that path.
const served = arg("served", null);
const servedBase = arg("base", "/reports/");
const word = arg("word", "paper-timesheet");
const expect = arg("expect", "engagements/calloway-payroll/notes/2026-09-01-check-in.html");
const executablePath = process.env.RAPPORTEUR_CHROMIUM || "/usr/bin/chromium";
const here = __dirname;
const { chromium } = require(path.join(here, "node_modules", "playwright-core"));
const axePath = path.join(here, "node_modules", "axe-core", "axe.min.js");
const vnuJar = path.join(here, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

const url = (rel) => pathToFileURL(path.join(site, rel)).href;

let passed = 0;
let failed = 0;
const failures = [];

// `--only REGEX` runs only the checks whose name matches (for working on one area).
const only = arg("only", null);

async function check(name, body) {
  if (only && !new RegExp(only).test(name)) {
    return;
  }
  const started = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed += 1;
    failures.push(name);
    console.log(`not ok - ${name}\n  ${String(e && e.stack ? e.stack : e).split("\n").join("\n  ")}`);
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** The pages every check visits: one of each kind. */
function samplePages() {
  const engagements = fs
    .readdirSync(path.join(site, "engagements"))
    .filter((d) => fs.existsSync(path.join(site, "engagements", d, "index.html")))
    .sort();
  assert(engagements.length > 0, "no engagement was built");
  const withNotes = engagements.find((d) => fs.existsSync(path.join(site, "engagements", d, "notes")));
  const withPacks = engagements.find((d) => fs.existsSync(path.join(site, "engagements", d, "review")));
  const first = (dir) => fs.readdirSync(path.join(site, dir)).filter((f) => f.endsWith(".html")).sort()[0];
  const pages = {
    portfolio: "index.html",
    report: `engagements/${engagements[0]}/index.html`,
    actions: "actions.html",
    risks: "risks.html",
    search: "search.html",
  };
  if (withNotes) {
    pages.note = `engagements/${withNotes}/notes/${first(`engagements/${withNotes}/notes`)}`;
  }
  if (withPacks) {
    const packs = fs.readdirSync(path.join(site, "engagements", withPacks, "review")).sort();
    pages.pack = `engagements/${withPacks}/review/${packs[packs.length - 1]}`;
  }
  return pages;
}

/** Opens `rel`, failing on console errors, page errors and failed loads. */
async function open(context, rel) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed to load ${r.url()}: ${r.failure() && r.failure().errorText}`));
  await page.goto(url(rel), { waitUntil: "load" });
  return { page, problems };
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    // No preload: axe would fetch the stylesheets again, which file:// refuses.
    const r = await axe.run(document, { resultTypes: ["violations"], preload: false });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\n").join(" ")),
    }));
  });
  return results.filter((v) => v.impact === "serious" || v.impact === "critical");
}

function describe(violations) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.join("\n    ")}`)
    .join("\n  ");
}

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/atom+xml", ".ics": "text/calendar" };

/** Serves `served` under `servedBase` on a free port of 127.0.0.1 only. */
function serve() {
  const root = path.resolve(served);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = pathname.startsWith(servedBase) ? path.join(root, pathname.slice(servedBase.length)) : null;
    if (!file || !file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The --base-url build served under its sub-path: every sample page loads
 * with all its assets, and search finds the note there too. */
async function checkServed(context, pages) {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const [kind, rel] of Object.entries(pages)) {
      await check(`${kind} served under ${servedBase} loads with its stylesheet and scripts`, async () => {
        const page = await context.newPage();
        const problems = [];
        page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
        page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
        page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
        page.on("requestfailed", (r) => problems.push(`failed ${r.url()}`));
        await page.goto(`${origin}${servedBase}${rel}`, { waitUntil: "load" });
        const styled = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor);
        assert(styled !== "rgba(0, 0, 0, 0)", "the stylesheet did not apply");
        const outside = await page.$$eval("a[href], link[href], script[src]", (els) =>
          els.map((e) => e.href || e.src).filter((u) => u.startsWith(location.origin) && !u.startsWith(location.origin + "/reports/")));
        assert(outside.length === 0, `links leave the sub-path: ${outside.slice(0, 5).join(", ")}`);
        assert(problems.length === 0, problems.join("\n"));
        await page.close();
      });
    }
    await check(`search works served under ${servedBase}`, async () => {
      const page = await context.newPage();
      await page.goto(`${origin}${servedBase}search.html?q=${encodeURIComponent(word)}`);
      await page.locator(`#search-results a[href="${expect}"]`).first().waitFor({ timeout: 5000 });
      await page.close();
    });
  } finally {
    server.close();
  }
}

async function main() {
  assert(fs.existsSync(path.join(site, "index.html")), `no site at ${site}`);
  const pages = samplePages();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const light = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const dark = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const phone = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const noScript = await browser.newContext({ javaScriptEnabled: false });

    for (const [kind, rel] of Object.entries(pages)) {
      await check(`${kind} (${rel}) loads without console errors and passes axe, light scheme`, async () => {
        const { page, problems } = await open(light, rel);
        const h1 = await page.locator("h1").count();
        assert(h1 === 1, `${h1} <h1> elements`);
        const landmarks = await page.evaluate(() => ["header", "nav", "main", "footer"].filter((t) => !document.querySelector(t)));
        assert(landmarks.length === 0, `missing landmarks: ${landmarks}`);
        const skipped = await page.evaluate(() => {
          const levels = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).map((h) => Number(h.tagName[1]));
          return levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1).length;
        });
        assert(skipped === 0, `${skipped} headings skip a level`);
        const serious = await axe(page);
        assert(problems.length === 0, problems.join("\n"));
        assert(serious.length === 0, describe(serious));
        await page.close();
      });
    }
    for (const kind of ["portfolio", "report", "pack", "note", "search"]) {
      if (!pages[kind]) continue;
      await check(`${kind} passes axe in the dark scheme`, async () => {
        const { page, problems } = await open(dark, pages[kind]);
        const isDark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
        assert(isDark, "dark scheme not emulated");
        const serious = await axe(page);
        assert(problems.length === 0, problems.join("\n"));
        assert(serious.length === 0, describe(serious));
        await page.close();
      });
    }
    for (const [kind, rel] of Object.entries(pages)) {
      await check(`${kind} has no horizontal scroll at 375 px`, async () => {
        const { page, problems } = await open(phone, rel);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
          wide: Array.from(document.querySelectorAll("body *"))
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .filter((el) => !el.closest(".table-scroll"))
            .slice(0, 5)
            .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className : "")),
        }));
        assert(widths.scroll <= widths.view, `page is ${widths.scroll} px wide in a ${widths.view} px viewport; too wide: ${widths.wide.join(", ")}`);
        assert(problems.length === 0, problems.join("\n"));
        await page.close();
      });
    }

    await check("portfolio sorts by a column heading, both ways", async () => {
      const { page, problems } = await open(light, pages.portfolio);
      const names = () => page.$$eval("#portfolio tbody tr", (rows) => rows.map((r) => r.cells[0].textContent.trim()));
      const healths = () => page.$$eval("#portfolio tbody tr", (rows) => rows.map((r) => parseFloat(r.cells[4].getAttribute("data-sort"))));
      const button = page.locator("#portfolio thead th").nth(4).locator("button.sort");
      await button.click();
      const down = await healths();
      const namesDown = await names();
      assert(JSON.stringify(down) === JSON.stringify([...down].sort((a, b) => b - a)), `not by health, descending: ${down}`);
      assert(await page.locator("#portfolio thead th").nth(4).getAttribute("aria-sort") === "descending", "aria-sort");
      await button.click();
      const up = await healths();
      const namesUp = await names();
      assert(JSON.stringify(up) === JSON.stringify([...up].sort((a, b) => a - b)), `not by health, ascending: ${up}`);
      await page.locator("#portfolio thead th").nth(0).locator("button.sort").click();
      const byName = await names();
      assert(JSON.stringify(byName) === JSON.stringify([...byName].sort((a, b) => a.localeCompare(b))), "not by name");
      if (new Set(up).size > 1) {
        assert(JSON.stringify(namesUp) !== JSON.stringify(namesDown), "sorting both ways gave the same rows");
      }
      assert(problems.length === 0, problems.join("\n"));
      await page.close();
    });

    await check("portfolio filters by phase, health, client and provider", async () => {
      const { page, problems } = await open(light, pages.portfolio);
      assert(await page.locator("#portfolio-filters").isVisible(), "the filters show with JavaScript");
      const total = await page.locator("#portfolio tbody tr").count();
      for (const filter of ["phase", "band", "client", "provider"]) {
        const select = page.locator(`select[data-filter="${filter}"]`);
        const values = await select.locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
        assert(values.length > 0, `no ${filter} to choose`);
        let narrowed = false;
        for (const value of values) {
          await select.selectOption(value);
          const visible = await page.$$eval(`#portfolio tbody tr`, (rows, f) =>
            rows.filter((r) => !r.hidden).map((r) => r.getAttribute("data-" + f)), filter);
          assert(visible.length > 0, `${filter}=${value} shows no row`);
          assert(visible.every((v) => v === value), `${filter}=${value} shows ${visible}`);
          if (visible.length < total) narrowed = true;
        }
        assert(narrowed || values.length === 1, `${filter} never narrowed the table`);
        await select.selectOption("");
      }
      await page.locator('select[data-filter="phase"]').selectOption({ index: 1 });
      await page.locator("#portfolio-filters button[type=reset]").click();
      await page.waitForFunction(() => Array.from(document.querySelectorAll("#portfolio tbody tr")).every((r) => !r.hidden));
      const status = await page.locator("#portfolio-count").textContent();
      assert(status.includes(String(total)), `status: ${status}`);
      assert(problems.length === 0, problems.join("\n"));
      await page.close();
    });

    await check("without JavaScript the portfolio is complete and shows no controls", async () => {
      const page = await noScript.newPage();
      await page.goto(url(pages.portfolio));
      const rows = await page.locator("#portfolio tbody tr").count();
      const engagements = fs.readdirSync(path.join(site, "engagements")).length;
      assert(rows === engagements, `${rows} rows for ${engagements} engagements`);
      assert(!(await page.locator("#portfolio-filters").isVisible()), "filters show without JavaScript");
      assert((await page.locator("th button.sort").count()) === 0, "sort buttons without JavaScript");
      await page.close();
    });

    await check(`search finds a note by a word of its body ("${word}"), from file://`, async () => {
      const { page, problems } = await open(light, pages.search);
      await page.locator("#search-q").fill(word);
      await page.locator("#search-q").press("Enter");
      const link = page.locator(`#search-results a[href="${expect}"]`);
      await link.first().waitFor({ timeout: 5000 });
      const marked = await page.locator("#search-results mark").count();
      assert(marked > 0, "the word is marked in the results");
      await link.first().click();
      await page.waitForURL((u) => u.href.endsWith(expect));
      assert(problems.length === 0, problems.join("\n"));
      await page.close();
    });

    await check("feed.xml is well-formed XML with an Atom feed of entries", async () => {
      const page = await light.newPage();
      const text = fs.readFileSync(path.join(site, "feed.xml"), "utf8");
      const result = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, "application/xml");
        const error = doc.getElementsByTagName("parsererror")[0];
        return {
          error: error ? error.textContent : null,
          root: doc.documentElement.namespaceURI + " " + doc.documentElement.localName,
          entries: doc.getElementsByTagName("entry").length,
        };
      }, text);
      assert(!result.error, `feed.xml: ${result.error}`);
      assert(result.root === "http://www.w3.org/2005/Atom feed", `root: ${result.root}`);
      assert(result.entries > 0, "no entry");
      await page.close();
    });

    await check("search reads ?q= and says when nothing is found", async () => {
      const page = await light.newPage();
      await page.goto(url(pages.search) + "?q=zzzqqqnothing");
      const status = await page.locator("#search-status").textContent();
      assert(/Nothing found/.test(status), `status: ${status}`);
      await page.close();
    });
    if (served) {
      await checkServed(light, pages);
    }
    // Checks of one area of the report each live in their own file here
    // (checks/*.js, each exporting `async (ctx) => {}`), run in name order.
    const ctx = { browser, site, url, open, check, assert, pages, light, dark, phone, noScript, axe, describe };
    const checksDir = path.join(here, "checks");
    const extra = fs.existsSync(checksDir) ? fs.readdirSync(checksDir).filter((f) => f.endsWith(".js")).sort() : [];
    for (const file of extra) {
      await require(path.join(checksDir, file))(ctx);
    }
  } finally {
    await browser.close();
  }

  await check("every page is valid HTML (Nu Html Checker)", async () => {
    assert(fs.existsSync(vnuJar), `no ${vnuJar}`);
    const run = spawnSync("java", ["-Xss8m", "-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "json", site], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    assert(!run.error, `java: ${run.error}`);
    const report = JSON.parse(run.stderr || run.stdout || '{"messages":[]}');
    const errors = report.messages.filter((m) => m.type === "error" || m.subType === "fatal");
    const checked = fs.readdirSync(site, { recursive: true }).filter((f) => String(f).endsWith(".html")).length;
    assert(errors.length === 0, `${errors.length} errors in ${checked} pages:\n  ` +
      errors.slice(0, 20).map((m) => `${m.url} ${m.lastLine}: ${m.message}`).join("\n  "));
    console.log(`  ${checked} pages checked`);
  });

  console.log(`\nbrowser: ${passed} passed, ${failed} failed`);
  if (failed) {
    console.log("failed: " + failures.join("; "));
    process.exit(1);
  }
}

main().catch((e) => {
  console.log(`not ok - the browser tests could not run: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
