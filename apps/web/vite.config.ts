import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Rolldown names a chunk shared by modules of several folders after their common folder,
 * which gives two different chunks the same name ("src"). Such a chunk is named after the
 * first workspace package or library it holds, so every chunk has a name of its own (the
 * bundle table in docs/benchmarks.md lists chunks by name).
 */
function chunkFileName(chunk: { name: string; moduleIds: readonly string[] }): string {
  if (chunk.name !== "src") return "assets/[name]-[hash].js";
  const owner = chunk.moduleIds
    .map(
      (id) =>
        /[\\/]packages[\\/]([^\\/]+)[\\/]/.exec(id)?.[1] ??
        /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/.][^\\/]*)[\\/](?!.*node_modules)/.exec(
          id,
        )?.[1],
    )
    .find((name) => name !== undefined);
  return owner ? `assets/${owner.replace(/[@\\/]/g, "")}-[hash].js` : "assets/[name]-[hash].js";
}

const LIVE_DOCUMENT =
  /[\\/](node_modules[\\/].*[\\/](yjs|lib0|y-websocket|y-protocols|y-indexeddb)|pages[\\/]conference-room[\\/](presence|save-indicator|conference-connection|use-conference-connection))[\\/.]/;

const isEntryModule = (id: string) => /[\\/](index\.html|src[\\/]main\.tsx)$/.test(id);

// The API server; `vite` proxies /api (including the collaboration websocket) to it.
const apiTarget = process.env.RT_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // The editor chunk is large by nature; it is loaded only in the conference room.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        chunkFileNames: chunkFileName,
        // What the first page needs is loaded by every page anyway, so it goes out as one chunk
        // ("shell") instead of a chunk per set of pages sharing it. Rolldown's own merging of
        // such chunks is off here, since main.tsx awaits the translations at the top level.
        // The entry module stays out of the group, or the build would have no entry chunk.
        codeSplitting: {
          groups: [
            { name: "shell", tags: ["$initial"], test: (id) => !isEntryModule(id) },
            // The live document's client (Yjs, its websocket and the save bookkeeping) is
            // needed by both rooms as a whole; one chunk compresses better than five.
            { name: "live-document", test: (id) => LIVE_DOCUMENT.test(id) },
          ],
        },
      },
    },
  },
});
