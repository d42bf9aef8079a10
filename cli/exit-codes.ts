/** Exit codes scripts can rely on (SPEC section 10). */
export const EXIT = {
  /** The command succeeded. */
  ok: 0,
  /** The command ran and found problems (for `lint`: at least one `error` finding). */
  problems: 1,
  /** Bad usage or unreadable input. */
  usage: 2,
} as const;
