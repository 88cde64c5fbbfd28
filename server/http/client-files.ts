import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express from 'express';
import type { Application } from 'express';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Border Bargain</title></head>
<body><h1>Border Bargain</h1><p>client not built: run npm start</p>
<p lang="es">cliente sin compilar: ejecute npm start</p></body></html>`;

/** Paths the browser app never owns: the API, Colyseus's matchmaking, and files (a missing asset is a 404, not the app). */
const NOT_THE_APP = /^\/(api|matchmake)(\/|$)|\.[a-z0-9]+$/i;

/**
 * Serves the built browser client from `distDir`, with every other GET falling back to
 * its index.html (the app routes itself). Without a build, a page that says how to make one.
 */
export function serveClient(app: Application, distDir: string): void {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (existsSync(index)) app.use(express.static(root, { index: 'index.html', fallthrough: true }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path)) return next();
    if (existsSync(index)) return res.sendFile(index);
    res.status(503).type('html').send(NOT_BUILT);
  });
}
