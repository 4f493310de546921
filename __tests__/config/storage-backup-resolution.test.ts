import { loadProject } from "../../config/load";
import { configProject } from "../support/config-project";

describe("storage and backup settings, resolved", () => {
  const { environments, services } = loadProject(".");
  const env = (name: string) => environments.find((e) => e.name === name)!;
  const service = (name: string) => services.find((s) => s.name === name)!;

  it("keeps dev's recovery points 7 days, without a copy", () => {
    expect(env("dev").backup).toEqual({ retentionDays: 7 });
  });

  it("keeps prod's 35 days, copied to us-west-2 for as long", () => {
    expect(env("prod").backup).toEqual({
      retentionDays: 35,
      copy: { region: "us-west-2", retentionDays: 35 },
    });
  });

  it("takes retention, cold storage and copy retention as written", () => {
    const root = configProject({
      edit: {
        "environments/prod.json": (prod) =>
          (prod.backup = {
            retentionDays: 400,
            coldStorageAfterDays: 90,
            copyToRegion: "eu-west-1",
            copyRetentionDays: 60,
          }),
      },
    });
    expect(loadProject(root).environments.find((e) => e.name === "prod")!.backup).toEqual({
      retentionDays: 400,
      coldStorageAfterDays: 90,
      copy: { region: "eu-west-1", retentionDays: 60 },
    });
  });

  it("lets products read and write the static objects; users neither, and no service shares storage", () => {
    expect(service("products").staticObjects).toBe("read-write");
    expect(service("users").staticObjects).toBeUndefined();
    expect(services.filter((s) => s.sharedStorage)).toEqual([]);
  });

  it("mounts shared storage where a manifest asks", () => {
    const root = configProject({
      edit: {
        "services/users/service.json": (users) => (users.sharedStorage = { path: "/data/uploads" }),
      },
    });
    const users = loadProject(root).services.find((s) => s.name === "users")!;
    expect(users.sharedStorage).toEqual({ path: "/data/uploads" });
  });
});
