import { loadProject } from "../../config/load";
import { configProject } from "../support/config-project";
import { describeRules } from "../support/rule-cases";

const DEV = "environments/dev.json";
const CERTIFICATE =
  "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

/** Dev routed by path only, over HTTPS. */
const httpsByPath = (env: Record<string, any>) => {
  env.routing = { style: "path", certificateArn: CERTIFICATE };
};

describeRules("load balancer HTTPS rules", [
  {
    rule: "with a certificate, the shared listener is the HTTPS one on 443",
    mistake: {
      edit: {
        [DEV]: (env) => {
          httpsByPath(env);
          env.routing.sharedListenerPort = 8443;
        },
      },
    },
    problems: [
      "environments/dev.json: $.routing.sharedListenerPort: 8443 cannot be the shared listener's port when routing.certificateArn is set: the shared listener serves HTTPS on 443 and 80 redirects to it; expected 443, or no sharedListenerPort",
    ],
  },
  {
    rule: "with a certificate, port 80 is the redirect, not the shared listener",
    mistake: {
      edit: {
        [DEV]: (env) => {
          httpsByPath(env);
          env.routing.sharedListenerPort = 80;
        },
      },
    },
    problems: [
      "environments/dev.json: $.routing.sharedListenerPort: 80 cannot be the shared listener's port when routing.certificateArn is set: the shared listener serves HTTPS on 443 and 80 redirects to it; expected 443, or no sharedListenerPort",
    ],
  },
  {
    rule: "without a certificate, the shared listener does not serve plain HTTP on 443",
    mistake: { edit: { [DEV]: (env) => (env.routing.sharedListenerPort = 443) } },
    problems: [
      "environments/dev.json: $.routing.sharedListenerPort: 443 would serve plain HTTP on the HTTPS port, as routing.certificateArn is not set; expected routing.certificateArn (HTTPS on 443), or another port such as 80",
    ],
  },
  {
    rule: "with a certificate, dedicated listener ports leave 80 to the redirect",
    mistake: {
      edit: {
        [DEV]: (env) => (env.routing.certificateArn = CERTIFICATE),
        "services/products/service.json": (svc) => (svc.routing.listenerPort = 80),
      },
    },
    problems: [
      "services/products/service.json: $.routing.listenerPort: 80 is kept for the redirect to HTTPS because environments/dev.json sets routing.certificateArn; expected a port other than 443 and 80, e.g. 8081",
    ],
  },
]);

describeRules("edge security settings", [
  {
    rule: "the WAF rate limit is at least the 10 requests AWS WAF counts from",
    mistake: { edit: { [DEV]: (env) => (env.security = { waf: { rateLimit: 5 } }) } },
    problems: [
      "environments/dev.json: $.security.waf.rateLimit: 5 is outside 10 to 2000000000; expected requests one client IP address may make in any 5 minutes before the web ACL blocks it",
    ],
  },
  {
    rule: "the WAF rate limit is a whole number of requests",
    mistake: { edit: { [DEV]: (env) => (env.security = { waf: { rateLimit: 100.5 } }) } },
    problems: [
      "environments/dev.json: $.security.waf.rateLimit: 100.5 is not an integer; expected requests one client IP address may make in any 5 minutes before the web ACL blocks it",
    ],
  },
  {
    rule: "access logs are kept at least a day",
    mistake: { edit: { [DEV]: (env) => (env.security = { accessLogs: { expirationDays: 0 } }) } },
    problems: [
      "environments/dev.json: $.security.accessLogs.expirationDays: 0 is outside 1 to 3650; expected days the load balancer's access logs are kept in their bucket",
    ],
  },
  {
    rule: "the security block has no unknown keys",
    mistake: { edit: { [DEV]: (env) => (env.security = { accessLog: {} }) } },
    problems: [
      'environments/dev.json: $.security.accessLog: unknown key; did you mean "accessLogs"?',
    ],
  },
]);

describe("HTTPS settings", () => {
  const routingOf = (edit: (env: Record<string, any>) => void) =>
    loadProject(configProject({ edit: { [DEV]: edit } })).environments.find(
      (e) => e.name === "dev",
    )!.routing;

  it("puts the shared listener on 443 with a certificate and on 80 without, unless told otherwise", () => {
    expect(routingOf(httpsByPath)).toEqual({
      style: "path",
      sharedListenerPort: 443,
      certificateArn: CERTIFICATE,
    });
    expect(routingOf((env) => (env.routing = { style: "path" }))).toEqual({
      style: "path",
      sharedListenerPort: 80,
    });
    expect(routingOf((env) => (env.routing = { style: "path", sharedListenerPort: 8000 }))).toEqual(
      { style: "path", sharedListenerPort: 8000 },
    );
  });

  it("accepts listener routing with a certificate whatever sharedListenerPort says, as no shared listener exists", () => {
    const edit = (env: Record<string, any>) => {
      env.routing = { style: "listener", sharedListenerPort: 8443, certificateArn: CERTIFICATE };
    };
    expect(routingOf(edit)).toMatchObject({ style: "listener", certificateArn: CERTIFICATE });
  });
});

describe("the repository's environments", () => {
  const [dev, prod] = loadProject(".").environments;

  it("serve prod over HTTPS on 443 and dev over plain HTTP on 80", () => {
    expect(prod.routing).toEqual({
      style: "path",
      sharedListenerPort: 443,
      certificateArn: CERTIFICATE,
    });
    expect(dev.routing).toEqual({ style: "both", sharedListenerPort: 80 });
  });

  it("limit each IP to 2000 requests in 5 minutes, and keep access logs 90 days in dev, 365 in prod", () => {
    expect(dev.security).toEqual({ waf: { rateLimit: 2000 }, accessLogs: { expirationDays: 90 } });
    expect(prod.security).toEqual({
      waf: { rateLimit: 2000 },
      accessLogs: { expirationDays: 365 },
    });
  });
});
