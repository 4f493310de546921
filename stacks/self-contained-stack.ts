import { TerraformStack } from "cdktf";
import { undeclaredReferences } from "../lib/stack-references";

/**
 * A stack that refers to nothing in another stack: each environment is deployed on its own, and
 * the state stack before them, from the same configuration rather than through references.
 *
 * cdktf resolves every element of every stack twice: a "preparing" pass whose only use is to find
 * references across stacks and wire them through outputs and remote state, then the real one. A
 * self-contained stack has none to find, so it skips that pass; should a reference into another
 * stack ever creep in, its synthesis stops, naming it, before anything is written.
 */
export class SelfContainedStack extends TerraformStack {
  public override prepareStack(): void {
    this.ensureBackendExists();
  }

  public override toTerraform(): Record<string, unknown> {
    const synthesized = super.toTerraform();
    const foreign = undeclaredReferences(synthesized);
    if (foreign.length > 0) {
      throw new Error(
        `stack "${this.node.id}" refers to ${foreign.join(", ")}, which it does not declare: stacks must not refer to each other's resources; pass the value through the configuration instead`,
      );
    }
    return synthesized;
  }
}
