"use client";

import { useState, type KeyboardEvent } from "react";
import { addTags } from "../tags";
import type { ControlProps } from "./form-field";

/** Tags as removable chips; Enter or a comma adds what was typed (normalised to `lower-case-dashes`). */
export function TagsInput({ tags, onChange, ...control }: ControlProps & { tags: readonly string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState("");

  function commit() {
    if (!text.trim()) return;
    onChange(addTags(tags, text));
    setText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === "Enter" || event.key === ",") && text.trim()) {
      event.preventDefault();
      commit();
    } else if (event.key === "Backspace" && text === "" && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div
      className={`mt-1 flex flex-wrap items-center gap-1.5 rounded-md bg-white px-2 py-1.5 shadow-sm ring-1 ring-inset focus-within:ring-2 focus-within:ring-brand-600 ${control["aria-invalid"] ? "ring-red-500" : "ring-slate-300"}`}
    >
      {tags.map((tag) => (
        <span key={tag} className="inline-flex items-center gap-1 rounded bg-brand-50 py-0.5 pl-2 pr-1 text-sm text-brand-900">
          {tag}
          <button
            type="button"
            onClick={() => onChange(tags.filter((t) => t !== tag))}
            aria-label={`Remove tag ${tag}`}
            className="rounded px-1 text-brand-700 hover:bg-brand-100"
          >
            ×
          </button>
        </span>
      ))}
      <input
        {...control}
        type="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        placeholder={tags.length === 0 ? "e.g. fraud, checkout" : ""}
        className="min-w-32 flex-1 border-0 px-1 py-1 text-slate-900 placeholder:text-slate-400 focus:outline-none focus:ring-0"
      />
    </div>
  );
}
