export { StaticObjectsModule, type StaticObjectsModuleProps } from "./static-objects-module";
export { tlsOnlyStatements } from "./tls-only-policy";
