// End-to-end test of the web timeline in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core): starts the demo server (an
// in-memory store seeded with the bundled corpus), loads the page, waits for
// the entries, clicks one on the chart and checks that its sources appear,
// zooms, filters by date, and saves a screenshot to target/browser/timeline.png.
//
//   npm ci && node timeline.test.mjs
//
// DATELINE_DEMO_SERVER=path/to/demo_server skips `cargo run`; CHROMIUM=path
// picks another browser binary. Exits non-zero when a check fails.

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../../../..");
const screenshot = join(repo, "target/browser/timeline.png");
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Starts the demo server; resolves with its base URL once it listens. */
function startServer() {
  const [cmd, args] = process.env.DATELINE_DEMO_SERVER
    ? [process.env.DATELINE_DEMO_SERVER, []]
    : ["cargo", ["run", "--quiet", "-p", "dateline-serve", "--example", "demo_server", "--"]];
  const child = spawn(cmd, [...args, "--addr", "127.0.0.1:0"], {
    cwd: repo,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise((resolveUrl, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`demo server exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const m = /^listening on (http:\/\/\S+)$/.exec(line);
      if (m) resolveUrl(m[1]);
    });
  });
  return { child, ready };
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`ok   ${name}`);
  } catch (err) {
    results.push([name, err]);
    console.log(`FAIL ${name}\n     ${String(err && err.stack || err).split("\n").join("\n     ")}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const server = startServer();
const profile = mkdtempSync(join(tmpdir(), "dateline-chromium-"));
let context;
try {
  const base = await server.ready;
  console.log(`server at ${base}`);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console: ${msg.text()}`); });
  page.on("request", (req) => {
    if (!req.url().startsWith(base) && !req.url().startsWith("data:")) problems.push(`outside request: ${req.url()}`);
  });

  const api = await (await fetch(`${base}/api/timeline`)).json();

  await check("the page loads and lists the timeline's entries", async () => {
    await page.goto(`${base}/`);
    await page.locator("#entries li").first().waitFor();
    const listed = await page.locator("#entries li").count();
    assert(listed === api.entries.length, `${listed} listed, the API has ${api.entries.length}`);
    assert(listed > 10, `only ${listed} entries`);
    const status = await page.locator("#status").textContent();
    assert(status.startsWith(`${listed} entries`), `status: ${status}`);
  });

  await check("the chart draws markers coloured by status, with a legend", async () => {
    const markers = await page.locator("#chart .marker").count();
    assert(markers > 10, `${markers} markers`);
    const ceasefireMarkers = await page.locator("#chart .marker circle:not(.status-event)").count();
    assert(ceasefireMarkers > 0, "no ceasefire marker");
    const fill = await page.locator("#chart .marker circle.status-proposed, #chart .marker circle.status-declared, #chart .marker circle.status-in_effect").first()
      .evaluate((c) => getComputedStyle(c).fill);
    const eventFill = await page.locator("#chart .marker circle.status-event").first().evaluate((c) => getComputedStyle(c).fill);
    assert(fill !== eventFill, `a ceasefire is drawn like an event (${fill})`);
    assert((await page.locator("#legend li").count()) === 9, "legend has not 8 statuses + event");
  });

  await check("clicking a ceasefire on the chart shows its details and sources", async () => {
    const marker = page.locator("#chart .marker:has(circle:not(.status-event))").first();
    const index = Number(await marker.getAttribute("data-index"));
    const entry = api.entries[index];
    await marker.click();
    await page.locator("#details .sources li").first().waitFor();
    assert((await page.locator("#details .summary").textContent()) === entry.summary, "wrong summary");
    const links = page.locator("#details .sources li > a:first-child");
    assert((await links.count()) === entry.sources.length, "not every source is listed");
    for (const [i, source] of entry.sources.entries()) {
      const link = links.nth(i);
      const text = await link.textContent();
      assert(text === (source.title || source.url || source.doc), `source ${i}: ${text}`);
      const href = await link.getAttribute("href");
      assert(href === (source.url || `/api/documents/${source.doc}`), `source ${i} links to ${href}`);
    }
    const pressed = page.locator(`#entries button[data-index="${index}"]`);
    assert((await pressed.getAttribute("aria-pressed")) === "true", "the list does not mark the entry");
    await page.screenshot({ path: screenshot, fullPage: true });
  });

  await check("a source's JSON link opens the stored document", async () => {
    const href = await page.locator("#details .sources a.badge").first().getAttribute("href");
    const doc = await (await fetch(base + href)).json();
    assert(typeof doc.text === "string" && doc.text.length > 0, `${href} has no text`);
  });

  await check("zoom buttons and the wheel change the visible span", async () => {
    const ticks = () => page.locator("#chart .axis text").allTextContents();
    const before = await ticks();
    await page.click("#zoom-in");
    await page.click("#zoom-in");
    const zoomed = await ticks();
    assert(zoomed.join() !== before.join(), "zoom-in changed nothing");
    await page.click("#zoom-fit");
    assert((await ticks()).join() === before.join(), "fit does not restore the view");
    const box = await page.locator("#chart").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, -400);
    assert((await ticks()).join() !== before.join(), "the wheel does not zoom");
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 200, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.click("#zoom-fit");
  });

  await check("the query form narrows the timeline to a date range", async () => {
    await page.fill('input[name="from"]', "2016-02-01");
    await page.fill('input[name="to"]', "2016-02-29");
    await page.click('form#query button[type="submit"]');
    await page.waitForFunction((n) => document.querySelectorAll("#entries li").length !== n, api.entries.length);
    const dates = await page.locator("#entries .date").allTextContents();
    assert(dates.length > 0, "nothing in February 2016");
    assert(dates.every((d) => d.startsWith("2016-02")), `outside the range: ${dates}`);
    assert(page.url().includes("from=2016-02-01"), `the URL does not keep the query: ${page.url()}`);
  });

  await check("no errors and no requests outside the server", async () => {
    assert(problems.length === 0, problems.join("\n"));
  });
} catch (err) {
  results.push(["setup", err]);
  console.log(`FAIL setup\n     ${err && err.stack || err}`);
} finally {
  if (context) await context.close();
  server.child.kill("SIGINT");
  rmSync(profile, { recursive: true, force: true });
}

const failed = results.filter(([, err]) => err).length;
console.log(`screenshot: ${screenshot}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
