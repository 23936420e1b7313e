import { getTranslations } from "next-intl/server";
import { ActionForm, type FieldSpec } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * Changing one's password, the current one first; an account that has none yet (its owner has
 * only used mailed links) just sets one.
 */
export async function PasswordForm({ hasPassword, action }: { hasPassword: boolean; action: Action }) {
  const t = await getTranslations("account");
  const current: FieldSpec[] = hasPassword
    ? [{ name: "currentPassword", label: t("currentPassword"), type: "password", autoComplete: "current-password", required: true }]
    : [];
  return (
    <section className="card" aria-labelledby="password">
      <h2 id="password">{t("passwordTitle")}</h2>
      <p className="muted">{hasPassword ? t("passwordIntro") : t("noPasswordIntro")}</p>
      <ActionForm
        idPrefix="password"
        action={action}
        fields={[
          ...current,
          { name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password", required: true },
          { name: "confirm", label: t("confirmPassword"), type: "password", autoComplete: "new-password", required: true },
        ]}
        submitLabel={hasPassword ? t("changePassword") : t("setPassword")}
        successMessage={t("passwordChanged")}
      />
      <p className="muted">{t("passwordHint")}</p>
    </section>
  );
}
