import { startApp } from "./start-app.ts";

// Manual checks: `node --import tsx apps/web/e2e/support/serve.ts` after `vite build`.
const running = await startApp();
process.stdout.write(`web app with demo data on ${running.baseUrl}\n`);
process.once("SIGTERM", () => void running.close().then(() => process.exit(0)));
process.once("SIGINT", () => void running.close().then(() => process.exit(0)));
