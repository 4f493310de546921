import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { planListeners, type ListenerPlanInput, type RoutedService } from "../../lib/listener-plan";
import { albNames } from "../../lib/names/alb";
import { markListenerIngress, suppress } from "../../policy";
import { accessLogBucket, SERVER_ACCESS_LOG_PREFIX } from "./access-log-bucket";
import { createListeners } from "./listeners";

export interface AlbTargetHealthCheck {
  /** The HTTP path that answers 200 while a target is healthy. */
  readonly path: string;
  /** Seconds between checks. */
  readonly intervalSeconds: number;
  /** Seconds before a check counts as failed (below intervalSeconds). */
  readonly timeoutSeconds: number;
  /** Consecutive successes before a target is healthy. */
  readonly healthyThreshold: number;
  /** Consecutive failures before a target is unhealthy. */
  readonly unhealthyThreshold: number;
}

export interface AlbService extends RoutedService {
  /** The port the service's containers listen on: the target group's port. */
  readonly port: number;
  /** The target group's health check. */
  readonly healthCheck: AlbTargetHealthCheck;
}

/** A service's target group, and how traffic reaches it. */
export interface AlbTargetGroup {
  /** The service it routes to. */
  readonly service: string;
  readonly arn: string;
  /**
   * The ARN's tail ("targetgroup/<name>/<id>"): the TargetGroup dimension of its metrics, and with
   * the load balancer's arnSuffix the resource label of ALBRequestCountPerTarget scaling.
   */
  readonly arnSuffix: string;
  /** The listeners and rules that send traffic to it: an ECS service must depend on them. */
  readonly dependencies: readonly ITerraformDependable[];
  /** The service's base URL: its path prefix on the shared listener, else its dedicated port. */
  readonly url: string;
}

export interface AlbModuleProps extends ListenerPlanInput {
  /** Prefix of every resource name, e.g. "shop-prod". */
  readonly name: string;
  /** The region: it decides who delivers access logs to the log bucket. */
  readonly region: string;
  /** When known, the only account whose load balancers may write to the log bucket. */
  readonly accountId?: string;
  /** The VPC the load balancer and its target groups live in. */
  readonly vpcId: string;
  /** The VPC's CIDR block: the only destination the load balancer may send traffic to. */
  readonly vpcCidr: string;
  /** Public subnets, one per AZ, where the internet-facing load balancer is placed. */
  readonly subnetIds: string[];
  /** The services to route to: one IP target group each. */
  readonly services: readonly AlbService[];
  /**
   * Refuse to delete the load balancer (turn off before destroying the stack); while on,
   * `terraform destroy` also refuses to delete an access log bucket that holds logs.
   */
  readonly deletionProtection: boolean;
  /** Days an access log file is kept. */
  readonly accessLogExpirationDays: number;
  /** Seconds a deregistering target keeps serving in-flight requests. @default 30 */
  readonly deregistrationDelaySeconds?: number;
}

/**
 * An internet-facing Application Load Balancer: an IP target group per service, listeners and
 * path rules from one routing plan (HTTPS with a modern TLS policy and HTTP redirected to it when
 * there is a certificate), a security group that admits the internet on exactly the listener
 * ports of that plan and sends only to the services' ports inside the VPC, and access logs in a
 * bucket of their own.
 */
export class AlbModule extends Construct {
  /** The load balancer's ARN. */
  public readonly arn: string;
  /** The ARN's tail, "app/<name>/<id>": the LoadBalancer dimension of its CloudWatch metrics. */
  public readonly arnSuffix: string;
  /** Its DNS name. */
  public readonly dnsName: string;
  /** Its Route 53 zone id (for alias records). */
  public readonly zoneId: string;
  /** Its security group; the services admit only this group. */
  public readonly securityGroupId: string;
  /** Each service's target group, in the order of the props. */
  public readonly targetGroups: readonly AlbTargetGroup[];
  /** Listener ARN per listener port. */
  public readonly listenerArns: Readonly<Record<number, string>>;
  /** The bucket the access logs are written to. */
  public readonly accessLogBucketName: string;
  /** Its ARN. */
  public readonly accessLogBucketArn: string;
  /**
   * Where the environment's other buckets (named "<name>-…") deliver their S3 server access logs:
   * the access log bucket, under its own prefix.
   */
  public readonly serverAccessLogs: { readonly bucketName: string; readonly prefix: string };

