import type { ReactNode } from "react";

export type DescriptionListProps = { items: readonly { label: ReactNode; value: ReactNode; testId?: string }[] };

/** Label/value pairs in a compact grid (a record's header). */
export const DescriptionList = ({ items }: DescriptionListProps) => (
  <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
    {items.map((item, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: the list is static per render
      <div key={index} className="contents">
        <dt className="text-muted">{item.label}</dt>
        <dd data-testid={item.testId} className="min-w-0 break-words">
          {item.value}
        </dd>
      </div>
    ))}
  </dl>
);
