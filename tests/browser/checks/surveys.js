// Surveys with respondents as a reader sees them (issue 17): the side below
// the privacy floor says so and shows no figure, the comments come in
// alphabetical order, the two survey charts are drawn, and the section
// passes axe in both schemes.
"use strict";

module.exports = async ({ open, check, assert, light, dark, phone, axe, describe }) => {
  const rel = "engagements/calloway-it-service-desk/index.html";

  await check("surveys: a side below the floor shows its count only, in light, dark and on a phone", async () => {
    for (const context of [light, dark, phone]) {
      const { page, problems } = await open(context, rel);
      const rows = await page.$$eval("#trust table.survey-respondents tbody tr", (trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
      const provider = rows.find((r) => r[0] === "Provider");
      assert(provider, `no provider row: ${JSON.stringify(rows)}`);
      assert(/^fewer than 3 responses/.test(provider[1]), `provider says ${provider[1]}`);
      assert(provider[2] === "—", `provider NPS ${provider[2]}`);
      const comments = await page.$$eval("#trust .survey-comments li", (lis) => lis.map((l) => l.textContent.trim()));
      assert(comments.length > 0, "no comment shown");
      assert(JSON.stringify(comments) === JSON.stringify([...comments].sort()), `not alphabetical: ${comments}`);
      const charts = await page.$$eval("#trust svg.chart", (svgs) => svgs.length);
      assert(charts >= 2, `${charts} survey charts`);
      assert(problems.length === 0, problems.join("\n"));
      if (context !== phone) {
        const violations = await axe(page);
        assert(violations.length === 0, describe(violations));
      }
      await page.close();
    }
  });
};
