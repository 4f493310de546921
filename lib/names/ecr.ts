/** A repository's name: "<namespace>/<repository>", e.g. "shop-prod/users". */
export const ecrRepositoryName = (namespace: string, repository: string): string =>
  `${namespace}/${repository}`;
