import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";

/** A step of a pager in the URL ("Older events →"): a link, or marked disabled when there is nowhere to go. */
export function PageStep({ href, children }: { href: string | null; children: ReactNode }) {
  const className = `${buttonClasses("secondary")} ${href ? "" : "pointer-events-none opacity-50"}`;
  return href ? (
    <Link href={href} className={className}>
      {children}
    </Link>
  ) : (
    <span aria-disabled="true" className={className}>
      {children}
    </span>
  );
}
