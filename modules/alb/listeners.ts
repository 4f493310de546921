import { LbListener, type LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";
import { pathPatterns, type ListenerPlan, type ListenerProtocol } from "../../lib/listener-plan";
import { HTTP_PORT, HTTPS_PORT } from "../../lib/ports";
import { suppress } from "../../policy";

/** TLS 1.3 and 1.2 only, forward-secret (ECDHE) ciphers only: the policy AWS recommends. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

export interface ListenersProps {
  /** Prefix of the listeners' Name tags. */
  readonly name: string;
  readonly loadBalancerArn: string;
  readonly loadBalancerDnsName: string;
  /** The listeners to create. */
  readonly plan: readonly ListenerPlan[];
  /** The certificate of the HTTPS listeners; required when the plan has any. */
  readonly certificateArn?: string;
  /** The target group ARN of a service. */
  readonly targetGroupArn: (service: string) => string;
}

const NOT_FOUND: LbListenerDefaultAction = {
  type: "fixed-response",
  fixedResponse: {
    contentType: "application/json",
    messageBody: JSON.stringify({ message: "Not Found" }),
    statusCode: "404",
  },
};

export interface CreatedListeners {
  /** Listener ARN per port. */
  readonly listenerArns: Readonly<Record<number, string>>;
  /** The listener or rule that sends traffic to each service. */
  readonly routingDependencies: Readonly<Record<string, ITerraformDependable[]>>;
  /** Base URL per service: its path prefix on the shared listener, else its dedicated port. */
  readonly serviceUrls: Readonly<Record<string, string>>;
}

/**
 * The listeners and path rules of a listener plan, in `scope` (ids by port and service, so they
 * keep their addresses when the plan changes around them): dedicated listeners forward to their
 * service, the shared listener routes path prefixes and answers anything else with a JSON 404,
 * and the redirect listener sends plain HTTP to HTTPS with a 301. HTTPS listeners use
 * {@link TLS_POLICY} and the certificate.
 */
export function createListeners(scope: Construct, props: ListenersProps): CreatedListeners {
  const { name, plan } = props;
  const dependencies: Record<string, ITerraformDependable[]> = {};
  const depend = (service: string, on: ITerraformDependable) =>
    (dependencies[service] ??= []).push(on);
  const listenerArns: Record<number, string> = {};
  const urls: Record<string, string> = {};

  const tls = (protocol: ListenerProtocol) => {
    if (protocol === "HTTP") return {};
    if (!props.certificateArn) throw new Error("an HTTPS listener needs a certificateArn");
    return { sslPolicy: TLS_POLICY, certificateArn: props.certificateArn };
  };
  const baseUrl = (protocol: ListenerProtocol, port: number) => {
    const scheme = protocol === "HTTPS" ? "https" : "http";
    const defaultPort = protocol === "HTTPS" ? HTTPS_PORT : HTTP_PORT;
    return `${scheme}://${props.loadBalancerDnsName}${port === defaultPort ? "" : `:${port}`}`;
  };
  const listener = (port: number, settings: Omit<ListenerSettings, "port">) => {
    const created = new LbListener(scope, `listener-${port}`, {
      loadBalancerArn: props.loadBalancerArn,
      port,
      ...settings,
      tags: { Name: `${name}-${port}` },
    });
    if (settings.protocol === "HTTP" && settings.defaultAction[0]?.type !== "redirect") {
      suppress(
        created,
        "SEC-ELB-001",
        "no certificate was given (routing.certificateArn): the environment serves plain HTTP, which the README explains is for short trials without real data; with a certificate every listener serves HTTPS and port 80 only redirects",
      );
    }
    return created;
  };

  for (const entry of plan) {
    if (entry.kind === "redirect") {
      const redirect = listener(entry.port, {
        protocol: "HTTP",
        defaultAction: [
          {
            type: "redirect",
            redirect: { protocol: "HTTPS", port: String(entry.toPort), statusCode: "HTTP_301" },
          },
        ],
      });
      listenerArns[entry.port] = redirect.arn;
      continue;
    }
    if (entry.kind === "dedicated") {
      const dedicated = listener(entry.port, {
        protocol: entry.protocol,
        ...tls(entry.protocol),
        defaultAction: [{ type: "forward", targetGroupArn: props.targetGroupArn(entry.service) }],
      });
      listenerArns[entry.port] = dedicated.arn;
      depend(entry.service, dedicated);
      urls[entry.service] ??= baseUrl(entry.protocol, entry.port);
      continue;
    }
    const shared = listener(entry.port, {
      protocol: entry.protocol,
      ...tls(entry.protocol),
      defaultAction: [NOT_FOUND],
    });
    listenerArns[entry.port] = shared.arn;
    for (const rule of entry.rules) {
      const listenerRule = new LbListenerRule(scope, `rule-${rule.service}`, {
        listenerArn: shared.arn,
        priority: rule.priority,
        action: [{ type: "forward", targetGroupArn: props.targetGroupArn(rule.service) }],
        condition: [{ pathPattern: { values: pathPatterns(rule.pathPrefix) } }],
        tags: { Name: `${name}-${rule.service}` },
      });
      depend(rule.service, listenerRule);
      urls[rule.service] = `${baseUrl(entry.protocol, entry.port)}${rule.pathPrefix}`;
    }
  }

  return { listenerArns, routingDependencies: dependencies, serviceUrls: urls };
}

interface ListenerSettings {
  readonly port: number;
  readonly protocol: ListenerProtocol;
  readonly sslPolicy?: string;
  readonly certificateArn?: string;
  readonly defaultAction: LbListenerDefaultAction[];
}
