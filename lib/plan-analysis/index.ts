export {
  analyzePlan,
  changesByAttention,
  type GroupSummary,
  type PlanAnalysis,
  type PlanAnalysisOptions,
} from "./analyze-plan";
export { changedAttributePaths, formatAttributePath } from "./attribute-paths";
export {
  ACTIONS_BY_ATTENTION,
  classifyActions,
  removesExistingObject,
  type ChangeAction,
  type ReplaceOrder,
} from "./change-action";
export { constructOriginOf, type ConstructOrigin, type SynthesizedConfig } from "./construct-paths";
export { moduleGroupOf, type ModuleGroup } from "./module-groups";
export type { AttributePathSteps, PlanJson, ResourceChangeJson } from "./plan-json";
export type { ResourceChange } from "./resource-change";
export {
  isStatefulType,
  STATEFUL_RESOURCE_TYPES,
  statefulRisks,
  type StatefulRisk,
} from "./stateful-resources";
