import type { Block } from "@/lib/communique/content";
import type { Piece } from "@/lib/revisions/compare-contents";

/** One block of the document in one language, as the preview, the review and the history show it. */
export function BlockText({ block, lang }: { block: Block; lang: "ru" | "ja" }) {
  if (block.kind === "participants") {
    return (
      <>
        <p>{block.intro[lang]}</p>
        {block.groups.map((g) => (
          <div key={g.side}>
            <p className="parallel__group">{g.heading[lang]}</p>
            <table className="parallel__people">
              <tbody>
                {g.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{r.title[lang]}</td>
                    <td>{r.name[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </>
    );
  }
  const text = block.text[lang];
  if (block.kind === "title") return <h2 className="parallel__title">{text}</h2>;
  if (block.kind === "meetingLine") return <p className="parallel__meeting">{text}</p>;
  return (
    <p className={block.kind === "clause" ? "parallel__clause" : undefined}>
      {block.number ? `${block.number}. ` : ""}
      {text}
    </p>
  );
}

/** A compared text: insertions and deletions marked in place. */
export function DiffPieces({ pieces, lang }: { pieces: Piece[]; lang?: "ru" | "ja" }) {
  return (
    <p lang={lang} className="diff__text">
      {pieces.map((p, i) => (p.op === "added" ? <ins key={i}>{p.text}</ins> : p.op === "removed" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </p>
  );
}
