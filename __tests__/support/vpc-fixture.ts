import type { VpcModuleProps } from "../../modules/vpc";

/** Three AZs of eu-west-1, with the subnets the layout derives from 10.0.0.0/16 for them. */
export const VPC_PROPS: VpcModuleProps = {
  name: "shop-test",
  region: "eu-west-1",
  cidr: "10.0.0.0/16",
  azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  publicSubnets: ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"],
  privateSubnets: ["10.0.128.0/20", "10.0.144.0/20", "10.0.160.0/20"],
  natStrategy: "one-per-az",
  interfaceEndpoints: [],
  loadBalancerPorts: [80],
  servicePorts: [8000],
  calledServicePorts: [],
  databasePorts: [],
  flowLogRetentionDays: 30,
};

/** The same VPC over its first two AZs only. */
export const TWO_AZ_VPC_PROPS: VpcModuleProps = {
  ...VPC_PROPS,
  azs: VPC_PROPS.azs.slice(0, 2),
  publicSubnets: VPC_PROPS.publicSubnets.slice(0, 2),
  privateSubnets: VPC_PROPS.privateSubnets.slice(0, 2),
};
