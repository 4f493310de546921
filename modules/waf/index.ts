export { WAF_LOG_GROUP_PREFIX, wafNames } from "../../lib/names/waf";
export { REDACTED_HEADERS, WafModule, type WafModuleProps } from "./waf-module";
export { MANAGED_RULE_GROUPS, RATE_WINDOW_SECONDS, webAclRules } from "./web-acl-rules";
