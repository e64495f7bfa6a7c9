// Escalations and root causes as a reader sees them (issue 18): the
// escalations section with its timeline and the state pills, in both
// schemes and on a phone without a pill running out of its card; the
// breaches table's root-cause column with its link and "no root cause".
"use strict";

module.exports = async ({ open, check, assert, light, dark, phone, axe, describe }) => {
  const brightline = "engagements/brightline-customer-care/index.html";
  const tessera = "engagements/tessera-claims-intake/index.html";

  await check("escalations: the section, its timeline and pills, in light and dark, on a phone", async () => {
    for (const context of [light, dark, phone]) {
      const { page } = await open(context, brightline);
      const section = await page.$("section#escalations");
      assert(section, "no escalations section");
      const text = await section.textContent();
      assert(text.includes("past its time box: raise to Executive steering committee"), "the open one says where to raise it");
      const chart = await page.evaluate(() =>
        [...document.querySelectorAll("section#escalations svg.chart")].some((svg) => svg.getBoundingClientRect().width > 100),
      );
      assert(chart, "the timeline is shown");
      // Every pill stays within its cell's card (it overflowed on a phone once).
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll("section#escalations td .rag")]
          .filter((pill) => {
            const cell = pill.closest("tr").getBoundingClientRect();
            const box = pill.getBoundingClientRect();
            return box.right > cell.right + 1;
          })
          .map((pill) => pill.textContent),
      );
      assert(overflow.length === 0, `pills out of their row: ${overflow.join(", ")}`);
      if (context !== phone) {
        const violations = await axe(page);
        assert(violations.length === 0, describe(violations));
      }
    }
  });

  await check("root causes: the breaches table links the note and says \"no root cause\"", async () => {
    for (const context of [light, phone]) {
      const { page } = await open(context, tessera);
      const sla = await page.$("section#sla");
      const text = await sla.textContent();
      assert(text.includes("no root cause (due 2026-01-10)"), "the missing one is named");
      const link = await sla.$("a[href='notes/2026-10-08-fnol-root-cause.html']");
      assert(link, "the root-cause note is linked");
      if (context !== phone) {
        const violations = await axe(page);
        assert(violations.length === 0, describe(violations));
      }
    }
  });
};
