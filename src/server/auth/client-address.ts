/**
 * The client's network address, for sign-in throttling.
 *
 * Next.js gives route handlers no socket, and it keeps an `X-Forwarded-For` that the client
 * sent itself. So the server stamps each request with its connection's address
 * (`installClientAddressStamp`, run from src/instrumentation.ts), overwriting any header of
 * that name a client sent. `X-Forwarded-For` is believed only when TRUST_PROXY says how many
 * proxies in front of the app append to it: the address the outermost trusted proxy saw is
 * the entry that many places from the right.
 */
import type { IncomingMessage, Server } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-servewise-client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** The client address of a request, or null when it cannot be told. */
export function clientAddress(headers: HeaderSource, trustProxyHops: number): string | null {
  if (trustProxyHops > 0) {
    const forwarded = (header(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = normalise(forwarded[forwarded.length - trustProxyHops]);
    if (entry) return entry;
  }
  return normalise(header(headers, CLIENT_ADDRESS_HEADER));
}

/** An IPv4 or IPv6 address as text (IPv4-mapped IPv6 and a port after IPv4 dropped), or null for anything else. */
function normalise(address: string | null | undefined): string | null {
  if (!address) return null;
  const plain = address
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return /^[0-9a-f:.]{2,45}$/i.test(plain) ? plain.toLowerCase() : null;
}

/** Stamps every HTTP request this process serves with its connection's address (once per process). */
export function installClientAddressStamp(serverPrototype: Server) {
  const proto = serverPrototype as Server & { servewiseStamped?: boolean };
  if (proto.servewiseStamped) return;
  proto.servewiseStamped = true;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[CLIENT_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
