import type { Server } from "node:http";

/**
 * Stops a server and drops its idle keep-alive connections (fetch keeps them open), so closing
 * never waits on a client that has finished. `close` is the server's own, possibly wrapped, close.
 */
export function closeServer(
  server: Server,
  close: (done: (error?: Error) => void) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
