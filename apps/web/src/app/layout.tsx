import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { TrpcReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = { title: "Pitboss Casino", description: "Provably fair games, fast payouts." };
export const viewport: Viewport = { themeColor: "#0f2a20", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" dir="ltr">
      <body>
        <TrpcReactProvider>{children}</TrpcReactProvider>
      </body>
    </html>
  );
}
