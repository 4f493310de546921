import type { FastifyBaseLogger } from "fastify";

/**
 * What to do when the database refuses the service's password: with RDS's managed password,
 * Secrets Manager rotated it, and ECS hands a task its secrets only when the task starts. The
 * returned function (safe to call often) logs it once and stops gracefully (SIGTERM to itself),
 * so ECS starts a task that reads the current secret; requests get 503 meanwhile.
 */
export function stopForNewCredentials(log: () => FastifyBaseLogger): () => void {
  let stopping = false;
  return () => {
    if (stopping) return;
    stopping = true;
    log().error(
      "the database refused the password (rotated?): stopping so a new task reads the current secret",
    );
    process.kill(process.pid, "SIGTERM");
  };
}
