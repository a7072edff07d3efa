// WebSockets beside Express: one 'upgrade' listener per attach(), owning only the WebSocket
// upgrades at or below its mount path. Everything else is left untouched for other listeners
// (another `ws` server, socket.io), which node:http also calls.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { isWebSocketUpgrade, writeRawResponse, type NodeUpgradeHandler } from '@tsgi/node';
import { isMountError } from './errors.js';
import { isBelowMount } from './mount-path.js';

/** A node 'upgrade' listener. */
export type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** null when requests may be served now; else a promise that settles when they may (or never will). */
export type Admission = () => Promise<void> | null;

const INTERNAL = new TextEncoder().encode('Internal Server Error\n');

/**
 * Wraps @tsgi/node's upgrade handler: filters by mount path, waits for lifespan startup, and
 * answers with an HTTP error when the app failed to start or was shut down.
 *
 * @example
 * server.on('upgrade', createUpgradeListener(toNodeUpgradeHandler(app, { rootPath: '/api' }), '/api', admission));
 */
export function createUpgradeListener(upgrade: NodeUpgradeHandler, mountPath: string, admission: Admission): UpgradeListener {
  return (req, socket, head) => {
    if (!isWebSocketUpgrade(req) || !isBelowMount(req.url ?? '/', mountPath)) return;
    const waiting = admission();
    if (waiting === null) return upgrade(req, socket, head);
    // node:http stops watching an upgraded socket's errors; until `ws` takes it, this listener does.
    const onError = (): void => void socket.destroy();
    socket.on('error', onError);
    waiting.then(
      () => {
        socket.off('error', onError);
        upgrade(req, socket, head);
      },
      (error: unknown) => {
        socket.off('error', onError);
        const { status, headers, body } = isMountError(error)
          ? error.toResponse()
          : { status: 500, headers: [['content-type', 'text/plain; charset=utf-8']] as Array<[string, string]>, body: INTERNAL };
        writeRawResponse(socket as Socket, status, headers, body);
      },
    );
  };
}
