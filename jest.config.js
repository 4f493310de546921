/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // A service's tests of its own API live beside it, in services/<name>/test.
  roots: ["<rootDir>/__tests__", "<rootDir>/services"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/setup.ts"],
  testTimeout: 60000,
};
