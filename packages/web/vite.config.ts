import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where `npm run dev -w @luodi/web` sends `/api`: a server started on its default port. */
const apiTarget = process.env.LUODI_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // scripts/bundle-size.ts reads the manifest to measure what the first page load downloads.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
