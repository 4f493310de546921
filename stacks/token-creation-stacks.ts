// cdktf keeps the call stack of every token it creates (each attribute reference, each nested
// block of a provider resource), only to quote it should that token later be misused. It does so
// even when the app is created with `stackTraces: false`, and capturing and formatting those
// stacks costs about a tenth of a synthesis. A synthesis that asks for no stack traces skips them.
import * as stackTrace from "cdktf/lib/tokens/private/stack-trace";

/** Makes cdktf record no call stack for the tokens created from now on in this process. */
export function skipTokenCreationStacks(): void {
  (stackTrace as { captureStackTrace: () => string[] }).captureStackTrace = () => [];
}
