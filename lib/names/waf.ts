/** AWS WAF delivers logs only to log groups whose names start with this. */
export const WAF_LOG_GROUP_PREFIX = "aws-waf-logs-";

/** The names the WAF module gives its resources; `prefix` is e.g. "shop-prod". */
export const wafNames = (prefix: string) => ({
  webAcl: prefix,
  logGroup: `${WAF_LOG_GROUP_PREFIX}${prefix}`,
});
