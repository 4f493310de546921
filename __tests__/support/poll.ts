/**
 * Polls `probe` every 20 ms until it returns a value. Fails when `ended`, whatever should bring
 * that value about, settles first (with the description it resolves to), or after `timeoutMs`.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  options: { readonly ended?: Promise<string>; readonly timeoutMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let ended: string | undefined;
  void options.ended?.then((description) => (ended = description));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (ended !== undefined) throw new Error(`${what}: ${ended}`);
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs} ms`);
    await new Promise((resume) => setTimeout(resume, 20));
  }
}
