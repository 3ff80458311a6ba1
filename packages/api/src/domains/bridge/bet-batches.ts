/**
 * Group commit for the common studio bet. A statement's fixed costs (starting the executor for the seven tables a bet
 * writes, the snapshot, the commit and its WAL flush, the round trip) are most of what one bet costs PostgreSQL
 * (docs/benchmarks.md). So a bet goes at once when no statement is out, and the bets that arrive while statements are
 * out wait and go together, up to `maxBatch` to a statement: in a free slot of the `maxInFlight` once there are
 * `minBatchBeside` of them, or else as soon as no statement is out. A bet alone waits for nothing; under load a bet waits
 * for a statement to finish, and every statement carries many bets. (Sending whatever waits to any free slot made every
 * other statement under load a statement of one bet: the first answer back brings one bet, which took the slot alone.)
 *
 * Two bets with the same key (one player of one provider) never share a statement, nor run in two at once: the
 * statement cannot see its own debits, and a second batch would only wait on the first's lock. They go one after the
 * other, in arrival order.
 */
export type BatchOptions = {
  /** Statements out at once: enough to keep the database busy while the application prepares the next. */
  maxInFlight: number;
  /** Items per statement at most. */
  maxBatch: number;
  /** Items a statement needs to go while another is out; fewer wait until none is out. Default 1: any. */
  minBatchBeside?: number;
};

type Waiting<Item, Result> = {
  item: Item;
  key: string;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
};

/**
 * A function that sends one item through `runBatch` with whatever else is waiting; `runBatch` answers one result per
 * item, in order. When it throws, every item of that batch is rejected with the error.
 */
export const createBatcher = <Item, Result>(
  runBatch: (items: Item[]) => Promise<Result[]>,
  { maxInFlight, maxBatch, minBatchBeside = 1 }: BatchOptions,
) => {
  const waiting: Waiting<Item, Result>[] = [];
  const busyKeys = new Set<string>();
  let inFlight = 0;

  /** The waiting items that may go now, oldest first: one per key, none whose key is out. */
  const takeBatch = () => {
    const batch: Waiting<Item, Result>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < waiting.length && batch.length < maxBatch; ) {
      const next = waiting[i] as Waiting<Item, Result>;
      if (busyKeys.has(next.key) || keys.has(next.key)) {
        i += 1;
        continue;
      }
      keys.add(next.key);
      batch.push(next);
      waiting.splice(i, 1);
    }
    return { batch, keys };
  };

  /** Whether at least `count` waiting items could go in one statement now (distinct keys, none out). */
  const canSend = (count: number) => {
    if (waiting.length < count) return false;
    const keys = new Set<string>();
    for (const next of waiting) {
      if (!busyKeys.has(next.key)) keys.add(next.key);
      if (keys.size >= count) return true;
    }
    return false;
  };

  const send = () => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      if (inFlight > 0 && !canSend(minBatchBeside)) return;
      const { batch, keys } = takeBatch();
      if (batch.length === 0) return;
      inFlight += 1;
      for (const key of keys) busyKeys.add(key);
      runBatch(batch.map((entry) => entry.item))
        .then((results) => {
          if (results.length !== batch.length) throw new Error(`${results.length} results for ${batch.length} items`);
          for (const [i, entry] of batch.entries()) entry.resolve(results[i] as Result);
        })
        .catch((error: unknown) => {
          for (const entry of batch) entry.reject(error);
        })
        .finally(() => {
          inFlight -= 1;
          for (const key of keys) busyKeys.delete(key);
          send();
        });
    }
  };

  return (item: Item, key: string) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, key, resolve, reject });
      send();
    });
};
