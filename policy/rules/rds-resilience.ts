import { defineRule } from "../rule";

/** The port each engine listens on unless told otherwise. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  postgres: 5432,
  "aurora-postgresql": 5432,
  mysql: 3306,
  mariadb: 3306,
  "aurora-mysql": 3306,
  oracle: 1521,
  sqlserver: 1433,
};

/**
 * A database instance runs in two AZs (a standby takes over when one fails).
 *
 * References: checkov CKV_AWS_157; trivy has no rule; cdk-nag AwsSolutions-RDS3.
 */
export const rdsMultiAz = defineRule({
  id: "SEC-RDS-001",
  title: "Database in a single AZ",
  references: { checkov: ["CKV_AWS_157"], trivy: [], cdkNag: ["AwsSolutions-RDS3"] },
  fix: "set multi_az = true (the environment's database.multiAz, on in production)",
  appliesTo: ["aws_db_instance"],
  check({ attributes }) {
    // A read replica follows its source's placement.
    if (attributes.replicate_source_db !== undefined) return [];
    return attributes.multi_az === true ? [] : [{ problem: "multi_az is not true" }];
  },
});

/**
 * A database instance sends operating-system metrics every minute or more often (Enhanced
 * Monitoring).
 *
 * References: checkov CKV_AWS_118; trivy and cdk-nag have no rule.
 */
export const rdsEnhancedMonitoring = defineRule({
  id: "SEC-RDS-002",
  title: "Database without Enhanced Monitoring",
  references: { checkov: ["CKV_AWS_118"], trivy: [], cdkNag: [] },
  fix: "set monitoring_interval (e.g. 60) and a monitoring_role_arn RDS may assume",
  appliesTo: ["aws_db_instance"],
  check({ attributes }) {
    const interval = attributes.monitoring_interval;
    return typeof interval === "number" && interval > 0
      ? []
      : [{ problem: "monitoring_interval is not set" }];
  },
});

/**
 * A database listens on a port other than its engine's default, which scanners try first.
 *
 * References: cdk-nag AwsSolutions-RDS11; checkov and trivy have no rule.
 */
export const rdsDefaultPort = defineRule({
  id: "SEC-RDS-003",
  title: "Database on its engine's default port",
  references: { checkov: [], trivy: [], cdkNag: ["AwsSolutions-RDS11"] },
  fix: "set port to a port other than the engine's default",
  appliesTo: ["aws_db_instance"],
  check({ attributes }) {
    const usual = DEFAULT_PORTS[String(attributes.engine)];
    if (usual === undefined) return [];
    const port = attributes.port ?? usual;
    return port === usual
      ? [{ problem: `listens on ${usual}, the ${String(attributes.engine)} default` }]
      : [];
  },
});
