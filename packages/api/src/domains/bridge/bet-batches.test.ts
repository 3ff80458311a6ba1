import { describe, expect, it } from "vitest";
import { createBatcher } from "./bet-batches";

/** A batch runner whose statements the test finishes by hand, recording what each was given. */
const manualRunner = () => {
  const batches: { items: string[]; finish: (results?: string[]) => void; fail: (error: Error) => void }[] = [];
  const runBatch = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({
        items,
        finish: (results = items.map((item) => `done ${item}`)) => resolve(results),
        fail: reject,
      });
    });
  return { batches, runBatch };
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("bet batches", () => {
  it("sends a lone bet at once, and the bets that arrive while the statements are out together, oldest first", async () => {
    const { batches, runBatch } = manualRunner();
    const send = createBatcher(runBatch, { maxInFlight: 1, maxBatch: 10 });
    const first = send("a", "player-a");
    expect(batches.map((batch) => batch.items)).toEqual([["a"]]);
    const later = ["b", "c", "d"].map((item) => send(item, `player-${item}`));
    expect(batches).toHaveLength(1);

    batches[0]?.finish();
    expect(await first).toBe("done a");
    await settle();
    expect(batches.map((batch) => batch.items)).toEqual([["a"], ["b", "c", "d"]]);
    batches[1]?.finish();
    expect(await Promise.all(later)).toEqual(["done b", "done c", "done d"]);
  });

  it("keeps one player's bets apart: never two in a statement, never two statements at once, in arrival order", async () => {
    const { batches, runBatch } = manualRunner();
    const send = createBatcher(runBatch, { maxInFlight: 2, maxBatch: 10 });
    const answers = [send("a1", "a"), send("a2", "a"), send("b1", "b"), send("a3", "a")];
    // a1 alone; the second slot takes b1, as a2 waits for a1.
    expect(batches.map((batch) => batch.items)).toEqual([["a1"], ["b1"]]);
    batches[0]?.finish();
    await settle();
    expect(batches.map((batch) => batch.items)).toEqual([["a1"], ["b1"], ["a2"]]);
    batches[1]?.finish();
    batches[2]?.finish();
    await settle();
    expect(batches.map((batch) => batch.items)).toEqual([["a1"], ["b1"], ["a2"], ["a3"]]);
    batches[3]?.finish();
    expect(await Promise.all(answers)).toEqual(["done a1", "done a2", "done b1", "done a3"]);
  });

  it("sends a statement beside a running one only with minBatchBeside bets; fewer wait until none is out", async () => {
    const { batches, runBatch } = manualRunner();
    const send = createBatcher(runBatch, { maxInFlight: 2, maxBatch: 10, minBatchBeside: 3 });
    const answers = [send("a1", "a"), send("b1", "b"), send("a2", "a"), send("c1", "c")];
    // a2 cannot go while a1 is out, so b1 and c1 are two of the three a statement beside a1 needs.
    expect(batches.map((batch) => batch.items)).toEqual([["a1"]]);
    answers.push(send("d1", "d"));
    expect(batches.map((batch) => batch.items)).toEqual([["a1"], ["b1", "c1", "d1"]]);
    answers.push(send("e1", "e"));
    batches[0]?.finish();
    await settle();
    // One statement still out: a2 and e1 are too few to go beside it.
    expect(batches).toHaveLength(2);
    batches[1]?.finish();
    await settle();
    expect(batches.map((batch) => batch.items)).toEqual([["a1"], ["b1", "c1", "d1"], ["a2", "e1"]]);
    batches[2]?.finish();
    expect(await Promise.all(answers)).toEqual(["done a1", "done b1", "done a2", "done c1", "done d1", "done e1"]);
  });

  it("puts at most maxBatch bets in one statement", async () => {
    const { batches, runBatch } = manualRunner();
    const send = createBatcher(runBatch, { maxInFlight: 1, maxBatch: 2 });
    const answers = ["a", "b", "c", "d", "e"].map((item) => send(item, item));
    for (let i = 0; i < 3; i += 1) {
      batches[i]?.finish();
      await settle();
    }
    expect(batches.map((batch) => batch.items)).toEqual([["a"], ["b", "c"], ["d", "e"]]);
    expect(await Promise.all(answers)).toHaveLength(5);
  });

  it("fails every bet of a failed statement, and only those; the next statement still goes", async () => {
    const { batches, runBatch } = manualRunner();
    const send = createBatcher(runBatch, { maxInFlight: 1, maxBatch: 10 });
    const first = send("a", "a");
    const second = send("b", "b");
    const third = send("c", "c");
    batches[0]?.finish();
    await settle();
    batches[1]?.fail(new Error("connection lost"));
    await expect(second).rejects.toThrow("connection lost");
    await expect(third).rejects.toThrow("connection lost");
    expect(await first).toBe("done a");

    const fourth = send("d", "b");
    expect(batches[2]?.items).toEqual(["d"]);
    batches[2]?.finish();
    expect(await fourth).toBe("done d");
  });

  it("fails the statement's bets when it answers a different number of results than bets sent", async () => {
    const { batches, runBatch } = manualRunner();
    const send = createBatcher(runBatch, { maxInFlight: 1, maxBatch: 10 });
    const answer = send("a", "a");
    batches[0]?.finish([]);
    await expect(answer).rejects.toThrow("0 results for 1 items");
  });
});
