import { createProviderRegistry, type ProviderRegistry } from "../provider-port";
import { sandboxProvider } from "./sandbox-psp.adapter";

/**
 * The providers this deployment talks to: the composition root of the payment-provider port. A new provider is
 * one adapter plus one line here (and its routing rows in `payment_route`); nothing else changes.
 */
export const sandboxProviders = (options: { baseUrl: string; timeoutMs: number }): ProviderRegistry =>
  createProviderRegistry([
    sandboxProvider({ ...options, code: "cardpay", methods: ["CARD"] }),
    sandboxProvider({ ...options, code: "cardplus", methods: ["CARD"] }),
    sandboxProvider({ ...options, code: "instabank", methods: ["BANK_TRANSFER"] }),
  ]);
