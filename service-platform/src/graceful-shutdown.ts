import type { FastifyInstance } from "fastify";

export interface ShutdownOptions {
  /** Releases what the server used (database pools, clients) once the last request is done. */
  readonly release: () => Promise<void>;
  /** The process exits with code 1 if draining takes longer than this. */
  readonly deadlineMs: number;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, release
 * resources and exit 0; exit 1 if that takes longer than the deadline. A second signal exits at once.
 */
export function stopGracefullyOnSignals(app: FastifyInstance, options: ShutdownOptions): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, "second signal while stopping: exiting now");
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, "stopping: refusing new connections, finishing in-flight requests");
    setTimeout(() => {
      app.log.error({ deadlineMs: options.deadlineMs }, "requests still running at the deadline");
      process.exit(1);
    }, options.deadlineMs).unref();
    app
      .close()
      .then(options.release)
      .then(
        () => {
          app.log.info("stopped");
          process.exit(0);
        },
        (error: unknown) => {
          app.log.error({ err: error }, "error while stopping");
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
