import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/action-result";
import { ActionForm } from "@/components/ui/action-form";

/** Choosing a password from a mailed link (an invitation or a reset): typed twice, then signed in. */
export async function NewPasswordPage(props: {
  title: string;
  intro: string;
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  const t = await getTranslations("access");
  return (
    <section className="card sign-in">
      <h1>{props.title}</h1>
      <p className="page-intro">{props.intro}</p>
      <ActionForm
        action={props.action}
        fields={[
          { name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password", required: true },
          { name: "confirm", label: t("confirmPassword"), type: "password", autoComplete: "new-password", required: true },
        ]}
        submitLabel={t("setPassword")}
        pendingLabel={t("saving")}
        successMessage=""
        idPrefix="new-password"
      />
      <p className="page-intro">{t("passwordHint")}</p>
    </section>
  );
}
