/** The well-known ports the stack opens, each named once. */

/** Plain HTTP: the default shared listener, and the redirect to HTTPS when there is a certificate. */
export const HTTP_PORT = 80;
/** HTTPS: the shared listener with a certificate, and the tasks' calls to AWS APIs. */
export const HTTPS_PORT = 443;
/** PostgreSQL: every service database listens here. */
export const POSTGRES_PORT = 5432;
/** NFS: the only port the shared file system's mount targets admit. */
export const NFS_PORT = 2049;
