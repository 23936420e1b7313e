import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./pdf-response";

type Handler<R extends Request, C extends unknown[]> = (request: R, ...context: C) => Response | Promise<Response>;

/**
 * Whether a state-changing request comes from a page of this app. Browsers send Origin with
 * every POST (and Sec-Fetch-Site on top); a page elsewhere that submits a form or calls fetch
 * here therefore names another origin and is refused. Requests without either header do not
 * come from a browser page, carry no ambient credentials worth forging, and are let through
 * — the same rule Next.js applies to server actions.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return false; // sandboxed frames, file: pages
    const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
    try {
      return host !== null && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

/** Wraps a POST/PUT/PATCH/DELETE route handler: cross-origin requests get 403 before it runs. */
export function sameOriginOnly<R extends Request, C extends unknown[]>(handler: Handler<R, C>): Handler<R, C> {
  return (request, ...context) => {
    if (!isSameOrigin(request.headers)) {
      return errorResponse(new AppError("FORBIDDEN"));
    }
    return handler(request, ...context);
  };
}
