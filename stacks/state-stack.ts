import { LocalBackend, TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { EnvironmentConfig } from "../config/model";
import { StateModule } from "../modules/state";
import { applySecurityPolicy } from "../policy";
import { useAwsProvider } from "./aws-provider";
import { SelfContainedStack } from "./self-contained-stack";

/** The name of the bootstrap stack: `cdktf deploy state`. */
export const STATE_STACK_NAME = "state";

/** The state stores of one region: what the environments that keep their state there need. */
export interface RegionStateStores {
  readonly region: string;
  readonly buckets: readonly string[];
  readonly lockTables: readonly string[];
  /** The account, when every environment using the region's stores names the same one. */
  readonly accountId?: string;
  readonly projects: readonly string[];
}

/**
 * The distinct state buckets and lock tables the environments name, grouped by region, each once:
 * read from the same settings as the environments' S3 backends, so the two cannot disagree.
 */
export function stateStoresByRegion(
  environments: readonly EnvironmentConfig[],
): RegionStateStores[] {
  const regions = new Map<string, EnvironmentConfig[]>();
  for (const env of environments) {
    regions.set(env.state.region, [...(regions.get(env.state.region) ?? []), env]);
  }
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  return [...regions].map(([region, envs]) => {
    const accounts = distinct(envs.map((e) => e.accountId));
    const everyEnvNamesAccount = envs.every((e) => e.accountId !== undefined);
    return {
      region,
      buckets: distinct(envs.map((e) => e.state.bucket)),
      lockTables: distinct(
        envs.map((e) => (e.state.lock === "dynamodb" ? e.state.dynamodbTable : undefined)),
      ),
      accountId: everyEnvNamesAccount && accounts.length === 1 ? accounts[0] : undefined,
      projects: distinct(envs.map((e) => e.project)),
    };
  });
}

export interface StateStackProps {
  /** Every environment: their `state` settings say which buckets and lock tables to create. */
  readonly environments: readonly EnvironmentConfig[];
  /**
   * Where this stack keeps its own state. It cannot live in the bucket the stack creates, so it
   * is local: an absolute path outside cdktf.out, which synthesis replaces.
   */
  readonly localStatePath: string;
}

/**
 * The bootstrap stack: the S3 buckets (and DynamoDB lock tables) the environment stacks keep their
 * state in, on the local backend. Deploy it once, before any environment.
 */
export class StateStack extends SelfContainedStack {
  constructor(scope: Construct, props: StateStackProps) {
    super(scope, STATE_STACK_NAME);
    applySecurityPolicy(this);
    new LocalBackend(this, { path: props.localStatePath });

    stateStoresByRegion(props.environments).forEach((stores, i) => {
      // The first region uses the default provider; each further region gets an aliased one.
      const alias = i === 0 ? undefined : stores.region;
      const provider = useAwsProvider(
        this,
        {
          region: stores.region,
          accountId: stores.accountId,
          alias,
          tags: {
            Project: stores.projects.join(" "),
            Purpose: "terraform-state",
            ManagedBy: "cdktf",
          },
        },
        alias ? `aws-${alias}` : "aws",
      );
      const state = new StateModule(this, `state-${stores.region}`, {
        buckets: stores.buckets,
        lockTables: stores.lockTables,
        accountId: stores.accountId,
        provider: alias ? provider : undefined,
      });
      new TerraformOutput(this, `state_${stores.region.replace(/-/g, "_")}`, {
        value: {
          buckets: state.bucketArns,
          lock_tables: state.lockTableArns,
          kms_key_arn: state.kmsKeyArn,
        },
      });
    });
  }
}
