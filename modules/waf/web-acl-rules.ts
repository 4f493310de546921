/**
 * The rules of the web ACL, in evaluation order: a per-IP rate limit first (cheapest, and it stops
 * floods before they cost rule evaluations), then AWS's managed rule groups. The managed groups
 * together use about 1,125 of the 1,500 web ACL capacity units included in the base price.
 */

/** An AWS managed rule group and the threats it blocks. */
export interface ManagedRuleGroup {
  readonly name: string;
  readonly blocks: string;
}

export const MANAGED_RULE_GROUPS: readonly ManagedRuleGroup[] = [
  {
    name: "AWSManagedRulesAmazonIpReputationList",
    blocks: "addresses Amazon threat intelligence lists as bots, scanners or attackers",
  },
  {
    name: "AWSManagedRulesCommonRuleSet",
    blocks:
      "the OWASP Top 10's common attacks: cross-site scripting, path traversal, oversized parts",
  },
  {
    name: "AWSManagedRulesKnownBadInputsRuleSet",
    blocks: "request patterns known to exploit vulnerabilities, such as Log4j's",
  },
  {
    name: "AWSManagedRulesSQLiRuleSet",
    blocks: "SQL injection in the URI, query, body and cookies",
  },
];

/** The seconds a rate-based rule counts requests over. */
export const RATE_WINDOW_SECONDS = 300;

export const RATE_LIMIT_RULE = "rate-limit-per-ip";

/** One rule, in the provider's terms; `statement` is untyped in the binding, hence snake_case. */
export interface WebAclRule {
  readonly name: string;
  readonly priority: number;
  readonly action?: { readonly block: Record<string, never> };
  readonly overrideAction?: { readonly none: Record<string, never> };
  readonly statement: Record<string, unknown>;
  readonly visibilityConfig: {
    readonly cloudwatchMetricsEnabled: boolean;
    readonly metricName: string;
    readonly sampledRequestsEnabled: boolean;
  };
}

const visible = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * The rate limit (block an IP over `rateLimit` requests in 5 minutes) at priority 0, then each
 * managed rule group every 10 priorities, with its own actions (override none: it blocks what
 * it blocks). Every rule publishes metrics and keeps sampled requests.
 */
export function webAclRules(rateLimit: number): WebAclRule[] {
  return [
    {
      name: RATE_LIMIT_RULE,
      priority: 0,
      action: { block: {} },
      statement: {
        rate_based_statement: {
          limit: rateLimit,
          aggregate_key_type: "IP",
          evaluation_window_sec: RATE_WINDOW_SECONDS,
        },
      },
      visibilityConfig: visible(RATE_LIMIT_RULE),
    },
    ...MANAGED_RULE_GROUPS.map((group, i): WebAclRule => ({
      name: group.name,
      priority: 10 * (i + 1),
      overrideAction: { none: {} },
      statement: { managed_rule_group_statement: { name: group.name, vendor_name: "AWS" } },
      visibilityConfig: visible(group.name),
    })),
  ];
}
