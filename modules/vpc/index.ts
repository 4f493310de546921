export { natGatewayAzs, NAT_STRATEGIES } from "../../lib/nat-gateways";
export { planNetworkAcls, type TrafficPorts } from "../../lib/network-acl-plan";
export type { NatStrategy } from "../../lib/nat-gateways";
export { vpcNames } from "../../lib/names/vpc";
export { VpcModule, type VpcModuleProps } from "./vpc-module";
