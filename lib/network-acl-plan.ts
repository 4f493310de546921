import { natGatewayAzs, type NatStrategy } from "./nat-gateways";
import {
  privateTierRules,
  publicTierRules,
  type NetworkAclInputs,
  type TierRules,
} from "./network-acl-rules";

/** The ports the network ACLs admit, from the same routing plan and services as the security groups. */
export type TrafficPorts = Pick<
  NetworkAclInputs,
  "loadBalancerPorts" | "servicePorts" | "calledServicePorts" | "databasePorts"
>;

/** The network the ACLs guard. */
export interface AclNetwork {
  readonly vpcCidr: string;
  readonly azs: readonly string[];
  /** The private subnets' CIDR blocks, in the order of the AZs. */
  readonly privateSubnets: readonly string[];
  readonly natStrategy: NatStrategy;
  /** The interface VPC endpoints in the private subnets (empty when none). */
  readonly interfaceEndpoints: readonly string[];
}

export interface NetworkAclPlan {
  readonly public: TierRules;
  readonly private: TierRules;
}

/** The rules of both tiers' network ACLs: what the VPC creates and the configuration checks size. */
export function planNetworkAcls(network: AclNetwork, traffic: TrafficPorts): NetworkAclPlan {
  const inputs = {
    ...traffic,
    vpcCidr: network.vpcCidr,
    privateSubnetCidrs: network.privateSubnets,
    natGateway: natGatewayAzs(network.natStrategy, network.azs).length > 0,
    interfaceEndpoints: network.interfaceEndpoints.length > 0,
  };
  return { public: publicTierRules(inputs), private: privateTierRules(inputs) };
}
