// The engagement page in plain words (issue 15, item 3): on every
// engagement page, reasons and flags read as sentences (no machine output),
// an SLA KPI's miss never reads "near target", critical flags are open and
// the others one line each inside a closed <details>, closed actions are
// collapsed, and pills follow the colour language.
"use strict";

const fs = require("fs");
const path = require("path");

// Text the analysis used to write, and must not any more.
const MACHINE = [
  /\d+ green, \d+ amber/,
  /exposure \d+ of \d+/,
  /\d{4}-\d{2}\.\.\d{4}-\d{2}/, // a window as "2026-08..2026-10"
  /\([^()]*, (red|amber)\)/, // a month's value as "(64.7%, red)"
  /\b(provider|client) obligation\)/,
];

module.exports = async (ctx) => {
  const { check, assert, light, open, site } = ctx;
  const engagements = fs
    .readdirSync(path.join(site, "engagements"))
    .filter((d) => fs.existsSync(path.join(site, "engagements", d, "index.html")))
    .sort();

  for (const id of engagements) {
    const rel = `engagements/${id}/index.html`;

    await check(`words: ${id} reads in sentences, flags by severity, closed actions collapsed`, async () => {
      const { page, problems } = await open(light, rel);
      const found = await page.evaluate((machine) => {
        const out = { errors: [] };
        // checkVisibility sees what a closed <details> hides (content-visibility).
        const visible = (el) => el.checkVisibility();
        // 1. No machine output anywhere on the page, shown or on demand.
        const text = document.body.textContent;
        for (const source of machine) {
          const m = text.match(new RegExp(source));
          if (m) out.errors.push(`machine output "${m[0]}"`);
        }
        // 2. A scorecard row of an SLA KPI (marked by its "SLA" tag) never
        //    says "near target": a miss is a breach.
        for (const row of document.querySelectorAll("#scorecard tr")) {
          const sla = [...row.querySelectorAll("th .tag")].some((t) => t.textContent.trim() === "SLA");
          if (sla && /near target/.test(row.innerText)) {
            out.errors.push(`SLA row says near target: ${row.innerText.replace(/\s+/g, " ")}`);
          }
          if (sla) out.slaRows = (out.slaRows || 0) + 1;
        }
        // 3. Critical flags open and visible; the others inside closed <details>.
        const flags = document.getElementById("flags");
        const critical = [...flags.querySelectorAll(".flags-critical > li")];
        for (const li of critical) {
          if (li.closest("details")) out.errors.push(`critical flag inside <details>: ${li.textContent}`);
          if (!visible(li)) out.errors.push(`critical flag hidden: ${li.textContent}`);
        }
        const others = [...flags.querySelectorAll(".flag-lines > li")];
        for (const li of others) {
          const d = li.querySelector("details");
          if (!d || d.open) {
            out.errors.push(`non-critical flag not in a closed <details>: ${li.textContent}`);
            continue;
          }
          const detail = d.querySelector("p");
          if (detail && visible(detail)) out.errors.push(`details shown before asked: ${detail.textContent}`);
          if (!visible(d.querySelector("summary"))) out.errors.push(`flag line hidden: ${li.textContent}`);
        }
        out.critical = critical.map((li) => li.textContent.trim());
        out.others = others.length;
        out.flagCount = Number((document.querySelector('a[href="#flags"]').textContent.match(/\d+/) || [0])[0]);
        // 4. Closed actions: only inside a closed <details>, and no struck-through text.
        const actions = document.getElementById("actions");
        for (const row of actions.querySelectorAll("tbody tr")) {
          const closed = /^Closed/.test((row.querySelector(".rag") || { textContent: "" }).textContent.trim());
          const box = row.closest("details");
          if (closed && !(box && !box.open)) out.errors.push(`closed action shown open: ${row.innerText}`);
          if (!closed && box) out.errors.push(`open action collapsed: ${row.innerText}`);
        }
        if (actions.querySelector("s, del")) out.errors.push("struck-through action text");
        const box = actions.querySelector("details.closed-actions");
        out.closedSummary = box ? box.querySelector("summary").textContent.trim() : null;
        out.closedRows = box ? box.querySelectorAll("tbody tr").length : 0;
        // 5. Pills: a notice deadline is never green; a risk rating never green.
        for (const pill of document.querySelectorAll("#overview .rag")) {
          if (pill.closest("div").querySelector("dt").textContent === "Notice deadline" && pill.classList.contains("rag-green")) {
            out.errors.push(`green notice deadline pill: ${pill.textContent}`);
          }
        }
        for (const pill of document.querySelectorAll("#risks table .rag")) {
          if (pill.classList.contains("rag-green")) out.errors.push(`green risk rating: ${pill.textContent}`);
        }
        return out;
      }, MACHINE.map((r) => r.source));
      assert(problems.length === 0, problems.join("\n"));
      assert(found.errors.length === 0, `${rel}:\n  ${found.errors.join("\n  ")}`);
      assert(found.critical.length + found.others === found.flagCount,
        `${rel}: ${found.critical.length} critical + ${found.others} others, the contents say ${found.flagCount}`);
      if (found.closedSummary) {
        assert(found.closedSummary.startsWith(`${found.closedRows} closed action`),
          `${rel}: summary "${found.closedSummary}" for ${found.closedRows} rows`);
      }
      await page.close();
    });
  }

  await check("words: the troubled engagement's breaches and defaults are among the open critical flags", async () => {
    const rel = "engagements/brightline-customer-care/index.html";
    if (!fs.existsSync(path.join(site, rel))) return;
    const { page } = await open(light, rel);
    const critical = await page.$$eval("#flags .flags-critical > li", (lis) => lis.map((li) => li.textContent));
    const breaches = critical.filter((t) => /breached the SLA on/.test(t));
    assert(breaches.length === 3, `3 SLA breaches expected among the critical flags, got:\n  ${critical.join("\n  ")}`);
    assert(critical.some((t) => /\(defaults?\)/.test(t)), "no default named among the critical flags");
    assert(critical.some((t) => /chronic failure/.test(t)), "no chronic-failure flag among the critical ones");
    // The notice deadline 101 days away is neutral, not green (nor red).
    const notice = await page.evaluate(() => {
      const dt = [...document.querySelectorAll("#overview dt")].find((x) => x.textContent === "Notice deadline");
      const rag = dt && dt.parentElement.querySelector(".rag");
      return rag ? { cls: rag.className, text: rag.textContent.trim() } : null;
    });
    assert(notice && /rag-grey/.test(notice.cls) && notice.text === "in 101 days", `notice pill: ${JSON.stringify(notice)}`);
    // The health breakdown says why in sentences with the parties' names.
    const why = await page.$$eval("#health tr.why", (rows) => rows.map((r) => r.textContent.trim()));
    assert(why.some((t) => t.includes("Fenwick Contact Solutions gave no feedback in the last 6 months")), `feedback reason: ${why.join(" | ")}`);
    // The risk reason states the exposure the register shows, against the 50 at which the score is 0.
    const exposure = Number((await page.$eval("#risks p", (p) => p.textContent)).match(/exposure (\d+)/)[1]);
    const risk = why.find((t) => t.startsWith("Risk exposure is")) || "";
    assert(risk.startsWith(`Risk exposure is ${exposure} `) &&
      risk.includes(exposure > 50 ? "above the 50 at which the score reaches 0" : "the score would reach 0 at 50"),
      `risk reason for exposure ${exposure}: ${risk}`);
    assert(why.every((t) => /^[A-Z0-9]/.test(t) && /\.$/.test(t)), `a reason is not a sentence: ${why.join(" | ")}`);
    // Opening a one-line flag shows its details, without script.
    const first = page.locator("#flags .flag-lines details").first();
    await first.locator("summary").click();
    assert(await first.locator("p").isVisible(), "a flag's details do not open");
    await page.close();
  });
};
