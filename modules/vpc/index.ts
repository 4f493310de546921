export { VpcModule, type NatStrategy, type VpcModuleProps } from "./vpc-module";
