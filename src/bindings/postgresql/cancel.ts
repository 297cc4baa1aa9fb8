import { connect } from 'node:net';

/** PostgreSQL's CancelRequest code (protocol 1234.5678). */
const CANCEL_REQUEST_CODE = 80877102;

/** How long the out-of-band cancel connection may take; it is best effort. */
const CANCEL_TIMEOUT_MS = 2_000;

/**
 * Asks the server to cancel the statement a backend is running (the protocol's CancelRequest, sent
 * on a connection of its own, before any TLS or authentication). Best effort: failures are ignored.
 */
export function sendCancelRequest(host: string, port: number, processId: number, secretKey: number): void {
  const message = Buffer.alloc(16);
  message.writeInt32BE(16, 0);
  message.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  message.writeInt32BE(processId, 8);
  message.writeInt32BE(secretKey, 12);
  const socket = connect({ host, port });
  socket.setTimeout(CANCEL_TIMEOUT_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('connect', () => socket.end(message));
  socket.unref();
}
