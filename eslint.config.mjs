// @ts-check
import tseslint from "typescript-eslint";

/** Provider classes are imported one file at a time: the package root loads every AWS resource. */
const deepProviderImportsOnly = {
  paths: [
    {
      name: "@cdktf/provider-aws",
      message: "Import the class by deep path, e.g. @cdktf/provider-aws/lib/vpc.",
    },
    {
      name: "@cdktf/provider-aws/lib",
      message: "Import the class by deep path, e.g. @cdktf/provider-aws/lib/vpc.",
    },
  ],
  patterns: [
    {
      regex: "^@cdktf/provider-aws/lib/index",
      message: "Import the class by deep path, e.g. @cdktf/provider-aws/lib/vpc.",
    },
  ],
};

const MODULES_APART = "A module must not import another module; take what you need as a prop.";

/** The deep-import rule, with more import patterns refused. */
function restrictImports(patterns) {
  return {
    "no-restricted-imports": [
      "error",
      { ...deepProviderImportsOnly, patterns: [...deepProviderImportsOnly.patterns, ...patterns] },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "cdktf.out/",
      "**/dist/",
      "coverage/",
      ".gen/",
      ".offline-plan/",
      ".terraform-cli/",
      ".dev/",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", deepProviderImportsOnly],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always"],
    },
  },
  {
    // Modules never import each other: main.ts wires one module's outputs into another's inputs.
    files: ["modules/**/*.ts"],
    rules: restrictImports([
      { regex: "^\\.\\./(?!\\.\\./)", message: MODULES_APART },
      { regex: "^(\\.\\./)+modules/", message: MODULES_APART },
    ]),
  },
  {
    // Shared constructs are what modules build on: they never reach up into modules or stacks.
    files: ["constructs/**/*.ts"],
    rules: restrictImports([
      {
        regex: "^\\.\\./(modules|stacks)(/|$)",
        message:
          "A shared construct must not import modules or stacks; take what it needs as a prop.",
      },
    ]),
  },
  {
    // The ground floor: configuration and pure logic never reach up into stacks or modules; a
    // planner both need lives in lib/.
    files: ["config/**/*.ts", "lib/**/*.ts"],
    rules: restrictImports([
      {
        regex: "^(\\.\\./)+(stacks|modules)(/|$)",
        message:
          "config/ and lib/ must not import stacks/ or modules/; move what both need into lib/.",
      },
    ]),
  },
  {
    // Tests edit arbitrary JSON configuration in place.
    files: ["__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
