/** What browser code may import from the API: types, and pure rules it shows before the server applies them. */

export type { DomainErrorCode } from "@pitboss/db";
export { MINES_CELLS, MINES_MAX, minesMultiplier } from "./domains/games/mines-multiplier";
export { payoutFor, type Ratio } from "./domains/games/payout";
export { columnOf, type PocketColor, pocketColor, rowOf, SHAPED_BET_LAYOUTS } from "./domains/games/roulette-layout";
export { ROULETTE_RETURN } from "./domains/games/roulette-returns";
export { feeFor } from "./domains/payments/fee";
export type { PaymentStatus } from "./domains/payments/payments.schemas";
export {
  type WithdrawalDecision,
  withdrawalDecisionsFor,
} from "./domains/payments/withdrawal-decisions";
export type { AppRouter } from "./root";
