import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_ASSUMPTIONS, withOverrides } from "../../lib/cost/assumptions";
import { estimateStack, totalsByModule } from "../../lib/cost/estimate";
import { spotTasks } from "../../lib/cost/fargate-capacity";
import { MissingPriceError } from "../../lib/cost/price-table";
import type { StackDocument } from "../../lib/synthesized/stack-resources";
import { distinctPrices } from "./price-fixture";

const FIXTURE = join(__dirname, "..", "fixtures", "architecture", "small-stack.json");
const read = (): any => JSON.parse(readFileSync(FIXTURE, "utf8"));
const stack = read() as StackDocument;
const prices = distinctPrices(["eu-west-1", "eu-central-1"]);
const price = (key: string) => prices.price(key, "eu-west-1");
const usage = DEFAULT_ASSUMPTIONS;
const hours = usage.hoursPerMonth;

const estimate = (doc: StackDocument = stack, taskCount: "desired" | "minimum" = "desired") =>
  estimateStack("demo", doc, prices, usage, taskCount);
const itemsOf = (resource: string, doc?: StackDocument, taskCount?: "desired" | "minimum") =>
  estimate(doc, taskCount).items.filter((i) => i.resource === resource);

describe("Spot share from a capacity provider strategy", () => {
  const strategy = [
    { provider: "FARGATE", base: 1, weight: 1 },
    { provider: "FARGATE_SPOT", base: 0, weight: 3 },
  ];
  it("places the base on its provider, then the rest by weight", () => {
    expect(spotTasks(1, strategy)).toBe(0);
    expect(spotTasks(3, strategy)).toBe(1.5);
    expect(spotTasks(5, strategy)).toBe(3);
  });
  it("puts nothing on Spot without a Spot weight, and everything with only Spot", () => {
    expect(spotTasks(4, [{ provider: "FARGATE", base: 0, weight: 1 }])).toBe(0);
    expect(spotTasks(4, [{ provider: "FARGATE_SPOT", base: 0, weight: 1 }])).toBe(4);
    expect(spotTasks(4, [])).toBe(0);
  });
});

describe("line items of a synthesized stack", () => {
  it("every item's monthly figure is its quantity times its unit price", () => {
    for (const i of estimate().items) expect(i.monthly).toBeCloseTo(i.quantity * i.unitPrice, 10);
  });

  it("prices a NAT gateway by the hour and its share of the egress by the GB", () => {
    const [hoursItem, dataItem] = itemsOf("demo/net/nat");
    expect(hoursItem).toMatchObject({
      quantity: hours,
      unitPrice: price("vpc.nat-gateway-hour"),
      unit: "NAT gateway-hour",
    });
    expect(dataItem).toMatchObject({
      quantity: usage.egressGb,
      unitPrice: price("vpc.nat-gateway-gb"),
    });
  });

  it("prices Fargate tasks per task-hour from the task definition's vCPU and GB", () => {
    const taskHour = 0.5 * price("fargate.vcpu-hour.x86_64") + 1 * price("fargate.gb-hour.x86_64");
    const [desired] = itemsOf("demo/apps/svc-alpha");
    expect(desired).toMatchObject({ quantity: 3 * hours, unit: "task-hour" });
    expect(desired.unitPrice).toBeCloseTo(taskHour, 10);
    const [minimum] = itemsOf("demo/apps/svc-alpha", stack, "minimum");
    expect(minimum.quantity).toBe(2 * hours);
  });

  it("prices Spot tasks at the on-demand rate less the Spot discount, as the strategy splits them", () => {
    const doc = read();
    doc.resource.aws_ecs_service["apps_svc-alpha"].capacity_provider_strategy = [
      { capacity_provider: "FARGATE", base: 1, weight: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ];
    const [onDemand, spot] = itemsOf("demo/apps/svc-alpha", doc);
    expect(onDemand.quantity).toBe(1.5 * hours);
    expect(spot.quantity).toBe(1.5 * hours);
    expect(spot.unitPrice).toBeCloseTo(onDemand.unitPrice * (1 - usage.fargateSpotDiscount), 10);
  });

  it("counts load balancer capacity units by the largest dimension", () => {
    const lcu = itemsOf("demo/front/lb").find((i) => i.unit === prices.unit("elb.lcu-hour"));
    const expected = Math.max(
      usage.loadBalancerGb / hours,
      usage.newConnectionsPerSecond / 25,
      usage.activeConnections / 3000,
      0,
    );
    expect(lcu?.quantity).toBeCloseTo(expected * hours, 10);
    const busy = withOverrides({ activeConnections: 30000 });
    const busyLcu = estimateStack("demo", stack, prices, busy, "desired").items.find(
      (i) => i.resource === "demo/front/lb" && i.unit === prices.unit("elb.lcu-hour"),
    );
    expect(busyLcu?.quantity).toBeCloseTo(10 * hours, 10);
  });

  it("doubles an RDS instance's hours and storage with Multi-AZ", () => {
    const single = itemsOf("demo/data/db");
    expect(single[0]).toMatchObject({
      quantity: hours,
      unitPrice: price("rds.postgres.db.t4g.micro"),
    });
    expect(single[1]).toMatchObject({ quantity: 20, unitPrice: price("rds.gp3-gb-month") });
    const doc = read();
    doc.resource.aws_db_instance.data_db.multi_az = true;
    const multi = itemsOf("demo/data/db", doc);
    const factor = price("rds.multi-az-factor");
    expect(multi[0].quantity).toBe(hours * factor);
    expect(multi[1].quantity).toBe(20 * factor);
  });

  it("backs up what the selection picks, and copies it to the other region's vault", () => {
    const backup = itemsOf("demo/data/db").filter((i) =>
      i.prices.some((p) => p.startsWith("backup.")),
    );
    expect(backup.map((i) => [i.description, i.quantity, i.region])).toEqual([
      ["recovery points of data/db", 20, "eu-west-1"],
      ["copies of data/db (eu-central-1)", 20, "eu-central-1"],
      ["copy transfer to eu-central-1", 20, "eu-west-1"],
    ]);
  });

  it("groups line items by module and adds them up", () => {
    const result = estimate();
    const byModule = totalsByModule(result.items);
    expect([...byModule.keys()]).toEqual(
      expect.arrayContaining(["net", "front", "apps", "data", "edge"]),
    );
    const sum = [...byModule.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(result.total, 10);
  });

  it("reports resource types it cannot price instead of pricing them at nothing", () => {
    const doc = read();
    doc.resource.aws_efs_file_system = { fs: { "//": { metadata: { path: "demo/files/fs" } } } };
    expect(estimate(doc).notEstimated).toEqual([{ type: "aws_efs_file_system", count: 1 }]);
    expect(estimate().notEstimated).toEqual([]);
  });

  it("stops for a region the price table does not cover, naming the region and the file", () => {
    const doc = read();
    doc.provider.aws[0].region = "ap-south-2";
    expect(() => estimate(doc)).toThrow(MissingPriceError);
    expect(() => estimate(doc)).toThrow(/fixture-prices\.json does not cover region ap-south-2/);
  });
});

describe("assumptions", () => {
  it("take overrides by name, and refuse unknown names and values that are not numbers ≥ 0", () => {
    expect(withOverrides({ egressGb: "200" }).egressGb).toBe(200);
    expect(() => withOverrides({ egresGb: 1 })).toThrow(/unknown assumption "egresGb"/);
    expect(() => withOverrides({ egressGb: "lots" })).toThrow(/"egressGb": "lots" is not a number/);
    expect(() => withOverrides({ egressGb: -1 })).toThrow(/is not a number ≥ 0/);
  });
});
