import { spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** Starts a built service with exactly this environment (plus PATH) and waits for it to exit. */
function runService(
  name: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "services", name, "dist", "server.js")], {
      env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const USERS_ENV = {
  DATABASE_HOST: "127.0.0.1",
  DATABASE_PORT: "5432",
  DATABASE_NAME: "users",
  DATABASE_USER: "users_service",
  DATABASE_PASSWORD: "secret",
  DATABASE_SSL: "false",
};
const PRODUCTS_ENV = {
  TABLE_NAME: "products",
  AWS_REGION: "us-east-1",
  USERS_URL: "http://127.0.0.1:8000",
};

describe("users configuration", () => {
  it("exits 1 naming every missing variable when the database settings are absent", async () => {
    const { code, stderr } = await runService("users", {});
    expect(code).toBe(1);
    for (const name of Object.keys(USERS_ENV)) expect(stderr).toContain(`${name} is missing`);
    expect(stderr).not.toMatch(/^users: PORT /m); // PORT has a default: 8000
  });

  it.each([
    ["PORT", "eighty", "expected a port number"],
    ["PORT", "70000", "expected a port number"],
    ["DATABASE_PORT", "5432x", "expected a port number"],
    ["DATABASE_SSL", "maybe", "expected one of true, false"],
    ["LOG_LEVEL", "loud", "expected one of fatal"],
  ])("exits 1 when %s is %s, saying what is expected", async (name, value, expected) => {
    const { code, stderr } = await runService("users", { ...USERS_ENV, [name]: value });
    expect(code).toBe(1);
    expect(stderr).toContain(`${name} is "${value}": ${expected}`);
  });

  it("never prints the database password", async () => {
    const { stderr } = await runService("users", { ...USERS_ENV, DATABASE_PORT: "x" });
    expect(stderr).not.toContain(USERS_ENV.DATABASE_PASSWORD);
  });
});

describe("products configuration", () => {
  it("exits 1 naming every missing variable", async () => {
    const { code, stderr } = await runService("products", {});
    expect(code).toBe(1);
    for (const name of Object.keys(PRODUCTS_ENV)) expect(stderr).toContain(`${name} is missing`);
    expect(stderr).not.toContain("DYNAMODB_ENDPOINT"); // set only for local runs
  });

  it.each([
    ["USERS_URL", "users:8000", "expected an http:// or https:// URL"],
    ["USERS_URL", "ftp://users:8000", "expected an http:// or https:// URL"],
    ["DYNAMODB_ENDPOINT", "localhost", "expected an http:// or https:// URL"],
    ["AWS_REGION", "Europe", "expected a region name"],
    ["TABLE_NAME", "a b", "expected 3 to 255 letters"],
    ["PORT", "0", "expected a port number"],
  ])("exits 1 when %s is %s, saying what is expected", async (name, value, expected) => {
    const { code, stderr } = await runService("products", { ...PRODUCTS_ENV, [name]: value });
    expect(code).toBe(1);
    expect(stderr).toContain(`${name} is "${value}": ${expected}`);
  });
});
