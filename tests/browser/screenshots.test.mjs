// Screenshots of the main page types in English and Arabic, at phone and
// desktop width, saved to target/screenshots/ for people to look at.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { SITE, browserContext } from "./support.mjs";

const OUT = join(process.env.SIGNPOST_ROOT ?? "../..", "target", "screenshots");
const PAGES = { home: "/", guidance: "/guidance/advocate-coordinate-network/#how", fallback: "/guidance/monitoring-evaluation/", library: "/resources/", resource: "/resources/who-2016-mhgap-intervention-guide/" };
const WIDTHS = { phone: 360, desktop: 1280 };

let env;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  env = await browserContext();
});
after(async () => env.close());

for (const lang of ["en", "ar"]) {
  for (const [name, path] of Object.entries(PAGES)) {
    for (const [device, width] of Object.entries(WIDTHS)) {
      test(`screenshot ${lang} ${name} ${device}`, async () => {
        const page = await env.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${SITE}/${lang}${path}`);
        await page.screenshot({ path: join(OUT, `${lang}-${name}-${device}.png`), fullPage: true });
        // Nothing may stick out sideways on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${overflow}px horizontal overflow`);
        await page.close();
      });
    }
  }
}
