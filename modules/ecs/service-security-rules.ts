import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { Construct } from "constructs";
import type { EcsServiceDefinition, EcsServiceProps } from "./ecs-props";
import { HTTPS_PORT, NFS_PORT } from "../../lib/ports";

/** One side of a connection between security groups: a name for the rule ids, and the group. */
interface Peer {
  readonly name: string;
  readonly securityGroupId: string;
}

/**
 * Lets `from` open TCP connections to `to` on one port: an egress rule on `from`'s group and the
 * matching ingress rule on `to`'s, each naming the other group (never a CIDR).
 */
function allowTcp(scope: Construct, from: Peer, to: Peer, port: number, description: string): void {
  const rule = { description, ipProtocol: "tcp", fromPort: port, toPort: port };
  new VpcSecurityGroupEgressRule(scope, `egress-${from.name}-to-${to.name}`, {
    ...rule,
    securityGroupId: from.securityGroupId,
    referencedSecurityGroupId: to.securityGroupId,
  });
  new VpcSecurityGroupIngressRule(scope, `ingress-${to.name}-from-${from.name}`, {
    ...rule,
    securityGroupId: to.securityGroupId,
    referencedSecurityGroupId: from.securityGroupId,
  });
}

/**
 * Ingress: the load balancer and each caller, on the service's port; nothing from a CIDR.
 * Egress: each callee on its port, and HTTPS out for AWS APIs (ECR, CloudWatch Logs) through the NAT.
 */
export function wireServiceRules(
  scope: Construct,
  services: readonly EcsServiceDefinition[],
  securityGroupOf: (service: string) => SecurityGroup,
  albSecurityGroupId: string,
): void {
  const peer = (service: string): Peer => ({
    name: service,
    securityGroupId: securityGroupOf(service).id,
  });
  for (const service of services) {
    const own = securityGroupOf(service.name);
    new VpcSecurityGroupIngressRule(scope, `ingress-${service.name}-from-alb`, {
      securityGroupId: own.id,
      description: `Load balancer to ${service.name} on ${service.port}`,
      ipProtocol: "tcp",
      fromPort: service.port,
      toPort: service.port,
      referencedSecurityGroupId: albSecurityGroupId,
    });
    // AWS APIs the tasks need (ECR, CloudWatch Logs, Secrets Manager) are public HTTPS endpoints
    // reached through the NAT gateway; the destination cannot be narrowed to a CIDR.
    new VpcSecurityGroupEgressRule(scope, `egress-${service.name}-https`, {
      securityGroupId: own.id,
      description: "HTTPS to AWS APIs (ECR, CloudWatch Logs) through the NAT gateway",
      ipProtocol: "tcp",
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      cidrIpv4: "0.0.0.0/0",
    });
    for (const callee of service.calls) {
      const target = services.find((s) => s.name === callee);
      if (!target) throw new Error(`service "${service.name}" calls unknown service "${callee}"`);
      allowTcp(
        scope,
        peer(service.name),
        peer(callee),
        target.port,
        `${service.name} calls ${callee} on ${target.port}`,
      );
    }
  }
}

/**
 * A service with a database sends to it on its port, and the database admits that service's
 * security group only. A service with a table sends HTTPS to the DynamoDB gateway endpoint's
 * prefix list (the general HTTPS rule would also cover it; this one keeps the path explicit).
 */
export function wireDatastoreRules(
  scope: Construct,
  services: readonly EcsServiceProps[],
  securityGroupOf: (service: string) => SecurityGroup,
  dynamodbEndpoint: { readonly prefixListId: string } | undefined,
): void {
  for (const { definition, database } of services) {
    if (!database) continue;
    const service = definition.name;
    allowTcp(
      scope,
      { name: service, securityGroupId: securityGroupOf(service).id },
      { name: "database", securityGroupId: database.securityGroupId },
      database.port,
      `${service} connects to its PostgreSQL database on ${database.port}`,
    );
  }
  if (!dynamodbEndpoint) return;
  for (const { definition, table } of services) {
    if (!table) continue;
    const service = definition.name;
    new VpcSecurityGroupEgressRule(scope, `egress-${service}-to-dynamodb`, {
      securityGroupId: securityGroupOf(service).id,
      description: `${service} reaches its DynamoDB table through the gateway endpoint`,
      ipProtocol: "tcp",
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      prefixListId: dynamodbEndpoint.prefixListId,
    });
  }
}

/** A service that mounts the shared file system sends NFS to it, and its mount targets admit it. */
export function wireSharedStorageRules(
  scope: Construct,
  services: readonly EcsServiceProps[],
  securityGroupOf: (service: string) => SecurityGroup,
): void {
  for (const { definition, sharedStorage } of services) {
    if (!sharedStorage) continue;
    allowTcp(
      scope,
      { name: definition.name, securityGroupId: securityGroupOf(definition.name).id },
      { name: "shared-storage", securityGroupId: sharedStorage.fileSystem.securityGroupId },
      NFS_PORT,
      `${definition.name} mounts the shared file system (NFS)`,
    );
  }
}
