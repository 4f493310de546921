/** Stand-in AWS keys for offline runs. They open nothing: no AWS account is ever reached. */
export interface OfflineCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
}
