export { stateKeyAlias } from "../../lib/names/state";
export { StateModule, type StateModuleProps } from "./state-module";
