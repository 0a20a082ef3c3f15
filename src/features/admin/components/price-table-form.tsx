"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import type { PriceTable } from "~/engine";
import { FieldError } from "~/components/ui/field";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { useProcedure } from "~/trpc/use-procedure";
import { parsePriceTexts, PRICE_FIELDS, priceFieldErrors, priceTexts, type PriceKey, type PriceTexts } from "../prices";
import { ScrollRegion } from "~/components/ui/scroll-region";

interface PriceSettings {
  prices: PriceTable;
  defaults: PriceTable;
  updatedAt: Date | null;
  updatedBy: string | null;
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function usd(n: number): string {
  return `$${n.toLocaleString("en-US", { maximumFractionDigits: 8 })}`;
}

/**
 * The organisation's unit prices, used by every new assessment's cost estimates: each price with
 * its unit and the engine's default, a per-field reset, client checks for numbers and the
 * server's own field errors (minimum, maximum) beside their fields. Saving is audited.
 */
export function PriceTableForm({ initial }: { initial: PriceSettings }) {
  const [data, setData] = useState(initial);
  const update = useProcedure(api.admin.updatePrices);
  const [texts, setTexts] = useState<PriceTexts>(() => priceTexts(initial.prices));
  const [errors, setErrors] = useState<Partial<Record<PriceKey, string>>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);

  const saved = priceTexts(data.prices);
  const dirty = PRICE_FIELDS.some((f) => texts[f.key].trim() !== saved[f.key]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const parsed = parsePriceTexts(texts);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length > 0) {
      setMessage({ tone: "error", text: "Some prices need attention: see the messages next to them." });
      return;
    }
    try {
      const result = await update.mutateAsync({ prices: parsed.prices });
      setData(await api.admin.getPrices());
      setTexts(priceTexts(result.prices));
      setMessage({
        tone: "success",
        text: result.changed.length === 0 ? "Nothing changed." : `Saved ${result.changed.length} ${result.changed.length === 1 ? "price" : "prices"}. New assessments use them.`,
      });
    } catch (e) {
      const failure = readApiError(e);
      setErrors(priceFieldErrors(failure.fieldErrors));
      setMessage({ tone: "error", text: failure.message });
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="prices-heading" aria-describedby="prices-description">
      <ScrollRegion label="Unit prices" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Unit prices, their defaults and units</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                Price
              </th>
              <th scope="col" className="px-4 py-3">
                Value
              </th>
              <th scope="col" className="px-4 py-3">
                Default
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Reset</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {PRICE_FIELDS.map((f) => {
              const id = `price-${f.key}`;
              const defaultText = String(data.defaults[f.key]);
              const atDefault = texts[f.key].trim() === defaultText;
              const changed = texts[f.key].trim() !== saved[f.key];
              return (
                <tr key={f.key} className="align-top">
                  <th scope="row" className="px-4 py-3 text-left font-normal">
                    <label htmlFor={id} className="block font-medium text-slate-900">
                      {f.label}
                    </label>
                    <span id={`${id}-unit`} className="block text-xs text-slate-500">
                      {f.unit}
                    </span>
                  </th>
                  <td className="px-4 py-3">
                    <div className="flex items-center rounded-md shadow-sm ring-1 ring-inset ring-slate-300 focus-within:ring-2 focus-within:ring-brand-600 has-[[aria-invalid=true]]:ring-red-500">
                      <span aria-hidden="true" className="pl-3 text-slate-500">
                        $
                      </span>
                      <input
                        id={id}
                        name={f.key}
                        inputMode="decimal"
                        autoComplete="off"
                        value={texts[f.key]}
                        onChange={(e) => setTexts((t) => ({ ...t, [f.key]: e.target.value }))}
                        aria-invalid={errors[f.key] ? true : undefined}
                        aria-describedby={[`${id}-unit`, errors[f.key] ? `${id}-error` : null].filter(Boolean).join(" ")}
                        className="w-36 rounded-md border-0 bg-transparent px-2 py-1.5 text-sm tabular-nums text-slate-900 focus:outline-none focus:ring-0"
                      />
                      {changed ? <span className="pr-2 text-xs text-amber-800">edited</span> : null}
                    </div>
                    <FieldError id={`${id}-error`} message={errors[f.key]} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-600">{usd(data.defaults[f.key])}</td>
                  <td className="px-4 py-3 text-right">
                    <Button
                      variant="ghost"
                      className="px-2 py-1 text-xs text-brand-700 disabled:opacity-40"
                      disabled={atDefault}
                      onClick={() => {
                        setTexts((t) => ({ ...t, [f.key]: defaultText }));
                        setErrors(({ [f.key]: _cleared, ...rest }) => rest);
                      }}
                    >
                      Reset to default<span className="sr-only"> ({f.label})</span>
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={update.isPending || !dirty}>
          {update.isPending ? "Saving…" : "Save prices"}
        </Button>
        <Button variant="secondary" className="disabled:opacity-50" disabled={!dirty || update.isPending} onClick={() => (setTexts(saved), setErrors({}), setMessage(null))}>
          Discard changes
        </Button>
        <p className="text-xs text-slate-500">
          {data.updatedAt ? `Last changed ${DATE_TIME.format(new Date(data.updatedAt))} UTC${data.updatedBy ? ` by ${data.updatedBy}` : ""}.` : "The engine's defaults are in use."}
        </p>
      </div>
      <div aria-live="polite" className="mt-3 empty:hidden">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
    </form>
  );
}
