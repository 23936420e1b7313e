import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { createElement, type ReactElement } from "react";
import { isAppError } from "@/lib/errors/app-error";

export type PageData<T> = { ok: true; data: T } | { ok: false; refusal: ReactElement };

/**
 * A page's query, with the two refusals every page answers the same way: NOT_FOUND is the 404
 * page, FORBIDDEN a notice in the user's language. Anything else is an error (app/error.tsx).
 */
export async function pageData<T>(query: Promise<T>): Promise<PageData<T>> {
  try {
    return { ok: true, data: await query };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") {
      const te = await getTranslations("errors");
      return { ok: false, refusal: createElement("p", { className: "card", role: "alert" }, te("FORBIDDEN")) };
    }
    throw error;
  }
}
