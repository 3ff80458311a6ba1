export { Card, type CardProps } from "./components/card";
export { PageShell, type PageShellProps } from "./components/page-shell";
export { Stat, type StatProps } from "./components/stat";
