/**
 * Options for transactions that take a communiqué's row lock: they queue behind each other,
 * so a burst (many heads deciding at once) must be allowed to wait its turn rather than fail
 * after Prisma's default two seconds.
 */
export const SERIAL_TX = { maxWait: 30_000, timeout: 30_000 } as const;
