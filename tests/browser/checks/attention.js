// The portfolio as a vendor manager opens it on Monday: worst health first,
// the attention list before anything else in <main>, each item leading to a
// place that exists, and (in an internal build) the partner's figure beside
// each health figure.
"use strict";

const fs = require("fs");
const path = require("path");

module.exports = async ({ site, url, open, check, assert, light, noScript, phone }) => {
  const internal = fs.readFileSync(path.join(site, "index.html"), "utf8").includes("Built for: <strong>internal");

  await check("attention: the portfolio's first rows are the lowest health, no score last", async () => {
    const { page, problems } = await open(light, "index.html");
    // As built, before any click: the order a reader meets.
    const healths = await page.$$eval("#portfolio tbody tr", (rows) =>
      rows.map((r) => {
        const text = r.querySelector('td[data-label="Health"] .hcell strong').textContent.trim();
        return /^\d+$/.test(text) ? Number(text) : null;
      }));
    assert(healths.length > 1, `${healths.length} rows`);
    const scored = healths.filter((h) => h !== null);
    const firstNone = healths.indexOf(null);
    assert(firstNone === -1 || healths.slice(firstNone).every((h) => h === null), `a row without a score before a scored one: ${healths}`);
    assert(JSON.stringify(scored) === JSON.stringify([...scored].sort((a, b) => a - b)), `not ascending: ${healths}`);
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  });

  await check("attention: the list is the first thing in <main> after the heading, complete without JavaScript", async () => {
    const { page, problems } = await open(light, "index.html");
    const order = await page.evaluate(() => Array.from(document.querySelector("main").children).slice(0, 2).map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")));
    assert(order[0] === "h1" && order[1] === "section#attention", `main begins with ${order}`);
    const heading = await page.locator("#attention h2").textContent();
    assert(/attention/i.test(heading), `heading: ${heading}`);
    const withScript = await page.locator("#attention li").count();
    const bare = await noScript.newPage();
    await bare.goto(url("index.html"));
    const without = await bare.locator("#attention li").count();
    assert(without === withScript, `${without} items without JavaScript, ${withScript} with`);
    // Every item says its severity in words, not only in colour.
    const words = await bare.$$eval("#attention li .rag", (badges) => badges.map((b) => b.textContent.trim()));
    assert(words.length === without && words.every((w) => w === "critical" || w === "warning"), `severities: ${words}`);
    await bare.close();
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  });

  await check("attention: each item links to an existing element of its engagement page", async () => {
    const { page, problems } = await open(light, "index.html");
    const links = await page.$$eval("#attention li a", (as) => as.map((a) => a.getAttribute("href")));
    assert(links.length > 0 || !(await page.locator("#attention ol").count()), "no links in the list");
    // Each page opened once, for all the places it is linked to.
    const places = new Map();
    for (const href of links) {
      const [file, id] = href.split("#");
      assert(id, `${href} names no place`);
      places.set(file, (places.get(file) || []).concat(id));
    }
    for (const [file, ids] of places) {
      const target = await open(light, file);
      for (const id of ids) {
        const found = await target.page.locator(`[id="${id}"]`).count();
        assert(found === 1, `${file}#${id}: ${found} elements with that id`);
      }
      assert(target.problems.length === 0, target.problems.join("\n"));
      await target.page.close();
    }
    // Following a link lands on the place.
    if (links.length) {
      await page.locator("#attention li a").first().click();
      await page.waitForLoadState("load");
      const hash = new URL(page.url()).hash.slice(1);
      const visible = await page.locator(`[id="${hash}"]`).isVisible();
      assert(visible, `#${hash} is not visible after following the link`);
    }
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  });

  await check("attention: the next deadline column sorts by date, none last", async () => {
    const { page, problems } = await open(light, "index.html");
    const headers = await page.$$eval("#portfolio thead th", (ths) => ths.map((th) => th.textContent.trim()));
    const at = headers.findIndex((h) => h.startsWith("Next deadline"));
    assert(at > 0, `no Next deadline column: ${headers}`);
    await page.locator("#portfolio thead th").nth(at).locator("button.sort").click();
    const dates = await page.$$eval("#portfolio tbody tr", (rows, i) => rows.map((r) => {
      const t = r.cells[i].querySelector("time");
      return t ? t.getAttribute("datetime") : null;
    }), at);
    const known = dates.filter(Boolean);
    assert(JSON.stringify(known) === JSON.stringify([...known].sort()), `not by date: ${dates}`);
    assert(dates.indexOf(null) === -1 || dates.slice(dates.indexOf(null)).every((d) => d === null), `none before a date: ${dates}`);
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  });

  await check("attention: partner-view figures beside each health figure (internal build only)", async () => {
    const { page, problems } = await open(light, "index.html");
    const rows = await page.locator("#portfolio tbody tr").count();
    const figures = await page.$$eval("#portfolio tbody tr", (trs) => trs.map((tr) => {
      const p = tr.querySelector('td[data-label="Health"] .partner-view');
      return p ? p.textContent.trim() : null;
    }));
    if (internal) {
      assert(figures.every((f) => /^partner view: (\d+|no data)$/.test(f || "")), `rows: ${figures}`);
      const engagement = await page.$eval("#portfolio tbody tr th a", (a) => a.getAttribute("href"));
      const report = await open(light, engagement);
      const headline = await report.page.locator(".facts .partner-view").textContent();
      assert(/^partner view: (\d+|no data)$/.test(headline.trim()), `headline: ${headline}`);
      assert(await report.page.locator("#partner-view").isVisible(), "the explanation is on the page");
      assert(report.problems.length === 0, report.problems.join("\n"));
      await report.page.close();
    } else {
      assert(figures.every((f) => f === null), `a shared build shows ${figures}`);
    }
    assert(rows === figures.length);
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  });

  await check("attention: at 375 px the list fits the screen", async () => {
    const { page, problems } = await open(phone, "index.html");
    const wide = await page.$$eval("#attention li", (lis) => lis.filter((li) => li.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
    assert(wide === 0, `${wide} items wider than the screen`);
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
  });
};
