import { defineConfig } from "vite";

// dais serves dist/ at / (dais/http/ui.py): hashed assets under /assets/, index.html for
// every page. `npm run dev` proxies the API and git to a dais on DAIS_URL (default :8080).
const dais = process.env.DAIS_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  base: "/",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { "/api": dais },
  },
});
