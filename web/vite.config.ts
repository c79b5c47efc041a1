// Dev server proxies the API's paths to API_URL (default: the API on port 4000); `build` writes dist/,
// which the API serves from the same origin in production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';
const apiPaths = ['/graphql', '/leads', '/purchases/csv', '/webhooks', '/healthz', '/admin/queues'];
const proxy = Object.fromEntries(apiPaths.map((path) => [path, { target: apiUrl }]));

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy,
  },
  // the stand-alone web server of docker-compose.yml (`vite preview`) proxies the same paths
  preview: { port: 4173, proxy },
  build: { outDir: 'dist', emptyOutDir: true },
});
