// Shared setup for the browser tests: one headless Debian Chromium per test
// file, launched with the flags this machine needs (no background
// networking: the sandbox has no network but the package registries).
import { chromium } from "playwright-core";

export const SITE = process.env.SITE_URL ?? "http://127.0.0.1:1111";

// A fresh browser context with its own settings (locale, JavaScript, viewport).
export async function browserContext(options = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const context = await browser.newContext(options);
  return { browser, context, close: () => browser.close() };
}
