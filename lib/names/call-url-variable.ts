/** The variable that tells a service where a service it calls is: USERS_URL for "users". */
export const callUrlVariable = (callee: string): string =>
  `${callee.toUpperCase().replace(/-/g, "_")}_URL`;
