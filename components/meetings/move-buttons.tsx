import { getTranslations } from "next-intl/server";
import { moveRowAction } from "@/app/meetings/[id]/actions";

type Props = { meetingId: string; kind: "participant" | "signatory" | "topic"; id: string; name: string; first: boolean; last: boolean };

/** Up and down for one row of an ordered list of the meeting; the accessible names say whom they move. */
export async function MoveButtons({ meetingId, kind, id, name, first, last }: Props) {
  const tc = await getTranslations("common");
  return (
    <form action={moveRowAction.bind(null, meetingId)} className="actions">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <button className="button button--quiet button--small" name="direction" value="up" disabled={first} aria-label={`${tc("moveUp")}: ${name}`}>
        ↑
      </button>
      <button className="button button--quiet button--small" name="direction" value="down" disabled={last} aria-label={`${tc("moveDown")}: ${name}`}>
        ↓
      </button>
    </form>
  );
}
