export { StaticObjectsModule, type StaticObjectsModuleProps } from "./static-objects-module";
