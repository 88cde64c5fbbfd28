import { describe, expect, it } from 'vitest';
import { httpErrorOf } from '../../client/net/connection.ts';

describe('the client reads an HTTP error body one way', () => {
  it('takes the code and message of an ApiError body', async () => {
    const body = { code: 'body/invalid', message: 'The request body does not have the expected shape.', issues: [{ path: 'name', message: 'Required' }] };
    const error = await httpErrorOf(new Response(JSON.stringify(body), { status: 400, statusText: 'Bad Request' }));
    expect([error.status, error.code, error.message]).toEqual([400, 'body/invalid', 'The request body does not have the expected shape.']);
  });

  it('falls back to the status text for a body that is not an ApiError or not JSON', async () => {
    for (const text of ['<html>proxy error</html>', JSON.stringify({ error: 'nope' }), '']) {
      const error = await httpErrorOf(new Response(text, { status: 502, statusText: 'Bad Gateway' }));
      expect([error.status, error.code, error.message]).toEqual([502, undefined, 'Bad Gateway']);
    }
  });
});
