import { blocks, type SynthesizedResource } from "../synthesized/stack-resources";
import type { DiagramBuilder } from "./diagram-builder";
import type { DiagramGroup } from "./diagram-model";
import { INTERNET_ID, vpcGroupOf } from "./network-layer";

function listenerName(listener: SynthesizedResource): string {
  return `${String(listener.body.protocol ?? "HTTP")} :${String(listener.body.port ?? "")}`;
}

/** What a listener does with requests no rule takes. */
function defaultActionText(builder: DiagramBuilder, listener: SynthesizedResource): string {
  const [action] = blocks(listener.body.default_action);
  if (!action) return "";
  if (action.type === "redirect") {
    const [redirect] = blocks(action.redirect);
    return `redirect to ${String(redirect?.protocol ?? "")} :${String(redirect?.port ?? "")}`.trim();
  }
  if (action.type === "fixed-response") {
    const [response] = blocks(action.fixed_response);
    return `else ${String(response?.status_code ?? "fixed response")}`;
  }
  return builder.index.referencedBy(action, "aws_lb_target_group").length > 0
    ? ""
    : String(action.type);
}

/** A way requests reach a target group: through which load balancer, and on what. */
export interface Route {
  readonly loadBalancer: SynthesizedResource;
  /** `<protocol> :<port> [<host or path patterns>]`. */
  readonly text: string;
}

/** The routes to each target group, by the target group's address. */
export function routesByTargetGroup(builder: DiagramBuilder): Map<string, Route[]> {
  const routes = new Map<string, Route[]>();
  const add = (
    targetGroups: SynthesizedResource[],
    listener: SynthesizedResource | undefined,
    text: string,
  ) => {
    const [loadBalancer] = listener
      ? builder.index.referencedBy(listener.body.load_balancer_arn, "aws_lb")
      : [];
    if (!loadBalancer) return;
    for (const tg of targetGroups) {
      routes.set(tg.address, [...(routes.get(tg.address) ?? []), { loadBalancer, text }]);
    }
  };
  for (const listener of builder.index.ofType("aws_lb_listener")) {
    const forwarded = blocks(listener.body.default_action).flatMap((a) =>
      builder.index.referencedBy(a, "aws_lb_target_group"),
    );
    add(forwarded, listener, listenerName(listener));
  }
  for (const rule of builder.index.ofType("aws_lb_listener_rule")) {
    const [listener] = builder.index.referencedBy(rule.body.listener_arn, "aws_lb_listener");
    const paths = blocks(rule.body.condition).flatMap((c) =>
      blocks(c.path_pattern).flatMap((p) => (p.values as string[] | undefined) ?? []),
    );
    const hosts = blocks(rule.body.condition).flatMap((c) =>
      blocks(c.host_header).flatMap((h) => (h.values as string[] | undefined) ?? []),
    );
    const where = [...hosts, ...paths].join(" ");
    const targetGroups = blocks(rule.body.action).flatMap((a) =>
      builder.index.referencedBy(a, "aws_lb_target_group"),
    );
    add(targetGroups, listener, `${listener ? listenerName(listener) : ""} ${where}`.trim());
  }
  return routes;
}

/**
 * Each load balancer in its VPC, reached from the internet on its listeners (what a listener
 * does besides forwarding is in the label), with its access log bucket and the web ACLs
 * associated with it.
 */
export function addLoadBalancers(
  builder: DiagramBuilder,
  vpcGroups: ReadonlyMap<string, DiagramGroup>,
): void {
  const { index } = builder;
  for (const lb of index.ofType("aws_lb")) {
    const group = vpcGroupOf(builder, vpcGroups, lb) ?? builder.regionOf(lb);
    const listeners = index.referencing(lb, "aws_lb_listener");
    const listenerLines = listeners.map((l) =>
      `${listenerName(l)} ${defaultActionText(builder, l)}`.trim(),
    );
    const type = lb.body.load_balancer_type === "network" ? "Network" : "Application";
    const scheme = lb.body.internal === true ? "internal" : "internet-facing";
    builder.addNode(group, lb, "load-balancer", [
      `${type} Load Balancer`,
      `${String(lb.body.name ?? "")} (${scheme})`,
      ...listenerLines,
    ]);
    if (lb.body.internal !== true) {
      builder.addEdge(INTERNET_ID, builder.nodeId(lb), listeners.map(listenerName).join(", "));
    }
    for (const logs of blocks(lb.body.access_logs)) {
      for (const bucket of index.referencedBy(logs.bucket, "aws_s3_bucket")) {
        builder.addEdge(builder.nodeId(lb), builder.nodeId(bucket), "access logs", {
          dashed: true,
        });
      }
    }
  }
  for (const association of index.ofType("aws_wafv2_web_acl_association")) {
    const [acl] = index.referencedBy(association.body.web_acl_arn, "aws_wafv2_web_acl");
    if (!acl) continue;
    for (const lb of index.referencedBy(association.body.resource_arn, "aws_lb")) {
      builder.addEdge(builder.nodeId(acl), builder.nodeId(lb), "filters requests");
    }
  }
  for (const acl of index.ofType("aws_wafv2_web_acl")) {
    const rules = blocks(acl.body.rule).length;
    builder.addNode(builder.regionOf(acl), acl, "security", [
      "WAF web ACL",
      String(acl.body.name ?? ""),
      `${rules} rule${rules === 1 ? "" : "s"}`,
    ]);
  }
}
