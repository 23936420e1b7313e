"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { Side } from "@/lib/communique/content";
import { suggestCityLocativeRu, suggestGenitiveRu } from "@/lib/communique/suggest-forms";

type Props = {
  /** The case form this form keeps: a city's locative or an association's genitive. */
  field: "nameLocativeRu" | "nameGenitiveRu";
  /** The sentence it goes into, with "{form}" where the form stands. */
  template: string;
  /** Said beside the form while it is the rule's suggestion. */
  suggestedNote: string;
  children: ReactNode;
};

function suggest(field: Props["field"], name: string, side: Side): string {
  return field === "nameLocativeRu" ? suggestCityLocativeRu(name, side) : suggestGenitiveRu(name);
}

/**
 * Wraps a directory form: while the user types the Russian name, the case form is filled in
 * with the rule's suggestion (until they edit it themselves), and the sentence it goes into
 * is shown as it will read.
 */
export function CaseFormPreview({ field, template, suggestedNote, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Edited by hand: the suggestion no longer overwrites it.
  const ownForm = useRef<boolean | null>(null);
  const [form, setForm] = useState("");
  const [suggested, setSuggested] = useState(false);

  const refresh = useCallback(
    (edited?: EventTarget | null) => {
      const element = box.current?.querySelector("form");
      if (!element) return;
      const input = (name: string) => element.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      const target = input(field);
      const name = input("nameRu")?.value ?? "";
      const side = (input("side")?.value ?? "RU") as Side;
      if (!target) return;
      const suggestion = suggest(field, name, side);
      // A form that arrives filled in (an edit) counts as the user's own unless it is the rule's.
      ownForm.current ??= target.value !== "" && target.value !== suggestion;
      if (edited === target) ownForm.current = target.value !== "" && target.value !== suggestion;
      else if (!ownForm.current && name !== "") target.value = suggestion;
      setForm(target.value);
      setSuggested(!ownForm.current && target.value !== "");
    },
    [field],
  );

  useEffect(() => {
    refresh();
    // The form is rebuilt after each submission: read it again when that happens.
    const observer = new MutationObserver(() => {
      ownForm.current = null;
      refresh();
    });
    if (box.current) observer.observe(box.current, { childList: true });
    return () => observer.disconnect();
  }, [refresh]);

  const [before, after] = template.split("{form}");
  return (
    <div ref={box} onInput={(event) => refresh(event.target)} onChange={(event) => refresh(event.target)}>
      {children}
      <p className="case-preview" aria-live="polite">
        {before}
        <strong lang="ru">{form || "…"}</strong>
        {after}
        {suggested && <span className="case-preview__note"> {suggestedNote}</span>}
      </p>
    </div>
  );
}
