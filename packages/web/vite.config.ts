import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/precompress.ts";

/** Where `npm run dev -w @luodi/web` sends `/api`: a server started on its default port. */
const apiTarget = process.env.LUODI_API_URL ?? "http://127.0.0.1:3000";

/**
 * The placeholder Vite writes as the nonce of index.html's tags and of its <meta property="csp-nonce">;
 * the server puts each response's own nonce in its place (packages/server/src/http/web-app.ts), and the
 * app hands it to Ant Design for the <style> elements it writes (src/App.tsx).
 */
const CSP_NONCE_PLACEHOLDER = "__LUODI_CSP_NONCE__";

export default defineConfig({
  // Brotli and gzip copies of the hashed assets, served by the server as the browser accepts them.
  plugins: [react(), precompress()],
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
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
