// The floor of our stack: a bare Colyseus room on the same transport that relays each
// message to the table's other clients and does nothing else (no rules, no store, no views).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Room, Server } from '@colyseus/core';
import type { Client } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { RELAY_ROOM } from './child-protocol.ts';
import { answerBench } from './child-stats.ts';

class RelayRoom extends Room {
  maxClients = 2;

  onCreate(): void {
    this.onMessage('*', (client: Client, type: string | number, payload: unknown) => {
      this.broadcast(type, payload, { except: client });
    });
  }
}

const httpServer = createServer();
const server = new Server({ transport: new WebSocketTransport({ server: httpServer }), greet: false, gracefullyShutdown: false });
server.define(RELAY_ROOM, RelayRoom);
await server.listen(0, '127.0.0.1');
answerBench((httpServer.address() as AddressInfo).port, () => server.gracefullyShutdown(false));
