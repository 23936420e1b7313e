import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("meeting");
  const te = await getTranslations("errors");
  return (
    <section className="card" role="alert">
      <h1>{te("NOT_FOUND")}</h1>
      <Link href="/">{t("back")}</Link>
    </section>
  );
}
