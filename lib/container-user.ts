/**
 * The non-root user and group the services' images run as (`USER 1000:1000` in their
 * Dockerfiles): the ECS tasks run as it, and it owns each service's directory of the shared
 * file system.
 */
export const CONTAINER_UID = 1000;
export const CONTAINER_GID = 1000;