  constructor(scope: Construct, id: string, props: AlbModuleProps) {
    super(scope, id);
    const { name, services } = props;
    const plan = planListeners(props);
    const names = albNames(name);
    const { deletionProtection } = props;

    const securityGroup = new SecurityGroup(this, "security-group", {
      name: names.securityGroup,
      description: `Load balancer of ${name}: internet in on listener ports, out to service ports`,
      vpcId: props.vpcId,
      tags: { Name: `${name}-alb` },
    });
    for (const listener of plan) {
      const ingress = new VpcSecurityGroupIngressRule(this, `ingress-${listener.port}`, {
        securityGroupId: securityGroup.id,
        description: `${listener.kind === "redirect" ? "HTTP" : listener.protocol} listener ${listener.port} from the internet`,
        ipProtocol: "tcp",
        fromPort: listener.port,
        toPort: listener.port,
        cidrIpv4: "0.0.0.0/0",
      });
      // The one place the internet may come in (security policy SEC-NET-001).
      markListenerIngress(ingress, listener.port);
    }
    for (const port of [...new Set(services.map((s) => s.port))]) {
      new VpcSecurityGroupEgressRule(this, `egress-${port}`, {
        securityGroupId: securityGroup.id,
        description: `To service targets on port ${port}`,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        cidrIpv4: props.vpcCidr,
      });
    }

    const logPrefix = name;
    const accessLogs = accessLogBucket(this, {
      bucketPrefix: names.accessLogBucketPrefix,
      region: props.region,
      accountId: props.accountId,
      logPrefix,
      sourceBucketPrefix: `${name}-`,
      expirationDays: props.accessLogExpirationDays,
      forceDestroy: !deletionProtection,
    });

    const lb = new Lb(this, "load-balancer", {
      name: names.loadBalancer,
      loadBalancerType: "application",
      internal: false,
      securityGroups: [securityGroup.id],
      subnets: props.subnetIds,
      dropInvalidHeaderFields: true,
      enableDeletionProtection: deletionProtection,
      accessLogs: { enabled: true, bucket: accessLogs.bucketName, prefix: logPrefix },
      // Enabling access logs makes ELB write a test file: the bucket policy must be in place.
      dependsOn: [accessLogs.policy],
      tags: { Name: name },
    });
    suppress(
      lb,
      "SEC-ELB-002",
      "the system's front door: internet-facing by design, open only on its listener ports (security group and network ACL from one plan) and behind the WAF web ACL",
    );
    if (!deletionProtection) {
      suppress(
        lb,
        "SEC-DEL-001",
        "deletion protection is off because the environment turned it off (deletionProtection, on in production): a trial environment is destroyed whole",
      );
    }

    const targetGroups = new Map(
      services.map((service) => {
        const hc = service.healthCheck;
        const targetGroup = new LbTargetGroup(this, `target-group-${service.name}`, {
          name: names.targetGroup(service.name),
          targetType: "ip",
          protocol: "HTTP",
          protocolVersion: "HTTP1",
          port: service.port,
          vpcId: props.vpcId,
          deregistrationDelay: String(props.deregistrationDelaySeconds ?? 30),
          healthCheck: {
            enabled: true,
            protocol: "HTTP",
            port: "traffic-port",
            path: hc.path,
            matcher: "200",
            interval: hc.intervalSeconds,
            timeout: hc.timeoutSeconds,
            healthyThreshold: hc.healthyThreshold,
            unhealthyThreshold: hc.unhealthyThreshold,
          },
          tags: { Name: `${name}-${service.name}`, Service: service.name },
        });
        suppress(
          targetGroup,
          "SEC-ELB-003",
          "TLS ends at the load balancer: the targets are tasks in private subnets that admit only the load balancer's security group, and hold no certificate",
        );
        return [service.name, targetGroup] as const;
      }),
    );

    const listeners = createListeners(this, {
      name,
      loadBalancerArn: lb.arn,
      loadBalancerDnsName: lb.dnsName,
      plan,
      certificateArn: props.certificateArn,
      targetGroupArn: (service) => targetGroups.get(service)!.arn,
    });

    this.arn = lb.arn;
    this.arnSuffix = lb.arnSuffix;
    this.dnsName = lb.dnsName;
    this.zoneId = lb.zoneId;
    this.securityGroupId = securityGroup.id;
    this.targetGroups = [...targetGroups].map(([service, targetGroup]) => ({
      service,
      arn: targetGroup.arn,
      arnSuffix: targetGroup.arnSuffix,
      dependencies: listeners.routingDependencies[service] ?? [],
      url: listeners.serviceUrls[service],
    }));
    this.listenerArns = listeners.listenerArns;
    this.accessLogBucketName = accessLogs.bucketName;
    this.accessLogBucketArn = accessLogs.bucketArn;
    this.serverAccessLogs = { bucketName: accessLogs.bucketName, prefix: SERVER_ACCESS_LOG_PREFIX };
  }

  /** The target group of the service of that name; throws for a service it was not given. */
  public targetGroup(service: string): AlbTargetGroup {
    const found = this.targetGroups.find((t) => t.service === service);
    if (!found) {
      throw new Error(
        `no target group for service "${service}"; pass it in the load balancer's services`,
      );
    }
    return found;
  }
}
