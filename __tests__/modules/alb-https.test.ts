import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import {
  AlbModule,
  listenerPorts,
  planListeners,
  sharedListenerPortFor,
  TLS_POLICY,
  type AlbModuleProps,
  type RoutingStyle,
} from "../../modules/alb";
import { ALB_PROPS, synthAlbModule, USERS } from "../support/alb-fixture";
import { logicalId, ref, synthScope, type Synthesized } from "../support/synth";

const CERTIFICATE =
  "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const PROPS: AlbModuleProps = {
  ...ALB_PROPS,
  certificateArn: CERTIFICATE,
  sharedListenerPort: sharedListenerPortFor(CERTIFICATE),
};

const synthAlb = (overrides: Partial<AlbModuleProps> = {}) =>
  synthAlbModule({ ...PROPS, ...overrides });

const listenerAt = (synth: Synthesized, port: number) =>
  synth.resourceAt("aws_lb_listener", `listener-${port}`);

describe("planListeners with a certificate", () => {
  it("serves the shared listener over HTTPS on 443 and redirects 80 to it", () => {
    expect(planListeners({ ...PROPS, routingStyle: "path" })).toEqual([
      {
        kind: "shared",
        port: 443,
        protocol: "HTTPS",
        rules: [
          { service: "users", pathPrefix: "/users", priority: 100 },
          { service: "products", pathPrefix: "/products", priority: 200 },
        ],
      },
      { kind: "redirect", port: 80, toPort: 443 },
    ]);
  });

  it("makes dedicated listeners HTTPS too, and adds no redirect without a shared listener", () => {
    expect(planListeners({ ...PROPS, routingStyle: "listener" })).toEqual([
      { kind: "dedicated", port: 8080, protocol: "HTTPS", service: "users" },
      { kind: "dedicated", port: 8081, protocol: "HTTPS", service: "products" },
    ]);
  });

  it("refuses a shared listener on any port but 443", () => {
    expect(() => planListeners({ ...PROPS, sharedListenerPort: 8443 })).toThrow(
      "the shared listener serves HTTPS on 443 when there is a certificate; got sharedListenerPort 8443",
    );
  });

  it("refuses a dedicated listener on the redirect's port", () => {
    expect(() => planListeners({ ...PROPS, services: [{ ...USERS, listenerPort: 80 }] })).toThrow(
      "listener port 80 is used twice",
    );
  });

  it("lists each listener port once, ascending", () => {
    expect(listenerPorts(planListeners(PROPS))).toEqual([80, 443, 8080, 8081]);
    const plainHttp = {
      certificateArn: undefined,
      sharedListenerPort: sharedListenerPortFor(undefined),
    };
    expect(listenerPorts(planListeners({ ...PROPS, ...plainHttp }))).toEqual([80, 8080, 8081]);
  });
});

describe("AlbModule with a certificate", () => {
  it("serves HTTPS on 443 with the modern TLS policy and the certificate, answering unknown paths with a JSON 404", () => {
    const synth = synthAlb({ routingStyle: "path" });
    expect(synth.text).toHaveResourceWithProperties(LbListener, {
      port: 443,
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificate_arn: CERTIFICATE,
      default_action: [
        {
          type: "fixed-response",
          fixed_response: {
            content_type: "application/json",
            status_code: "404",
            message_body: '{"message":"Not Found"}',
          },
        },
      ],
    });
    expect(TLS_POLICY).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
  });

  it("puts the path rules on the HTTPS listener", () => {
    const synth = synthAlb({ routingStyle: "path" });
    const https = ref(
      "aws_lb_listener",
      logicalId(synth, "aws_lb_listener", "listener-443"),
      "arn",
    );
    for (const rule of Object.values(synth.resources("aws_lb_listener_rule"))) {
      expect(rule.listener_arn).toBe(https);
    }
    expect(Object.keys(synth.resources("aws_lb_listener_rule"))).toHaveLength(2);
  });

  it("answers plain HTTP on 80 with a permanent redirect to HTTPS on 443, and nothing else", () => {
    const listener = listenerAt(synthAlb({ routingStyle: "path" }), 80);
    expect(listener).toMatchObject({
      port: 80,
      protocol: "HTTP",
      default_action: [
        { type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } },
      ],
    });
    expect(listener.ssl_policy).toBeUndefined();
    expect(listener.certificate_arn).toBeUndefined();
  });

  it("makes dedicated listener ports HTTPS with the same policy and certificate", () => {
    const synth = synthAlb({ routingStyle: "listener" });
    for (const port of [8080, 8081]) {
      expect(listenerAt(synth, port)).toMatchObject({
        port,
        protocol: "HTTPS",
        ssl_policy: TLS_POLICY,
        certificate_arn: CERTIFICATE,
      });
    }
    expect(Object.keys(synth.resources("aws_lb_listener"))).toHaveLength(2);
  });

  it("gives https:// service URLs: no port on 443, the dedicated port otherwise", () => {
    const urls = (style: RoutingStyle) => {
      let alb!: AlbModule;
      synthScope((scope) => {
        alb = new AlbModule(scope, "alb", { ...PROPS, routingStyle: style });
      });
      return Object.fromEntries(alb.targetGroups.map((t) => [t.service, t.url]));
    };
    expect(urls("path").users).toMatch(/^https:\/\/\$\{TfToken\[[^\]]+\]\}\/users$/);
    expect(urls("both").products).toMatch(/^https:\/\/\$\{TfToken\[[^\]]+\]\}\/products$/);
    expect(urls("listener").users).toMatch(/^https:\/\/\$\{TfToken\[[^\]]+\]\}:8080$/);
  });

  it("keeps plain HTTP service URLs without a certificate", () => {
    let alb!: AlbModule;
    synthScope((scope) => {
      alb = new AlbModule(scope, "alb", {
        ...PROPS,
        certificateArn: undefined,
        sharedListenerPort: sharedListenerPortFor(undefined),
        routingStyle: "listener",
      });
    });
    expect(alb.targetGroup("users").url).toMatch(/^http:\/\/\$\{TfToken\[[^\]]+\]\}:8080$/);
  });
});

describe("the load balancer's security group and listeners come from one plan", () => {
  const cases = (["listener", "path", "both"] as const).flatMap((style) => [
    [style, "with a certificate", CERTIFICATE] as const,
    [style, "without a certificate", undefined] as const,
  ]);

  it.each(cases)(
    "%s routing %s: internet ingress on exactly the listener ports",
    (style, _label, certificateArn) => {
      const routing = {
        routingStyle: style,
        certificateArn,
        sharedListenerPort: sharedListenerPortFor(certificateArn),
      };
      const synth = synthAlb(routing);
      const ingress = Object.values(synth.resources("aws_vpc_security_group_ingress_rule"));
      for (const rule of ingress) {
        expect(rule).toMatchObject({ ip_protocol: "tcp", cidr_ipv4: "0.0.0.0/0" });
        expect(rule.to_port).toBe(rule.from_port);
      }
      const admitted = ingress.map((r) => r.from_port as number).sort((a, b) => a - b);
      const listening = Object.values(synth.resources("aws_lb_listener"))
        .map((l) => l.port as number)
        .sort((a, b) => a - b);
      expect(admitted).toEqual(listening);
      expect(admitted).toEqual(listenerPorts(planListeners({ ...PROPS, ...routing })));
    },
  );
});
