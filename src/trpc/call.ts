import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

type Caller<I, O> = undefined extends I ? (input?: I) => Promise<O> : (input: I) => Promise<O>;

/** `api.router.procedure(input)`: every tRPC procedure, typed, callable from client components. */
export type Api = { [R in keyof Inputs]: { [P in keyof Inputs[R]]: Caller<Inputs[R][P], Outputs[R][P & keyof Outputs[R]]> } };

/**
 * The call itself (fetch, the wire format, its errors: ./fetch-procedure) loads on a page's first
 * call, not with every page (issue 13's 150 kB budget): most pages call nothing on arrival.
 * When that code cannot be loaded (offline), the call rejects as if the server could not be
 * reached, and the next call tries again.
 */
async function callLazily(path: string, input: unknown): Promise<unknown> {
  const loaded = await import("./fetch-procedure").catch(() => {
    throw new Error("The server could not be reached.");
  });
  return loaded.callProcedure(path, input);
}

const callers = new Map<string, (input?: unknown) => Promise<unknown>>();

/** The procedures as functions: `await api.account.changePassword({ … })`. Each is made once (a stable hook dependency). */
export const api = new Proxy({} as Api, {
  get: (_, router: string) =>
    new Proxy(
      {},
      {
        get: (__, procedure: string) => {
          const path = `${router}.${procedure}`;
          let call = callers.get(path);
          if (!call) callers.set(path, (call = (input?: unknown) => callLazily(path, input)));
          return call;
        },
      },
    ),
});
