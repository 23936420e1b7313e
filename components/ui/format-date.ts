import { getFormatter } from "next-intl/server";

/** Calendar dates are stored as UTC midnights; show them as such in the UI language's form. */
export async function dateFormatter() {
  const format = await getFormatter();
  return (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
}

/** A moment (an expiry, a sign-in) with its time, in UTC and saying so. */
export async function momentFormatter() {
  const format = await getFormatter();
  return (date: Date) => `${format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
