import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { Construct } from "constructs";
import { declareMoved, formerAddress, movedFrom } from "../../constructs";
import { synthScope } from "../support/synth";

const movedBlocks = (json: unknown) => (json as { moved?: { from: string; to: string }[] }).moved;

describe("moved blocks", () => {
  it("moves every resource of a construct from its former construct path, in place", () => {
    const synth = synthScope((scope) => {
      const holder = new Construct(scope, "holder");
      new SnsTopic(holder, "topic", { name: "t" });
      new SnsTopic(new Construct(holder, "inner"), "topic", { name: "u" });
      movedFrom(holder, ["old"]);
    });
    const topics = Object.keys(synth.resources("aws_sns_topic")).sort();
    expect(topics).toEqual([
      expect.stringMatching(/^holder_inner_topic_/),
      expect.stringMatching(/^holder_topic_/),
    ]);
    const blocks = movedBlocks(synth.json) ?? [];
    expect(blocks.map((b) => b.to).sort()).toEqual(topics.map((id) => `aws_sns_topic.${id}`));
    expect(blocks.map((b) => b.from).sort()).toEqual([
      expect.stringMatching(/^aws_sns_topic\.old_inner_topic_[0-9A-F]{8}$/),
      expect.stringMatching(/^aws_sns_topic\.old_topic_[0-9A-F]{8}$/),
    ]);
  });

  it("keeps every move of the stack when several constructs declare one", () => {
    const synth = synthScope((scope) => {
      const first = new SnsTopic(scope, "first", { name: "a" });
      const second = new SnsTopic(scope, "second", { name: "b" });
      declareMoved(first, formerAddress(scope, ["was-first"], "aws_sns_topic"));
      declareMoved(second, formerAddress(scope, ["was-second"], "aws_sns_topic"));
    });
    // A top-level id is its own logical id, as cdktf names a resource there.
    expect(movedBlocks(synth.json)).toEqual([
      { from: "aws_sns_topic.was-first", to: "aws_sns_topic.first" },
      { from: "aws_sns_topic.was-second", to: "aws_sns_topic.second" },
    ]);
  });

  it("refuses a former address a resource of the stack still uses", () => {
    expect(() =>
      synthScope((scope) => {
        const topic = new SnsTopic(scope, "topic", { name: "a" });
        new SnsTopic(scope, "other", { name: "b" });
        declareMoved(topic, formerAddress(scope, ["other"], "aws_sns_topic"));
      }),
    ).toThrow(/other is in use: it cannot be the former address of a move/);
  });
});
