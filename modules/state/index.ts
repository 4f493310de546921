export { stateKeyAlias } from "../../lib/names/state";
export { STATE_ACCESS_LOG_PREFIX, StateModule, type StateModuleProps } from "./state-module";
