import { getFormatter } from "next-intl/server";

/** Calendar dates are stored as UTC midnights; show them as such in the UI language's form. */
export async function dateFormatter() {
  const format = await getFormatter();
  return (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
}
