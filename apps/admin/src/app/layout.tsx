import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TrpcReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = { title: "Pitboss Back Office", robots: { index: false, follow: false } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" dir="ltr">
      <body>
        <TrpcReactProvider>{children}</TrpcReactProvider>
      </body>
    </html>
  );
}
