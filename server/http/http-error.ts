import type { Response } from 'express';
import type { z } from 'zod';

/** The one shape of an HTTP error body: a namespaced code, a readable message, and for bad input the issues. */
export type HttpErrorBody = { code: string; message: string; issues?: { path: string; message: string }[] };

export function sendError(res: Response, status: number, body: HttpErrorBody): void {
  res.status(status).json(body);
}

export function badBody(res: Response, error: z.ZodError): void {
  sendError(res, 400, {
    code: 'body/invalid',
    message: 'The request body does not have the expected shape.',
    issues: error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  });
}
