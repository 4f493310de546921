import type { FastifyInstance } from "fastify";
import { ConfigurationError } from "./environment";

/**
 * The service's configuration, or exit 1 after printing every problem on stderr, one line each,
 * prefixed with the service's name (and never a variable's value that was not asked about).
 */
export function configurationOrExit<T>(service: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) console.error(`${service}: ${problem}`);
    console.error(`${service}: not started: fix the environment variables above`);
    process.exit(1);
  }
}

/**
 * Listens, then logs `listening` with the address and the port actually bound: with PORT=0 the
 * system picks a free one, and whoever started the service reads it there.
 */
export async function listen(
  app: FastifyInstance,
  settings: { readonly host: string; readonly port: number },
): Promise<number> {
  await app.listen({ host: settings.host, port: settings.port });
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : settings.port;
  app.log.info({ host: settings.host, port }, "listening");
  return port;
}

/** For main().catch: an unexpected start failure, on stderr, exit 1. */
export function exitOnStartFailure(service: string): (error: unknown) => never {
  return (error) => {
    console.error(`${service}: failed to start:`, error);
    process.exit(1);
  };
}
