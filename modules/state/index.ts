export { StateModule, type StateModuleProps } from "./state-module";
