/**
 * The named Docker build contexts every service image is built with, by name: each a folder of
 * the project, relative to its root. A Dockerfile copies from one with `COPY --from=<name>`; the
 * build step passes each as `--build-context <name>=<folder>`, and every image tag hashes each.
 */
export const SHARED_BUILD_CONTEXTS: Readonly<Record<string, string>> = {
  "service-platform": "service-platform",
};
