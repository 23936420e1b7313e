import { isAuditAction, type AuditAction, type AuditEvents } from "./audit-events";

/** Lets only actions, each with fields of its own data, into the table below. */
type FieldsOfActions<T extends { [A in keyof T]: A extends AuditAction ? keyof AuditEvents[A] : never }> = T;

/**
 * Fields an action's data gained after events had been written without them. The trail cannot
 * be rewritten, so those older rows lack the field (and an old `user.updated` carries a
 * `passwordReset` that is no longer written): read back, the field is optional.
 */
type AddedLater = FieldsOfActions<{
  "signing.opened": "round";
  "signature.recorded": "confirmedBy";
  "user.created": "invited" | "invitation";
  "user.updated": "sessionsEnded";
}>;

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** An action's data as the rows of every age hold it. */
export type StoredData<A extends AuditAction> = A extends keyof AddedLater ? Optional<AuditEvents[A], AddedLater[A] & keyof AuditEvents[A]> : AuditEvents[A];

/** A stored event whose action this code does not write (any more): its data is not trusted. */
export interface UnknownEvent {
  action: null;
  storedAction: string;
  data: unknown;
}

export type StoredEvent = { [A in AuditAction]: { action: A; data: StoredData<A> } }[AuditAction] | UnknownEvent;

interface EventRow {
  action: string;
  data: unknown;
}

/**
 * Types a row of the trail for display: narrowing on `action` gives the data of that action.
 * The other columns the caller selected come along.
 */
export function readEvent<R extends EventRow>(row: R): Omit<R, keyof EventRow> & StoredEvent {
  const { action, data, ...rest } = row;
  if (isAuditAction(action) && isPlainObject(data)) {
    // recordEvent, the one writer of the trail, ties the data to the action.
    return { ...rest, action, data } as Omit<R, keyof EventRow> & StoredEvent;
  }
  return { ...rest, action: null, storedAction: action, data };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
