import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { saveRevision } from "@/lib/revisions/save-revision";
import { approvalActors, editClause, submittedCommunique, useApprovalDatabase, type Actors } from "@/lib/testing/approval-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import RevisionsPage from "./page";

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));

vi.mock("@/lib/auth/get-actor", () => ({ requireActor: async () => signedIn.actor }));

// The Russian catalogue, as a Russian-speaking user gets it.
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/ru.json")).default;
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "ru", messages, namespace: namespace as never }),
    getFormatter: async () => createFormatter({ locale: "ru", timeZone: "UTC" }),
  };
});

useApprovalDatabase();

let as: Actors;
let communiqueId: string;
let revisions: { first: string; second: string };
let foreignRevision: string;

beforeAll(async () => {
  as = await approvalActors();
  signedIn.actor = as[SECRETARIAT]!;
  const submitted = await submittedCommunique(as[SECRETARIAT]!);
  communiqueId = submitted.communiqueId;
  await editClause(as[SECRETARIAT]!, submitted.clauseIds[1], "ru", "Стороны подчеркнули важность развития портов.");
  revisions = { first: submitted.revisionId, second: (await saveRevision(as[SECRETARIAT]!, communiqueId)).id };
  foreignRevision = (await submittedCommunique(as[SECRETARIAT]!)).revisionId;
});

/** The page's element tree, without rendering it: its alerts and its second-level headings. */
function collect(node: ReactNode, out: { alerts: string[]; headings: string[] } = { alerts: [], headings: [] }) {
  if (Array.isArray(node)) for (const child of node) collect(child, out);
  else if (isValidElement<{ role?: string; children?: ReactNode }>(node)) {
    if (node.props.role === "alert") out.alerts.push(String(node.props.children));
    if (node.type === "h2" && typeof node.props.children === "string") out.headings.push(node.props.children);
    collect(node.props.children, out);
  }
  return out;
}

const page = (query: { a?: string | string[]; b?: string | string[] }) =>
  RevisionsPage({ params: Promise.resolve({ id: communiqueId }), searchParams: Promise.resolve(query) });

describe("revisions page", () => {
  it("compares the two latest revisions by default", async () => {
    const { alerts, headings } = collect(await page({}));
    expect(alerts).toEqual([]);
    expect(headings).toContain("Версия 1 → версия 2");
  });

  it("says so, rather than failing, when a or b names no revision of this communiqué", async () => {
    for (const query of [{ b: "no-such-revision" }, { a: "no-such-revision", b: revisions.second }, { a: foreignRevision }, { a: [revisions.first, revisions.second] }]) {
      const { alerts, headings } = collect(await page(query));
      expect(alerts, JSON.stringify(query)).toEqual(["Такой версии у этого коммюнике нет. Выберите версии для сравнения из списка."]);
      expect(headings.filter((h) => h.startsWith("Версия")), JSON.stringify(query)).toEqual([]);
    }
  });
});
