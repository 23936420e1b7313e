import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { pdftotext } from "@/lib/pdf/testing/poppler";
import { approvalActors, type Actors } from "@/lib/testing/approval-fixtures";
import { signingCommunique, squeeze, useSigningDatabase } from "@/lib/testing/signing-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { GET } from "./route";

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));

vi.mock("@/lib/auth/get-actor", () => ({ getActor: async () => signedIn.actor }));

// The Russian catalogue, as a Russian-speaking user gets it.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/ru.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "ru", messages, namespace: namespace as never }) };
});

useSigningDatabase();

let as: Actors;

beforeAll(async () => {
  as = await approvalActors();
  signedIn.actor = as[SECRETARIAT]!;
});

const fileName = (response: Response) => decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "");

describe("GET revision PDF", () => {
  it("calls the approved revision a draft and marks it so while it is being signed: only the sealed PDF is signed", async () => {
    const { communiqueId, revisionId } = await signingCommunique(as);
    const response = await GET(new Request(`http://app.example/communiques/${communiqueId}/revisions/${revisionId}/pdf`), {
      params: Promise.resolve({ id: communiqueId, revisionId }),
    });
    expect(response.status).toBe(200);
    expect(fileName(response)).toMatch(/\(проект\)\.pdf$/);
    expect(fileName(response)).not.toContain("подписано");
    const text = pdftotext(new Uint8Array(await response.arrayBuffer()), ["-raw", "-enc", "UTF-8"]);
    expect(squeeze(text)).toContain("ПРОЕКТ草案");
  });
});
