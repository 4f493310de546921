export { staticObjectsNames } from "../../lib/names/static-objects";
export { StaticObjectsModule, type StaticObjectsModuleProps } from "./static-objects-module";
