import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The UI in development talks to a `zhijian serve` running on its default port.
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
