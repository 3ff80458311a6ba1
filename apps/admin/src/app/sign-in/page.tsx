import { Card, PageShell } from "@pitboss/ui";
import { redirect } from "next/navigation";
import { SignInFlow } from "~/components/sign-in-flow";
import { en } from "~/i18n/en";
import { api } from "~/trpc/server";

export const dynamic = "force-dynamic";

/** Password → TOTP (or enrolment, first time) → own password (after a one-time password) → console. */
export default async function SignInPage() {
  const me = await (await api()).admin.auth.me();
  if (me?.stage === "ready") redirect("/");
  return (
    <PageShell brand={en.brand}>
      <div className="mx-auto max-w-md">
        <Card title={en.signIn.title}>
          <SignInFlow initialStage={me?.stage ?? "signed-out"} />
        </Card>
      </div>
    </PageShell>
  );
}
