import { blocks } from "../synthesized/stack-resources";
import { priced, type Pricer } from "./line-item";

/** NAT gateways: the hours, and an equal share of the environment's egress each. */
export const natGatewayPricer: Pricer = {
  types: ["aws_nat_gateway"],
  price(context, nat) {
    const count = context.index.ofType("aws_nat_gateway").length;
    return [
      priced(
        context,
        nat,
        "NAT gateway hours",
        context.usage.hoursPerMonth,
        "vpc.nat-gateway-hour",
      ),
      priced(
        context,
        nat,
        "NAT data processed (egress share)",
        context.usage.egressGb / count,
        "vpc.nat-gateway-gb",
      ),
    ];
  },
};

/** Public IPv4 addresses: an Elastic IP each. */
export const elasticIpPricer: Pricer = {
  types: ["aws_eip"],
  price: (context, eip) => [
    priced(
      context,
      eip,
      "public IPv4 address",
      context.usage.hoursPerMonth,
      "vpc.public-ipv4-hour",
    ),
  ],
};

/**
 * Interface endpoints: an endpoint-hour per AZ (subnet); without NAT gateways they carry the
 * tasks' egress, shared equally. Gateway endpoints (S3, DynamoDB) cost nothing.
 */
export const vpcEndpointPricer: Pricer = {
  types: ["aws_vpc_endpoint"],
  price(context, endpoint) {
    if (endpoint.body.vpc_endpoint_type !== "Interface") return [];
    const subnets = Array.isArray(endpoint.body.subnet_ids) ? endpoint.body.subnet_ids.length : 1;
    const items = [
      priced(
        context,
        endpoint,
        `interface endpoint in ${subnets} AZ(s)`,
        subnets * context.usage.hoursPerMonth,
        "vpc.interface-endpoint-hour",
      ),
    ];
    if (context.index.ofType("aws_nat_gateway").length === 0) {
      const endpoints = context.index
        .ofType("aws_vpc_endpoint")
        .filter((e) => e.body.vpc_endpoint_type === "Interface").length;
      items.push(
        priced(
          context,
          endpoint,
          "endpoint data processed (egress share)",
          context.usage.egressGb / endpoints,
          "vpc.interface-endpoint-gb",
        ),
      );
    }
    return items;
  },
};

/** Rule evaluations beyond the first 10 rules of a request are what LCUs charge for. */
const FREE_RULES = 10;

/**
 * Application load balancers: the hours, LCU-hours (the largest of processed GB per hour, new
 * connections / 25 per second, active connections / 3,000, rule evaluations / 1,000 per second),
 * a public IPv4 address per subnet when internet-facing, and data transfer out.
 */
export const loadBalancerPricer: Pricer = {
  types: ["aws_lb"],
  price(context, lb) {
    const { usage } = context;
    const listeners = context.index.referencing(lb, "aws_lb_listener");
    const rules = listeners.flatMap((l) =>
      context.index.referencing(l, "aws_lb_listener_rule"),
    ).length;
    const lcu = Math.max(
      usage.loadBalancerGb / usage.hoursPerMonth,
      usage.newConnectionsPerSecond / 25,
      usage.activeConnections / 3000,
      (usage.requestsPerSecond * Math.max(0, rules - FREE_RULES)) / 1000,
    );
    const items = [
      priced(context, lb, "load balancer hours", usage.hoursPerMonth, "elb.alb-hour"),
      priced(
        context,
        lb,
        `${lcu.toFixed(3)} LCU on average`,
        lcu * usage.hoursPerMonth,
        "elb.lcu-hour",
      ),
    ];
    if (lb.body.internal !== true) {
      const subnets = Array.isArray(lb.body.subnets)
        ? lb.body.subnets.length
        : blocks(lb.body.subnet_mapping).length;
      items.push(
        priced(
          context,
          lb,
          `public IPv4 addresses (${subnets} AZs)`,
          subnets * usage.hoursPerMonth,
          "vpc.public-ipv4-hour",
        ),
        priced(
          context,
          lb,
          "data transfer out to the internet",
          usage.internetOutGb,
          "transfer.internet-out-gb",
        ),
      );
    }
    return items;
  },
};

/** WAF: the web ACL, its rules (a managed rule group counts as one), the requests it inspects. */
export const webAclPricer: Pricer = {
  types: ["aws_wafv2_web_acl"],
  price(context, acl) {
    const rules = blocks(acl.body.rule).length;
    const requestMillions =
      (context.usage.requestsPerSecond * 3600 * context.usage.hoursPerMonth) / 1e6;
    return [
      priced(context, acl, "web ACL", 1, "waf.web-acl-month"),
      priced(context, acl, "rules", rules, "waf.rule-month"),
      priced(context, acl, "requests inspected", requestMillions, "waf.million-requests"),
    ];
  },
};
