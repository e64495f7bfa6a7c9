// Registers (actions.html, risks.html), wide tables on phones, and search as
// you type. Values to filter by and words to type are read from the built
// site, never written here.
"use strict";

const fs = require("fs");
const path = require("path");

/** Cells one can see that reach outside the viewport (th and td). A cell
 * inside a visually-hidden box (a clipped 1 px heading row) is not seen. */
function cellsOutside(besideCharts) {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (a.getBoundingClientRect().width <= 1 && getComputedStyle(a).overflow === "hidden") return true;
    }
    return false;
  };
  return Array.from(document.querySelectorAll("th, td"))
    .filter((c) => c.checkVisibility() && !clipped(c) && !(besideCharts && c.closest("figure.chart")))
    .filter((c) => {
      const r = c.getBoundingClientRect();
      return r.right > width + 1 || r.left < -1;
    })
    .slice(0, 5)
    .map((c) => {
      const t = c.closest("table");
      const caption = t && t.caption ? t.caption.textContent.trim().slice(0, 40) : "";
      return `${c.tagName.toLowerCase()} "${c.textContent.trim().slice(0, 30)}" right ${Math.round(c.getBoundingClientRect().right)} (table "${caption}")`;
    });
}

/** A note of the site with a table of its own, if any. */
function noteWithTable(site) {
  const dir = path.join(site, "engagements");
  for (const e of fs.readdirSync(dir).sort()) {
    const notes = path.join(dir, e, "notes");
    if (!fs.existsSync(notes)) continue;
    for (const f of fs.readdirSync(notes).sort()) {
      if (fs.readFileSync(path.join(notes, f), "utf8").includes('class="table-cards"')) {
        return `engagements/${e}/notes/${f}`;
      }
    }
  }
  return null;
}

/** The register's rows as a reader sees them: shown, with what they match. */
function rowsSeen() {
  return Array.from(document.querySelectorAll("section.register table[data-owner] tbody tr:not(.group)"))
    .filter((r) => r.checkVisibility())
    .map((r) => {
      const table = r.closest("table");
      const cell = r.cells[Number(table.getAttribute("data-owner"))];
      return {
        engagement: r.closest("section").getAttribute("data-engagement"),
        owner: cell ? cell.textContent.trim() : "",
        states: (r.getAttribute("data-state") || r.parentElement.getAttribute("data-state") || "").split(" "),
      };
    });
}

/** The first number the status line gives: the rows shown. */
async function shownCount(page) {
  const status = await page.locator("#register-count").textContent();
  const m = /Showing ([\d,]+)/.exec(status);
  return { n: m ? Number(m[1].replace(/,/g, "")) : NaN, status };
}

async function filtersWork(ctx, rel) {
  const { open, light, assert } = ctx;
  const { page, problems } = await open(light, rel);
  assert(await page.locator("#register-filters").isVisible(), "the filters show with JavaScript");
  const all = await page.evaluate(rowsSeen);
  let { n, status } = await shownCount(page);
  assert(n === all.length, `status "${status}" but ${all.length} rows are seen`);
  const key = { engagement: "engagement", owner: "owner", state: "state" };
  for (const filter of Object.keys(key)) {
    const select = page.locator(`select[data-filter="${filter}"]`);
    const values = await select.locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert(values.length > 0, `no ${filter} to choose`);
    let narrowed = false;
    for (const value of values.slice(0, 8)) {
      await select.selectOption(value);
      const seen = await page.evaluate(rowsSeen);
      ({ n, status } = await shownCount(page));
      assert(seen.length === n, `${filter}=${value}: status "${status}" but ${seen.length} rows are seen`);
      assert(seen.length > 0 || /more closed/.test(status), `${filter}=${value} shows nothing`);
      const wrong = seen.filter((r) => (filter === "state" ? !r.states.includes(value) : r[key[filter]] !== value));
      assert(wrong.length === 0, `${filter}=${value} shows ${JSON.stringify(wrong.slice(0, 3))}`);
      if (seen.length < all.length) narrowed = true;
      // Sections left with nothing to show are hidden.
      const empty = await page.$$eval("section.register", (ss) =>
        ss.filter((s) => s.checkVisibility() && !Array.from(s.querySelectorAll("tbody tr:not(.group)")).some((r) => !r.hidden)).length);
      assert(empty === 0, `${filter}=${value} leaves ${empty} empty sections shown`);
    }
    assert(narrowed || values.length === 1, `${filter} never narrowed the register`);
    await select.selectOption("");
  }
  // Two at once: the state of the first engagement's first row, in that engagement.
  const first = all[0];
  await page.locator('select[data-filter="engagement"]').selectOption(first.engagement);
  await page.locator('select[data-filter="state"]').selectOption(first.states[first.states.length - 1]);
  const both = await page.evaluate(rowsSeen);
  assert(both.length > 0 && both.every((r) => r.engagement === first.engagement), "engagement and state together");
  await page.locator("#register-filters button[type=reset]").click();
  await page.waitForFunction(() => Array.from(document.querySelectorAll("section.register")).every((s) => !s.hidden));
  assert(problems.length === 0, problems.join("\n"));
  await page.close();
}

