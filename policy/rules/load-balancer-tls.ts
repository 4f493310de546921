import { blocksOf } from "../inventory";
import { defineRule, type Finding } from "../rule";

/** TLS policies that accept TLS 1.2 and 1.3 only. */
const MODERN_TLS = /TLS13|TLS-1-2/;

/**
 * Load balancer listeners speak TLS (1.2 or later), or only redirect plain HTTP to HTTPS.
 *
 * References: checkov CKV_AWS_2 (HTTPS), CKV2_AWS_20 (HTTP redirects to HTTPS), CKV_AWS_103 (TLS
 * 1.2); trivy AVD-AWS-0054 (aws-elb-http-not-used), AVD-AWS-0047 (aws-elb-use-secure-tls-policy);
 * cdk-nag has no listener rule (ELBTlsHttpsListenersOnly is for classic load balancers).
 */
export const loadBalancerListenerTls = defineRule({
  id: "SEC-ELB-001",
  title: "Load balancer listener without TLS",
  references: {
    checkov: ["CKV_AWS_2", "CKV2_AWS_20", "CKV_AWS_103"],
    trivy: ["AVD-AWS-0054", "AVD-AWS-0047"],
    cdkNag: [],
  },
  fix: "serve HTTPS with an ELBSecurityPolicy-TLS13-* policy (routing.certificateArn), and let port 80 only redirect to HTTPS",
  appliesTo: ["aws_lb_listener", "aws_alb_listener"],
  check({ attributes: a }): Finding[] {
    const protocol = String(a.protocol ?? "HTTP");
    if (protocol === "HTTP") {
      const redirectsToHttps = blocksOf(a.default_action).every(
        (action) =>
          action.type === "redirect" &&
          blocksOf(action.redirect).some((redirect) => redirect.protocol === "HTTPS"),
      );
      return redirectsToHttps ? [] : [{ problem: `serves plain HTTP on port ${String(a.port)}` }];
    }
    if (protocol === "HTTPS" && !MODERN_TLS.test(String(a.ssl_policy ?? ""))) {
      return [
        { problem: `accepts TLS older than 1.2 (ssl_policy ${String(a.ssl_policy ?? "default")})` },
      ];
    }
    return [];
  },
});

/**
 * Load balancers are internal unless they are the system's front door.
 *
 * References: trivy AVD-AWS-0053 (aws-elb-alb-not-public); checkov and cdk-nag have no rule.
 */
export const loadBalancerInternetFacing = defineRule({
  id: "SEC-ELB-002",
  title: "Load balancer facing the internet",
  references: { checkov: [], trivy: ["AVD-AWS-0053"], cdkNag: [] },
  fix: "set internal = true, or suppress with the reason it is the front door (and keep it behind WAF)",
  appliesTo: ["aws_lb", "aws_alb"],
  check({ attributes }) {
    return attributes.internal === true
      ? []
      : [{ problem: "faces the internet (internal is not true)" }];
  },
});

/**
 * Load balancers reach their targets over TLS.
 *
 * References: checkov CKV_AWS_378; trivy and cdk-nag have no rule.
 */
export const loadBalancerTargetTls = defineRule({
  id: "SEC-ELB-003",
  title: "Target group over plain HTTP",
  references: { checkov: ["CKV_AWS_378"], trivy: [], cdkNag: [] },
  fix: 'set protocol = "HTTPS" with targets that serve TLS, or suppress with the reason traffic to the targets needs none',
  appliesTo: ["aws_lb_target_group", "aws_alb_target_group"],
  check({ attributes }) {
    if (attributes.target_type === "lambda") return [];
    return attributes.protocol === "HTTP"
      ? [{ problem: "forwards to its targets over plain HTTP" }]
      : [];
  },
});
