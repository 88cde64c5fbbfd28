import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { TransportOptions } from '@colyseus/ws-transport';
import type { Logger } from 'pino';
import { EdgeWarnings } from './edge-warnings.ts';

/**
 * The WebSocket transport, with its socket errors told quietly. A frame over `maxPayload`
 * (or one that breaks the WebSocket framing) makes `ws` close the connection with the
 * standard code for it (1009 Message Too Big, 1002 protocol error); Colyseus then logs the
 * error's stack at error level. Here it is one warn line per connection, without a stack:
 * the client misbehaved, the server did not fail.
 */
export class QuietWebSocketTransport extends WebSocketTransport {
  constructor(options: TransportOptions, log: Logger) {
    super(options);
    const warnings = new EdgeWarnings(log);
    // Runs after Colyseus's own connection handler, which has by then added its loud listener.
    this.wss.on('connection', (socket: EventEmitter, req: IncomingMessage) => {
      for (const listener of socket.listeners('error')) socket.off('error', listener as (error: Error) => void);
      const connection = new URL(req.url ?? '/', 'ws://server').searchParams.get('sessionId') ?? req.socket.remoteAddress ?? 'unknown';
      socket.on('error', (error: Error & { code?: string }) => {
        warnings.warn(connection, { code: error.code, path: new URL(req.url ?? '/', 'ws://server').pathname }, `connection closed: ${error.message}`);
      });
    });
  }
}
