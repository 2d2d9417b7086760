// `npm run browser`: the headless browser of the dashboard tests — Debian's Chromium, driven by playwright-core
// (which downloads no browser).
//   npm run browser                  says which Chromium the tests use, or how to install one
//   npm run browser -- --install     installs Debian's `chromium` with apt-get (as root; else prints the command)
//   npm run browser -- --test        runs the browser tests
//   npm run browser -- --screenshots runs them and keeps the 360 px screenshots in docs/screenshots/
import { spawnSync } from "node:child_process";
import { findChromium } from "../test/support/browser.ts";

const args = new Set(process.argv.slice(2));
const run = (cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(cmd, argv, { stdio: "inherit", env }).status ?? 1;

let chromium = findChromium();
if (args.has("--install") && !chromium) {
  if (process.getuid?.() !== 0) {
    console.error("Cần quyền root / root needed: sudo apt-get update && sudo apt-get install -y chromium");
    process.exit(1);
  }
  if (run("apt-get", ["update"]) !== 0 || run("apt-get", ["install", "-y", "chromium"]) !== 0) process.exit(1);
  chromium = findChromium();
}
if (!chromium) {
  console.error("Không thấy Chromium / no Chromium: npm run browser -- --install (Debian), or set CHROMIUM_PATH");
  process.exit(1);
}
console.log(`Chromium: ${chromium}`);
if (args.has("--test") || args.has("--screenshots")) {
  const env = args.has("--screenshots") ? { ...process.env, SCREENSHOTS_DIR: "docs/screenshots" } : process.env;
  process.exit(run("npx", ["vitest", "run", "test/dashboard/browser.test.ts"], env));
}
