/** The sandbox PSP for in-process use (tests): start it, steer it, and drive its hosted pages like a browser. */
export { type SandboxPsp, type SandboxPspOptions, startSandboxPsp } from "./app";
export {
  type PspCredentials,
  type SandboxPspProvider,
  sandboxPspCredentials,
  sandboxPspKind,
  sandboxPspProviders,
} from "./credentials";
export { completeHostedPayment, type HostedPaymentAction } from "./hosted-page-driver";
