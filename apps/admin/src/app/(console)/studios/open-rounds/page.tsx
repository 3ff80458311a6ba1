import { StudioOpenRounds } from "~/components/studio-open-rounds";

export default function StudioOpenRoundsPage() {
  return <StudioOpenRounds />;
}