module.exports = async (ctx) => {
  const { site, url, open, check, assert, pages, light, phone, noScript } = ctx;

  const wide = ["portfolio", "report", "actions", "risks", "note", "pack"].filter((k) => pages[k]).map((k) => pages[k]);
  const tabled = noteWithTable(site);
  if (tabled && !wide.includes(tabled)) wide.push(tabled);
  for (const rel of wide) {
    await check(`registers: no table cell outside the viewport at 375 px, ${rel}`, async () => {
      const { page, problems } = await open(phone, rel);
      const closed = await page.evaluate(cellsOutside, false);
      assert(closed.length === 0, `cells outside, details closed: ${closed.join("; ")}`);
      // Folded register items are cards too; a chart's data table, opened,
      // keeps its columns and scrolls inside its own box, never the page.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
      const opened = await page.evaluate(cellsOutside, true);
      assert(opened.length === 0, `cells outside with every fold open: ${opened.join("; ")}`);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(scroll <= 0, `with every fold open the page scrolls ${scroll} px sideways`);
      assert(problems.length === 0, problems.join("\n"));
      await page.close();
    });
  }

  for (const rel of [pages.actions, pages.risks]) {
    await check(`registers: ${rel} passes axe in the dark scheme, filters shown and a fold open`, async () => {
      const { page, problems } = await open(ctx.dark, rel);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
      const serious = await ctx.axe(page);
      assert(problems.length === 0, problems.join("\n"));
      assert(serious.length === 0, ctx.describe(serious));
      await page.close();
    });
  }

  await check("registers: actions.html filters by engagement, owner and state; the count matches the rows seen", async () => {
    await filtersWork(ctx, pages.actions);
  });
  await check("registers: risks.html filters by engagement, owner and state; the count matches the rows seen", async () => {
    await filtersWork(ctx, pages.risks);
  });

  await check("registers: without JavaScript, one section per engagement with its items, closed ones folded, no filter controls", async () => {
    const page = await noScript.newPage();
    for (const rel of [pages.actions, pages.risks]) {
      await page.goto(url(rel));
      assert(!(await page.locator("#register-filters").isVisible()), `${rel}: filters show without JavaScript`);
      assert((await page.locator("select:visible, button[type=reset]:visible").count()) === 0, `${rel}: controls show`);
      const sections = await page.$$eval("section.register", (ss) => ss.map((s) => ({
        id: s.getAttribute("data-engagement"),
        heading: !!s.querySelector("h2 a[href]"),
        open: s.querySelectorAll(":scope > table tbody tr:not(.group), :scope > .table-scroll table tbody tr").length,
        folded: s.querySelectorAll("details tbody tr").length,
        foldsClosed: Array.from(s.querySelectorAll("details")).every((d) => !d.open),
      })));
      const quiet = await page.locator("main > p.muted a").count();
      const engagements = fs.readdirSync(path.join(site, "engagements")).filter((d) => fs.existsSync(path.join(site, "engagements", d, "index.html")));
      assert(sections.length + quiet === engagements.length, `${rel}: ${sections.length} sections and ${quiet} without items for ${engagements.length} engagements`);
      assert(new Set(sections.map((s) => s.id)).size === sections.length, `${rel}: an engagement twice`);
      assert(sections.every((s) => s.heading && s.open + s.folded > 0 && s.foldsClosed), `${rel}: a section without heading, items or with an open fold`);
      // The lede's open count is the rows listed open.
      const lede = await page.locator("p.lede").textContent();
      const open = sections.reduce((n, s) => n + s.open, 0);
      const said = Number((/^([\d,]+) open/.exec(lede) || ["", "NaN"])[1].replace(/,/g, ""));
      assert(said === open, `${rel}: lede "${lede.slice(0, 60)}" but ${open} open rows`);
    }
    await page.close();
  });

  await check("registers: an action's text leaves out the owner and due date its columns show", async () => {
    const { page } = await open(light, pages.actions);
    const repeated = await page.$$eval("section.register table tbody tr:not(.group)", (rows) => rows
      .map((r) => ({ text: r.cells[0].textContent, owner: r.cells[1].textContent.trim(), due: r.cells[2].textContent.trim() }))
      .filter((r) => (r.owner !== "—" && r.text.startsWith(r.owner + ":")) || /\(due \d{4}-\d\d-\d\d\)/.test(r.text))
      .map((r) => r.text));
    const rows = await page.locator("section.register tbody tr:not(.group)").count();
    assert(rows > 0, "no action listed");
    assert(repeated.length === 0, `text repeats its columns: ${repeated.slice(0, 3).join(" | ")}`);
    await page.close();
  });

  await check("registers: search shows results while typing, without Enter; ?q= still works; without script the form submits", async () => {
    // A word of a note's text, from the site's own index.
    const source = fs.readFileSync(path.join(site, "search-index.json"), "utf8");
    const index = JSON.parse(source);
    const note = index.entries.find((e) => e.kind === "note" && /\b[a-z]{9,}\b/.test(e.text));
    assert(note, "no note with a long word in the index");
    const word = /\b([a-z]{9,})\b/.exec(note.text)[1];
    const typed = word.slice(0, 6);
    const { page, problems } = await open(light, pages.search);
    await page.locator("#search-q").pressSequentially(typed, { delay: 40 });
    // No Enter: the results follow the letters typed so far.
    await page.waitForFunction((t) => document.getElementById("search-status").textContent.includes(`for “${t}”`), typed, { timeout: 5000 });
    await page.locator(`#search-results a[href="${note.url}"]`).first().waitFor({ timeout: 5000 });
    await page.goto(url(pages.search) + "?q=" + encodeURIComponent(word));
    await page.locator(`#search-results a[href="${note.url}"]`).first().waitFor({ timeout: 5000 });
    assert(problems.length === 0, problems.join("\n"));
    await page.close();
    const plain = await noScript.newPage();
    await plain.goto(url(pages.search));
    await plain.locator("#search-q").fill(word);
    await plain.locator("#search-q").press("Enter");
    await plain.waitForURL((u) => u.search === `?q=${encodeURIComponent(word)}`);
    await plain.close();
  });
};
