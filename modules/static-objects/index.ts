export { staticObjectsNames } from "../../lib/names/static-objects";
export {
  StaticObjectsModule,
  type ServerAccessLogs,
  type StaticObjectsModuleProps,
} from "./static-objects-module";
