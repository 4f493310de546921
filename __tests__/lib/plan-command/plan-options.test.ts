import { parsePlanOptions } from "../../../lib/plan-command/plan-options";

describe("parsePlanOptions", () => {
  it("defaults: every stack, 30 s lock timeout, summary only, text, nothing allowed", () => {
    expect(parsePlanOptions([])).toEqual({
      help: false,
      stacks: undefined,
      jobs: undefined,
      lockTimeout: "30s",
      details: false,
      json: false,
      allowReplace: false,
    });
  });

  it("reads every option, --stack repeated", () => {
    expect(
      parsePlanOptions([
        "--stack",
        "dev",
        "--stack=prod",
        "--jobs",
        "2",
        "--lock-timeout",
        "1m30s",
        "--details",
        "--json",
        "--allow-replace",
        "-h",
      ]),
    ).toEqual({
      help: true,
      stacks: ["dev", "prod"],
      jobs: 2,
      lockTimeout: "1m30s",
      details: true,
      json: true,
      allowReplace: true,
    });
  });

  it("names every problem of a command line at once", () => {
    expect(
      parsePlanOptions(["dev", "--verbose", "--json=yes", "--jobs", "1.5", "--lock-timeout", "5"]),
    ).toEqual({
      problems: [
        'Unexpected argument "dev": name a stack with --stack dev.',
        'Unknown option "--verbose"; --help lists the options.',
        '--json takes no value, got "yes".',
        '--jobs must be a whole number of at least 1, got "1.5".',
        '--lock-timeout must be a duration such as 0s, 30s or 5m, got "5".',
      ],
    });
  });

  it("takes an option as a missing value, not as the value", () => {
    expect(parsePlanOptions(["--stack", "--details", "--jobs"])).toEqual({
      problems: ["--stack needs a value.", "--jobs needs a value."],
    });
  });
});
