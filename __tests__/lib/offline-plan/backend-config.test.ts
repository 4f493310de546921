import { offlineBackendConfig } from "../../../lib/offline-plan/backend-config";

describe("offlineBackendConfig", () => {
  it("points the S3 backend at the stand-ins, path-style, with their keys and no AWS checks", () => {
    expect(
      offlineBackendConfig(
        { s3: "http://127.0.0.1:4568", dynamodb: "http://127.0.0.1:4567" },
        { accessKey: "S3RVER", secretKey: "S3RVER" },
      ),
    ).toEqual([
      '-backend-config=endpoints={s3="http://127.0.0.1:4568",dynamodb="http://127.0.0.1:4567"}',
      "-backend-config=use_path_style=true",
      "-backend-config=access_key=S3RVER",
      "-backend-config=secret_key=S3RVER",
      "-backend-config=skip_credentials_validation=true",
      "-backend-config=skip_requesting_account_id=true",
      "-backend-config=skip_metadata_api_check=true",
      "-backend-config=skip_region_validation=true",
    ]);
  });
});
