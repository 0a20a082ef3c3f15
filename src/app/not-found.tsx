import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">This page does not exist, or you may not see it</h1>
      <p className="mt-2 text-sm text-slate-600">Check the address, or go back to the start.</p>
      <Link href="/" className="mt-6 text-sm font-semibold text-brand-700 hover:underline">
        Back to Servewise
      </Link>
    </main>
  );
}
