export { markListenerIngress } from "./listener-ingress";
export { ACTIONS_ONLY_ON_ANY_RESOURCE } from "./wildcard-resource-actions";
export { formatViolation, PolicyViolationError, type PolicyViolation } from "./report";
export type { PolicyRule, Finding, RuleReferences } from "./rule";
export { RULES, type RuleId } from "./rules";
export {
  applySecurityPolicy,
  collectViolationsAcrossStacks,
  PolicyCollector,
  SecurityPolicy,
} from "./security-policy";
export { suppress, type SuppressionOptions } from "./suppressions";
