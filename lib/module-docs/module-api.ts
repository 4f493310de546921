import ts from "typescript";

/** One input of a construct: a property of its props interface. */
export interface ModuleInput {
  readonly name: string;
  readonly description: string;
  /** The type as written in the source, on one line. */
  readonly type: string;
  /** The JSDoc `@default`, when the input has one. */
  readonly default?: string;
  readonly required: boolean;
}

/** One output of a construct: a public read-only property. */
export interface ModuleOutput {
  readonly name: string;
  readonly description: string;
  readonly type: string;
}

/** A construct a module exports, with the props interface its constructor takes. */
export interface ConstructApi {
  readonly className: string;
  /** The props type's name as the constructor declares it, e.g. `VpcModuleProps`. */
  readonly propsType: string;
  readonly description: string;
  readonly inputs: readonly ModuleInput[];
  readonly outputs: readonly ModuleOutput[];
}

const DEFAULT_TAG = "default";

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Text of a symbol's JSDoc, and its `@default` (also when written inline, after the sentence). */
function documentation(
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
): { description: string; default?: string } {
  let description = oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
  let defaultValue: string | undefined;
  for (const tag of symbol.getJsDocTags(checker)) {
    if (tag.name === DEFAULT_TAG) defaultValue = oneLine(ts.displayPartsToString(tag.text));
  }
  const inline = /\s*@default\s+(.*)$/.exec(description);
  if (inline) {
    description = description.slice(0, inline.index).trim();
    defaultValue ??= inline[1].trim();
  }
  return defaultValue === undefined ? { description } : { description, default: defaultValue };
}

function declaredTypeText(
  declaration: ts.Declaration | undefined,
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
): string {
  const annotation =
    declaration && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration))
      ? declaration.type
      : declaration && ts.isGetAccessorDeclaration(declaration)
        ? declaration.type
        : undefined;
  if (!annotation) return checker.typeToString(checker.getTypeOfSymbol(symbol));
  // An alias of a few literals (`NatStrategy`) says more spelled out: "one-per-az" | "single" | …
  const type = checker.getTypeFromTypeNode(annotation);
  if (ts.isTypeReferenceNode(annotation) && type.isUnion()) {
    if (
      type.types.every((member) => member.isLiteral() || member.flags & ts.TypeFlags.BooleanLiteral)
    ) {
      return type.types.map((member) => checker.typeToString(member)).join(" | ");
    }
  }
  return oneLine(annotation.getText()).replace(/;\s*}/g, " }");
}

function isFromDependency(declaration: ts.Declaration): boolean {
  return /[/\\]node_modules[/\\]/.test(declaration.getSourceFile().fileName);
}

function extendsConstruct(type: ts.Type, checker: ts.TypeChecker): boolean {
  for (const base of checker.getBaseTypes(type as ts.InterfaceType)) {
    const declaration = base.symbol?.declarations?.[0];
    if (base.symbol?.name === "Construct" && declaration && isFromDependency(declaration)) {
      return true;
    }
    if (extendsConstruct(base, checker)) return true;
  }
  return false;
}

function inputsOf(propsType: ts.Type, checker: ts.TypeChecker): ModuleInput[] {
  return checker.getPropertiesOfType(propsType).map((symbol) => {
    const declaration = symbol.declarations?.[0];
    const doc = documentation(symbol, checker);
    return {
      name: symbol.name,
      ...doc,
      type: declaredTypeText(declaration, symbol, checker),
      required: (symbol.flags & ts.SymbolFlags.Optional) === 0,
    };
  });
}

function isPublicReadOnly(declaration: ts.Declaration): boolean {
  const flags = ts.getCombinedModifierFlags(declaration);
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) {
    return false;
  }
  if (ts.isPropertyDeclaration(declaration)) {
    return (flags & ts.ModifierFlags.Readonly) !== 0 && !ts.isPrivateIdentifier(declaration.name);
  }
  return ts.isGetAccessorDeclaration(declaration);
}

function outputsOf(classType: ts.Type, checker: ts.TypeChecker): ModuleOutput[] {
  const outputs: ModuleOutput[] = [];
  for (const symbol of checker.getPropertiesOfType(classType)) {
    const declarations = symbol.declarations ?? [];
    const declaration = declarations[0];
    if (!declaration || isFromDependency(declaration)) continue;
    // A getter with a setter is not read-only.
    if (declarations.some((d) => ts.isSetAccessorDeclaration(d))) continue;
    if (!isPublicReadOnly(declaration)) continue;
    const { description } = documentation(symbol, checker);
    outputs.push({
      name: symbol.name,
      description,
      type: declaredTypeText(declaration, symbol, checker),
    });
  }
  return outputs;
}

function constructApi(classSymbol: ts.Symbol, checker: ts.TypeChecker): ConstructApi | undefined {
  const declaration = classSymbol.declarations?.find(ts.isClassDeclaration);
  if (!declaration) return undefined;
  const classType = checker.getDeclaredTypeOfSymbol(classSymbol);
  if (!extendsConstruct(classType, checker)) return undefined;
  const constructor = declaration.members.find(ts.isConstructorDeclaration);
  // A construct's constructor is (scope, id, props).
  const propsParameter = constructor?.parameters[2];
  if (!propsParameter?.type) return undefined;
  const propsType = checker.getTypeFromTypeNode(propsParameter.type);
  return {
    className: classSymbol.name,
    propsType: oneLine(propsParameter.type.getText()),
    description: documentation(classSymbol, checker).description,
    inputs: inputsOf(propsType, checker),
    outputs: outputsOf(classType, checker),
  };
}

/** A compiler program over the given entry files, type-checked as the project's tsconfig says. */
export function createModuleProgram(entryFiles: readonly string[]): ts.Program {
  return ts.createProgram([...entryFiles], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    noEmit: true,
  });
}

/**
 * The constructs an entry file (a module's index.ts) exports, in export order: every class that
 * extends `Construct` and takes a props object as its third constructor parameter.
 */
export function exportedConstructs(program: ts.Program, entryFile: string): ConstructApi[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entryFile);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entryFile}: not a module the compiler could read`);
  const apis: ConstructApi[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Class)) continue;
    const api = constructApi(symbol, checker);
    if (api) apis.push(api);
  }
  return apis;
}
