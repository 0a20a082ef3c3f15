"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface SectionTab {
  /** Also the URL fragment that opens it (`#tab-answers`), so a section can be linked to. */
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The sections of a long page as tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys, Home
 * and End move between tabs and show them; the open tab follows the URL fragment. Every panel is
 * rendered (server content stays server-side) and all print.
 */
export function SectionTabs({ tabs, label }: { tabs: readonly SectionTab[]; label: string }) {
  const base = useId();
  const [selected, setSelected] = useState(tabs[0]?.id ?? "");
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    const fromHash = () => {
      const wanted = window.location.hash.replace(/^#tab-/, "");
      if (tabs.some((t) => t.id === wanted)) setSelected(wanted);
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, [tabs]);

  function select(id: string, focus: boolean) {
    setSelected(id);
    window.history.replaceState(null, "", `#tab-${id}`);
    if (focus) refs.current[id]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(tabs[to]!.id, true);
  }

  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 print:hidden">
        {tabs.map((tab, index) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[tab.id] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => select(tab.id, false)}
              onKeyDown={(e) => onKeyDown(e, index)}
              className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-brand-600 ${
                active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          tabIndex={0}
          className={`space-y-6 pt-6 focus-visible:outline-2 focus-visible:outline-brand-600 ${tab.id === selected ? "" : "hidden print:block"}`}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
