/** Services read time only through an injected clock, so tests can freeze or move it. Always UTC. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock for tests: starts at `start`, moves only when told. */
export const manualClock = (start: Date | string) => {
  let current = new Date(start);
  const clock: Clock & { advance: (ms: number) => void; set: (at: Date | string) => void } = Object.assign(
    () => new Date(current),
    {
      advance: (ms: number) => {
        current = new Date(current.getTime() + ms);
      },
      set: (at: Date | string) => {
        current = new Date(at);
      },
    },
  );
  return clock;
};
