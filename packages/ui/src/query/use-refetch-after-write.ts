"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

/**
 * After a write (a bet, a deposit, a staff decision): refetch every query under the given keys.
 *
 * A plain `invalidateQueries` is not enough. When a query has no data yet and its first fetch is still in flight,
 * React Query folds the invalidation into that fetch, and that fetch may have read the database before the write
 * committed: a fresh wallet page then kept showing €0.00 after its demo deposit. Cancelling first drops such a
 * fetch, so the refetch always reads after the write.
 */
export const useRefetchAfterWrite = () => {
  const queryClient = useQueryClient();
  return useCallback(
    async (...queryKeys: QueryKey[]) => {
      await Promise.all(queryKeys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
      await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    [queryClient],
  );
};
