import { Card } from "@pitboss/ui";
import { ChangePasswordForm } from "~/components/change-password-form";
import { OwnSessionList } from "~/components/session-list";
import { en } from "~/i18n/en";

export default function AccountPage() {
  return (
    <div className="flex flex-col gap-4">
      <Card title={en.account.sessions}>
        <OwnSessionList />
      </Card>
      <Card title={en.account.changePassword}>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
