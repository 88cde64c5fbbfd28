import type { Response } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../../shared/protocol.ts';

export function sendError(res: Response, status: number, body: ApiError): void {
  res.status(status).json(body);
}

export function badBody(res: Response, error: z.ZodError): void {
  sendError(res, 400, {
    code: 'body/invalid',
    message: 'The request body does not have the expected shape.',
    issues: error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  });
}
