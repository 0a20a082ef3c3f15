"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A filter form whose URL is its state: a plain GET form (it works before JavaScript loads,
 * and from the keyboard) that, with JavaScript, navigates to a clean URL instead: empty fields
 * left out, values trimmed, parameters in `order` (the page's own order; others after). The
 * fields themselves are rendered on the server.
 */
export function GetForm({ action, order = [], ...props }: Omit<ComponentProps<"form">, "action" | "method" | "onSubmit"> & { action: string; order?: readonly string[] }) {
  const router = useRouter();
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return (
    <form
      {...props}
      action={action}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        const entries = [...new FormData(event.currentTarget)]
          .map(([name, value]) => [name, typeof value === "string" ? value.trim() : ""] as const)
          .filter(([, value]) => value !== "");
        entries.sort((a, b) => rank(a[0]) - rank(b[0]));
        const query = new URLSearchParams(entries.map(([name, value]) => [name, value])).toString();
        router.push(query ? `${action}?${query}` : action);
      }}
    />
  );
}
