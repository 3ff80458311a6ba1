import { checkServerEnvironment, getStaffMfaKey } from "@pitboss/api";

/** Node-only boot check (imported only when NEXT_RUNTIME is nodejs, so the Edge bundle never sees process.exit). */
export const checkEnvironmentOrExit = () => {
  try {
    checkServerEnvironment();
    // The back office encrypts staff TOTP secrets: production must bring its own key.
    getStaffMfaKey();
  } catch (error) {
    console.error(`pitboss: ${(error as Error).message}`);
    process.exit(1);
  }
};
