export {
  REDACTED_HEADERS,
  WAF_LOG_GROUP_PREFIX,
  WafModule,
  type WafModuleProps,
} from "./waf-module";
export { MANAGED_RULE_GROUPS, RATE_WINDOW_SECONDS, webAclRules } from "./web-acl-rules";
