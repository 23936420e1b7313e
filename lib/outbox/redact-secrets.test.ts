import { describe, expect, it } from "vitest";
import { HIDDEN, redactSecrets } from "./redact-secrets";

const token = `cmxc0wdvr002ojn7d3ynzvj8k.${"Ab9_-".repeat(8)}xyz`;

describe("redactSecrets", () => {
  it("hides the token of every mailed link, keeping the page it leads to", () => {
    for (const path of ["l", "invitation", "reset-password"]) {
      const text = `Откройте:\nhttps://communique.example/${path}/${token}\n— \nСпасибо`;
      const shown = redactSecrets(text, "approval-requested");
      expect(shown).toBe(`Откройте:\nhttps://communique.example/${path}/${HIDDEN}\n— \nСпасибо`);
      expect(shown).not.toContain(token.split(".")[1]);
    }
  });

  it("hides a signing code, and only in a signing-code message", () => {
    const text = "署名用の確認コード：\n\n  482913\n\n有効期間は10分です。";
    expect(redactSecrets(text, "signing-code")).toBe(`署名用の確認コード：\n\n  ${HIDDEN}\n\n有効期間は10分です。`);
    expect(redactSecrets("Пункт\n202020\n", "revision-changed")).toBe("Пункт\n202020\n");
  });

  it("leaves plain page addresses alone", () => {
    const text = "https://communique.example/communiques/c1/status#comments";
    expect(redactSecrets(text, "changes-requested")).toBe(text);
  });
});
