export {
  ImageBuildModule,
  type ImageBuild,
  type ImageBuildModuleProps,
} from "./image-build-module";
