// The digest as a mail client shows it: one page that needs nothing else
// (no request leaves it, no script runs), readable on a phone without
// sideways scrolling, and accessible (axe).
"use strict";

const fs = require("fs");
const path = require("path");

module.exports = async ({ site, open, check, assert, light, phone, axe, describe }) => {
  const digests = ["digest.html"].concat(
    fs.readdirSync(path.join(site, "engagements"))
      .map((id) => `engagements/${id}/digest.html`)
      .filter((rel) => fs.existsSync(path.join(site, rel))));

  await check(`digest: ${digests.length} digests load nothing else and run no script`, async () => {
    for (const rel of digests) {
      const { page, problems } = await open(light, rel);
      const requests = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.reload();
      const scripts = await page.locator("script").count();
      assert(scripts === 0, `${rel}: ${scripts} scripts`);
      const others = requests.filter((u) => !u.endsWith(rel));
      assert(others.length === 0, `${rel} requests ${others.join(", ")}`);
      assert(problems.length === 0, problems.join("\n"));
      await page.close();
    }
  });

  await check("digest: no serious accessibility violation, and no sideways scroll at 375 px", async () => {
    for (const rel of digests) {
      const { page } = await open(light, rel);
      const violations = await axe(page);
      assert(violations.length === 0, `${rel}:\n  ${describe(violations)}`);
      await page.close();
      const narrow = await open(phone, rel);
      const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `${rel} is ${overflow} px wider than the phone`);
      await narrow.page.close();
    }
  });
};
