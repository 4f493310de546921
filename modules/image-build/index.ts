export {
  ImageBuildModule,
  type BuiltImage,
  type ImageBuild,
  type ImageBuildModuleProps,
} from "./image-build-module";
