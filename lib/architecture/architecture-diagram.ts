import type { StackDocument } from "../synthesized/stack-resources";
import { addDataStores } from "./data-layer";
import { DiagramBuilder } from "./diagram-builder";
import type { ArchitectureDiagram } from "./diagram-model";
import { addLoadBalancers } from "./load-balancer-layer";
import { addNetwork } from "./network-layer";
import { addOperations } from "./operations-layer";
import { addServices } from "./service-layer";

/**
 * A synthesized stack's architecture, read from its resources, the references between them, their
 * tags and construct paths: network, load balancer, services, data stores, backup, operations.
 */
export function architectureDiagram(title: string, stack: StackDocument): ArchitectureDiagram {
  const builder = new DiagramBuilder(title, stack);
  const vpcGroups = addNetwork(builder);
  addLoadBalancers(builder, vpcGroups);
  addServices(builder, vpcGroups);
  addDataStores(builder, vpcGroups);
  addOperations(builder);
  return builder.build();
}
