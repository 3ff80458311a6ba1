export { Badge, type BadgeProps, type BadgeTone } from "./components/badge";
export { Button, type ButtonProps } from "./components/button";
export { Card, type CardProps } from "./components/card";
export { type Column, DataTable, type DataTableProps } from "./components/data-table";
export { DescriptionList, type DescriptionListProps } from "./components/description-list";
export {
  Checkbox,
  type CheckboxProps,
  SelectField,
  type SelectFieldProps,
  TextAreaField,
  type TextAreaFieldProps,
  TextField,
  type TextFieldProps,
} from "./components/fields";
export { GameArt, type GameArtProps, GameTile, type GameTileProps } from "./components/game-tile";
export { Kbd } from "./components/kbd";
export { Notice, type NoticeProps } from "./components/notice";
export { PageShell, type PageShellProps } from "./components/page-shell";
export { Stat, type StatProps } from "./components/stat";
export { type FormatMoneyOptions, formatMoney, type MoneyAmount, minorToDecimal } from "./format/money";
export { paymentStatusTone } from "./format/payment-status";
export { useRefetchAfterWrite } from "./query/use-refetch-after-write";
