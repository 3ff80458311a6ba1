"use client";

import type { AppRouter } from "@pitboss/api/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const httpStatusOf = (error: unknown) => (error as { data?: { httpStatus?: number } })?.data?.httpStatus ?? 500;

export const TrpcReactProvider = ({ children }: { children: ReactNode }) => {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A refusal (4xx: no session, no permission, bad input) will not change on retry; only 5xx is retried.
          queries: { staleTime: 5_000, retry: (failures, error) => failures < 2 && httpStatusOf(error) >= 500 },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
};
