/** Fills `{name}` placeholders of a message from `en.ts`. */
export const format = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
