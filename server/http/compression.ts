import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * Compresses what the server writes on the fly (API answers, the app's page at a route
 * of its own): brotli where the browser takes it, else gzip. Files the build already
 * compressed go out as they are (a response that names its encoding is left alone).
 * Why `compression`: Express's own middleware, brotli included since 1.8.
 */
export function compressResponses(): RequestHandler {
  return compression();
}
