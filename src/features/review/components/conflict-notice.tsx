"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button";

/** Someone acted on this version first: say what happened and offer to load the current state. */
export function ConflictNotice({ message, onReload }: { message: string; onReload: () => Promise<void> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [reloading, setReloading] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 outline-none"
    >
      <div>
        <p className="font-semibold">This version changed while you were reviewing it</p>
        <p>{message}</p>
      </div>
      <Button
        variant="secondary"
        className="self-start"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          void onReload().finally(() => setReloading(false));
        }}
      >
        {reloading ? "Reloading…" : "Reload"}
      </Button>
    </div>
  );
}
