export {
  StaticObjectsModule,
  type ServerAccessLogs,
  type StaticObjectsModuleProps,
} from "./static-objects-module";
