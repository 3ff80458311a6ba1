import { AuditViewer } from "~/components/audit-viewer";

export default function AuditPage() {
  return <AuditViewer />;
}
