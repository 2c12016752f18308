import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API `npm run dev` proxies to: a running `roam up`. */
const server = process.env.ROAM_SERVER ?? 'http://127.0.0.1:7070';
const proxied = ['/apis', '/whoami', '/signin', '/metrics', '/openapi.json', '/healthz', '/readyz'];

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: server, changeOrigin: false }])),
  },
});
