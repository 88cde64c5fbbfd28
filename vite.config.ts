import type { IncomingMessage } from 'node:http';
import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The game server (server/main.ts) listens on PORT, 2567 by default.
const gameServer = `http://localhost:${process.env.PORT ?? '2567'}`;

// In production the game server serves dist/ itself, so the client always talks
// to its own origin: `new Client(location.origin)` (or the SDK's default
// endpoint), `fetch('/api/...')`. In dev the page comes from Vite on 5173, and
// the proxy below forwards the same paths to the game server, so the client
// needs no dev-only branch.
//
// How @colyseus/sdk 0.18 reaches a room: HTTP POST /matchmake/<method>/<room>
// for a seat reservation, then a WebSocket to /<processId>/<roomId>?sessionId=…
// Those WebSocket paths have no fixed prefix, so they are matched by shape
// (two path segments); Vite's own HMR socket lives at `/` and never matches.
function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return req.headers.upgrade?.toLowerCase() === 'websocket';
}

export default defineConfig({
  root: 'client',
  plugins: [
    // Each file is compressed once, at build time, at the best ratio (brotli 11 is too slow to
    // run per request: 2 s for Phaser), and the server sends the copy the browser accepts
    // (server/http/client-files.ts). Why this plugin: maintained, and it works with Vite 8's bundler.
    compression({
      algorithms: [defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // Phaser alone is ~1.2 MB minified; it gets its own long-cached chunk, and
    // the warning stays on for anything else that grows past our own budget.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser[\\/]/, priority: 2 },
            // Charts are drawn only on review pages, which load them lazily: keep them off the first load.
            { name: 'charts', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/, priority: 2 },
            // The QR encoder is drawn only for the instructor and the projector, which load it lazily.
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: gameServer, changeOrigin: true },
      '/matchmake': { target: gameServer, changeOrigin: true },
      '^/[\\w-]+/[\\w-]+(\\?|$)': {
        target: gameServer,
        ws: true,
        changeOrigin: true,
        // The same shape can be a page route (/join/ABC123): plain HTTP stays with Vite.
        bypass: (req) => (isWebSocketUpgrade(req) ? undefined : req.url),
      },
    },
  },
});
