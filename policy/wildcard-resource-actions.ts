/**
 * The actions AWS authorizes only on "*": no resource-level permission exists for them, so an
 * identity policy may grant them on "*" (rule SEC-IAM-002). Each with its reason; keep it short.
 */
export const ACTIONS_ONLY_ON_ANY_RESOURCE: Readonly<Record<string, string>> = {
  "ecr:GetAuthorizationToken": "the token is for the registry, not for one repository",
};

export function isOnlyOnAnyResource(action: string): boolean {
  return Object.hasOwn(ACTIONS_ONLY_ON_ANY_RESOURCE, action);
}
