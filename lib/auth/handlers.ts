import { sameOriginOnly } from "@/lib/http/same-origin";
import { handlers } from "./config";

export const GET = handlers.GET;
// Auth.js checks its CSRF token on POST; the origin check stops cross-site posts before that.
export const POST = sameOriginOnly(handlers.POST);
