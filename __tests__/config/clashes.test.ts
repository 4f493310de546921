import { DERIVED_PRIORITY_RANGE } from "../../config/resolve";
import { stableNumber } from "../../lib/stable-hash";
import { manifestText } from "../support/config-project";
import { describeRules } from "../support/rule-cases";

const USERS = "services/users/service.json";
const PRODUCTS = "services/products/service.json";
const DEV = "environments/dev.json";
const PROD = "environments/prod.json";
/** The rule priority a service named "orders" gets when its manifest gives none. */
const ORDERS_PRIORITY = stableNumber(
  "orders",
  DERIVED_PRIORITY_RANGE.min,
  DERIVED_PRIORITY_RANGE.max,
);

// Each edit is newer than the one before it (see configProject): without git, the file edited
// last is the one edited into a clash.
describeRules(
  "a clash is reported at the file edited into it, naming the other and its value's place",
  [
    {
      rule: "a listener port taken by the service edited last",
      mistake: { edit: { [USERS]: (svc) => (svc.routing.listenerPort = 8081) } },
      problems: [
        "services/users/service.json: $.routing.listenerPort: 8081 is already the listener port of services/products/service.json ($.routing.listenerPort); expected a port no other service uses (free: 8082)",
      ],
    },
    {
      rule: "a listener port on the shared listener's default port",
      mistake: { edit: { [USERS]: (svc) => (svc.routing.listenerPort = 80) } },
      problems: [
        "services/users/service.json: $.routing.listenerPort: 80 is already the shared listener port of environments/dev.json (its default, as $.routing.sharedListenerPort is not set); expected a port no other listener uses (free: 8082)",
      ],
    },
    {
      rule: "a listener port on the shared listener's written port, the service edited last",
      mistake: {
        edit: {
          [DEV]: (env) => (env.routing.sharedListenerPort = 9000),
          [USERS]: (svc) => (svc.routing.listenerPort = 9000),
        },
      },
      problems: [
        "services/users/service.json: $.routing.listenerPort: 9000 is already the shared listener port of environments/dev.json ($.routing.sharedListenerPort); expected a port no other listener uses (free: 8082)",
      ],
    },
    {
      rule: "an outer path prefix whose priority was edited to come first",
      mistake: {
        edit: {
          [PRODUCTS]: (svc) => (svc.routing.pathPrefix = "/users/products"),
          [USERS]: (svc) => (svc.routing.priority = 150),
        },
      },
      problems: [
        'services/users/service.json: $.routing.priority: 150 comes before 200, the rule of services/products/service.json ($.routing.priority) whose prefix "/users/products" lies inside "/users", so "products" would get no request; expected a priority above 200',
      ],
    },
    {
      rule: "a written priority clashing with a derived one is the edited one, however old",
      mistake: {
        edit: {
          [PRODUCTS]: (svc) =>
            (svc.routing.priority = stableNumber(
              "orders",
              DERIVED_PRIORITY_RANGE.min,
              DERIVED_PRIORITY_RANGE.max,
            )),
        },
        write: {
          "services/orders/service.json": manifestText("users", (svc) => {
            svc.name = "orders";
            svc.routing = { listenerPort: 8082, pathPrefix: "/orders" };
            delete svc.datastores;
          }),
        },
      },
      problems: [
        `services/products/service.json: $.routing.priority: ${ORDERS_PRIORITY} is already the rule priority of services/orders/service.json (derived from its name); expected a unique priority from 1 to 50000 (free: ${ORDERS_PRIORITY + 1})`,
      ],
    },
    {
      rule: "a state key that is another environment's default key",
      mistake: { edit: { [PROD]: (env) => (env.state.key = "shop/dev/terraform.tfstate") } },
      problems: [
        'environments/prod.json: $.state.key: "shop/dev/terraform.tfstate" in bucket "shop-terraform-state" is also the state of environments/dev.json (its default key, as $.state.key is not set); expected a key of its own, e.g. "shop/prod/terraform.tfstate"',
      ],
    },
    {
      rule: "a state bucket shared across accounts",
      mistake: {
        edit: {
          [PROD]: (env) => (env.accountId = "123456789012"),
          [DEV]: (env) => (env.accountId = "111111111111"),
        },
      },
      problems: [
        'environments/dev.json: $.state.bucket: the state bucket "shop-terraform-state" is also used by environments/prod.json ($.accountId) in account "123456789012"; expected a state bucket of its own in $.state.bucket (one per account)',
      ],
    },
  ],
);
