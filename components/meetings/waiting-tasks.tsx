import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Task } from "@/lib/approvals/waiting-for-me";

/** A head's or signatory's own to-do list, with direct links: the first thing on their home page. */
export async function WaitingTasks({ tasks }: { tasks: Task[] }) {
  const [t, locale] = await Promise.all([getTranslations("home"), getLocale()]);
  if (tasks.length === 0) return null;
  return (
    <section className="card tasks" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t("waiting")}</h2>
      <ul className="task-list">
        {tasks.map((task) => (
          <li key={`${task.kind}-${task.communiqueId}`}>
            <Link className="button" href={`/communiques/${task.communiqueId}/${task.kind === "approve" ? "review" : "sign"}`}>
              {t(task.kind === "approve" ? "taskApprove" : "taskSign", { ordinal: task.meeting.ordinal, number: task.meeting.number })}
            </Link>
            {task.forHead && <span className="muted"> {t("taskForHead", { name: locale === "ja" ? task.forHead.ja : task.forHead.ru })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
