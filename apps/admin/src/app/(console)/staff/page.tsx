import { RoleRequests } from "~/components/role-requests";
import { StaffCreateForm } from "~/components/staff-create-form";
import { StaffList } from "~/components/staff-list";

export default function StaffPage() {
  return (
    <div className="flex flex-col gap-4">
      <StaffList />
      <RoleRequests />
      <StaffCreateForm />
    </div>
  );
}
