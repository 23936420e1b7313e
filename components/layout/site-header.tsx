import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/sign-out";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const t = await getTranslations("header");
  const common = await getTranslations("common");
  const access = await getTranslations("access");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          {common("appName")}
        </Link>
        {actor?.linkScope && (
          <p className="site-nav link-session" role="note">
            {access("linkSession")} <Link href={`/communiques/${actor.linkScope}`}>{access("linkSessionOpen")}</Link>
          </p>
        )}
        {actor && !actor.linkScope && (
          <nav className="site-nav" aria-label={t("mainNav")}>
            <Link href="/">{t("meetings")}</Link>
            {can(actor, "library.view") && <Link href="/library">{t("library")}</Link>}
            {can(actor, "directory.view") && <Link href="/directory">{t("directory")}</Link>}
            {can(actor, "outbox.view") && <Link href="/outbox">{t("outbox")}</Link>}
            {can(actor, "user.manage") && <Link href="/admin/users">{t("users")}</Link>}
          </nav>
        )}
        <Link href="/verify" className="header-link">
          {t("verify")}
        </Link>
        <div className="header-tools">
          <LanguageSwitcher />
          {actor && (
            <>
              {actor.linkScope ? (
                <span className="user-name" title={t("signedInAs", { name: actor.displayName })}>
                  {actor.displayName}
                </span>
              ) : (
                <Link href="/account" className="user-name" title={t("signedInAs", { name: actor.displayName })}>
                  {actor.displayName}
                </Link>
              )}
              <form action={signOutAction}>
                <button type="submit">{t("signOut")}</button>
              </form>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
