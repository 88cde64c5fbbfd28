import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Application } from 'express';
import expressStaticGzip from 'express-static-gzip';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Border Bargain</title></head>
<body><h1>Border Bargain</h1><p>client not built: run npm start</p>
<p lang="es">cliente sin compilar: ejecute npm start</p></body></html>`;

/** Paths the browser app never owns: the API, Colyseus's matchmaking, and files (a missing asset is a 404, not the app). */
const NOT_THE_APP = /^\/(api|matchmake)(\/|$)|\.[a-z0-9]+$/i;

/**
 * The build names every file under assets/ by a hash of its content, so a name never
 * changes meaning: a browser keeps it for a year without asking again. Everything else
 * (index.html, which names the current assets) is checked with the server on every load.
 */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATED_CACHE = 'no-cache';

function setCacheControl(res: ServerResponse, root: string, filePath: string): void {
  const inAssets = relative(root, filePath).split(sep)[0] === 'assets';
  res.setHeader('Cache-Control', inAssets ? HASHED_ASSET_CACHE : REVALIDATED_CACHE);
}

/** A game id as the server makes them (base64url); anything else in a join link gets no hint. */
const GAME_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * A join link's page (`/?game=ID`) needs one API answer before it can show the seats
 * (client/net/connection.ts, fetchGameAndScenario). A `Link: rel=preload` header on the page
 * lets the browser ask for it at once, while the app's code is still on its way, instead of
 * after that code has arrived and run; the app's own fetch then takes the preloaded answer.
 */
export function joinLinkPreload(search: URLSearchParams): string | null {
  const gameId = search.get('game');
  if (gameId === null || !GAME_ID.test(gameId) || search.has('review') || search.has('session')) return null;
  return `</api/games/${gameId}/with-scenario>; rel=preload; as=fetch; crossorigin=anonymous`;
}

/**
 * Serves the built browser client from `distDir`, with every other GET falling back to
 * its index.html (the app routes itself). The build writes a brotli (.br) and a gzip (.gz)
 * copy beside each file (vite.config.ts), compressed once at their best ratio; a browser gets
 * the best one it accepts. Without a build, a page that says how to make one.
 */
export function serveClient(app: Application, distDir: string): void {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  app.use((req, res, next) => {
    if (req.method === 'GET' && !NOT_THE_APP.test(req.path)) {
      const preload = joinLinkPreload(new URL(req.originalUrl, 'http://page').searchParams);
      if (preload !== null) res.setHeader('Link', preload);
    }
    next();
  });
  if (existsSync(index)) {
    app.use(
      expressStaticGzip(root, {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        index: 'index.html',
        serveStatic: { cacheControl: false, fallthrough: true, setHeaders: (res: ServerResponse, filePath: string) => setCacheControl(res, root, filePath) },
      }),
    );
  }
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path)) return next();
    if (!existsSync(index)) return res.status(503).type('html').send(NOT_BUILT);
    res.setHeader('Cache-Control', REVALIDATED_CACHE);
    res.sendFile(index, { cacheControl: false });
  });
}
