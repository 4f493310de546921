/** What a service may do with the environment's static objects: read them, or read, write and delete them. */
export const STATIC_OBJECT_ACCESS = ["read", "read-write"] as const;
export type StaticObjectAccess = (typeof STATIC_OBJECT_ACCESS)[number];
