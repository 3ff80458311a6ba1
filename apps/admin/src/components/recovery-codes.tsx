import { Button } from "@pitboss/ui";
import { en } from "~/i18n/en";

/** The ten recovery codes, shown once right after enrolment. */
export const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => (
  <div className="flex flex-col gap-3">
    <h3 className="font-semibold">{en.signIn.recoveryTitle}</h3>
    <p className="text-muted text-sm">{en.signIn.recoveryCodesHelp}</p>
    <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ol>
    <Button autoFocus onClick={onDone}>
      {en.signIn.recoveryDone}
    </Button>
  </div>
);
