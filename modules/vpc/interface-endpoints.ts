import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { vpcNames } from "../../lib/names/vpc";

export interface InterfaceEndpointsProps {
  /** Prefix of the names, e.g. "shop-prod". */
  readonly name: string;
  readonly region: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** The private subnets: one endpoint network interface in each. */
  readonly subnetIds: readonly string[];
  /** The AWS services, as in com.amazonaws.<region>.<service>: "ecr.api", "logs"… */
  readonly services: readonly string[];
}

/**
 * Interface VPC endpoints in the private subnets, with private DNS so the usual API host names
 * resolve to them, behind a security group that admits HTTPS from inside the VPC only.
 */
export class InterfaceEndpoints extends Construct {
  /** Endpoint id per service. */
  public readonly endpointIds: Readonly<Record<string, string>>;
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: InterfaceEndpointsProps) {
    super(scope, id);
    const securityGroup = new SecurityGroup(this, "security-group", {
      name: vpcNames(props.name).endpointsSecurityGroup,
      description: `Interface endpoints of ${props.name}: HTTPS from inside the VPC only`,
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-endpoints` },
    });
    new VpcSecurityGroupIngressRule(this, "ingress-https", {
      securityGroupId: securityGroup.id,
      description: "HTTPS from inside the VPC",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpcCidr,
    });

    const endpointIds: Record<string, string> = {};
    for (const service of props.services) {
      const endpoint = new VpcEndpoint(this, `endpoint-${service.replace(/\./g, "-")}`, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: [...props.subnetIds],
        securityGroupIds: [securityGroup.id],
        tags: { Name: `${props.name}-${service}` },
      });
      endpointIds[service] = endpoint.id;
    }
    this.endpointIds = endpointIds;
    this.securityGroupId = securityGroup.id;
  }
}
