import type { ReactNode } from "react";

export type StatProps = { label: ReactNode; value: ReactNode; testId?: string };

export const Stat = ({ label, value, testId }: StatProps) => (
  <div className="rounded-xl bg-felt-950 px-4 py-3">
    <dt className="text-muted text-sm">{label}</dt>
    <dd className="font-semibold text-2xl text-ink tabular-nums" data-testid={testId}>
      {value}
    </dd>
  </div>
);
