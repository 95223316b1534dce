import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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
  },
});
