import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { editHistory, type HeldValue } from "../../config/edit-history";
import { configProject, manifestText, problemsOf } from "../support/config-project";
import { commitAll } from "../../scripts/git-checkout";
import { editJson } from "../support/temp-project";

const USERS = "services/users/service.json";
const PRODUCTS = "services/products/service.json";
const LISTENER_PORT = ["routing", "listenerPort"];

/** Marks a file as modified after everything else in the project (a minute from now). */
const touch = (root: string, file: string) => {
  const later = Date.now() / 1000 + 60;
  utimesSync(join(root, file), later, later);
};

/** The clash of products' listener port with users': products edited onto 8080, then users touched. */
function clashThenTouch(root: string): string[] {
  editJson(root, PRODUCTS, (svc) => (svc.routing.listenerPort = 8080));
  touch(root, USERS);
  return problemsOf(root);
}

describe("which file of a clash was edited", () => {
  it("is, in a git checkout, the file whose commit does not hold its value, even if the other was modified later", () => {
    const root = configProject();
    commitAll(root);
    expect(clashThenTouch(root)).toEqual([
      "services/products/service.json: $.routing.listenerPort: 8080 is already the listener port of services/users/service.json ($.routing.listenerPort); expected a port no other service uses (free: 8081)",
    ]);
  });

  it("is, without git, the file modified last", () => {
    expect(clashThenTouch(configProject())).toEqual([
      "services/users/service.json: $.routing.listenerPort: 8080 is already the listener port of services/products/service.json ($.routing.listenerPort); expected a port no other service uses (free: 8081)",
    ]);
  });

  it("is, in a git checkout, a file not committed yet", () => {
    const root = configProject();
    commitAll(root);
    mkdirSync(join(root, "services/users2"));
    writeFileSync(join(root, "services/users2/service.json"), manifestText("users"));
    touch(root, USERS);
    expect(problemsOf(root)).toEqual([
      'services/users2/service.json: $.name: "users" is already the service in services/users; expected "users2", the name of its folder (service names are unique)',
      "services/users2/service.json: $.routing.listenerPort: 8080 is already the listener port of services/users/service.json ($.routing.listenerPort); expected a port no other service uses (free: 8082)",
      "services/users2/service.json: $.routing.priority: 100 is already the rule priority of services/users/service.json ($.routing.priority); expected a unique priority from 1 to 50000 (free: 101)",
      'services/users2/service.json: $.routing.pathPrefix: "/users" is already the path prefix of services/users/service.json ($.routing.pathPrefix); expected a prefix no other service uses (free: "/users2")',
    ]);
  });

  it("is, when both files changed since the commit, the one modified last", () => {
    const root = configProject();
    commitAll(root);
    editJson(root, USERS, (svc) => (svc.routing.listenerPort = 9000));
    editJson(root, PRODUCTS, (svc) => (svc.routing.listenerPort = 9000));
    touch(root, USERS);
    expect(problemsOf(root)).toEqual([
      "services/users/service.json: $.routing.listenerPort: 9000 is already the listener port of services/products/service.json ($.routing.listenerPort); expected a port no other service uses (free: 9001)",
    ]);
  });

  it("is the written one of a written and a derived value, whatever git and the times say", () => {
    const root = configProject();
    commitAll(root);
    const edits = editHistory(root);
    const written: HeldValue = { file: USERS, path: LISTENER_PORT, value: 8080 };
    const derived: HeldValue = { file: PRODUCTS, value: 8080 };
    touch(root, PRODUCTS);
    expect(edits.edited(written, derived)).toBe(written);
    expect(edits.edited(derived, written)).toBe(written);
  });

  it("is the one found second when nothing tells them apart", () => {
    const root = configProject();
    const edits = editHistory(root);
    const users: HeldValue = { file: USERS, path: LISTENER_PORT, value: 8080 };
    const products: HeldValue = { file: PRODUCTS, path: LISTENER_PORT, value: 8080 };
    expect(edits.edited(users, products)).toBe(products);
    expect(edits.edited(products, users)).toBe(users);
  });
});
