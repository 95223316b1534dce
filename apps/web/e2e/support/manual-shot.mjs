// Ad-hoc: node manual-shot.mjs <baseUrl> <email> <path> [<path>...]  → /tmp/shots/*.png
import { chromium } from "playwright-core";

const [base, email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({
  viewport: { width: Number(process.env.W ?? 1280), height: 900 },
});
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") console.log("console:", m.text());
});
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(`${base}/anmelden`);
await page.getByLabel("E-Mail-Adresse").fill(email);
await page.getByLabel("Passwort").fill("runder-tisch-demo");
await page.getByRole("button", { name: "Anmelden" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/anmelden"));
for (const p of paths) {
  await page.goto(`${base}${p}`);
  await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
  const name = p.replace(/[^a-z0-9]+/gi, "_") || "root";
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log("shot", name);
}
await browser.close();
