export {
  demoGameLimits,
  demoGames,
  demoPlayerPassword,
  demoPlayers,
  demoStaff,
  demoStaffPassword,
} from "../seed/demo-data";
export { seedDemoData } from "../seed/seed";
export { createTestDb, testDatabaseUrl } from "./database";
export { createTestPlayer, uniqueEmail } from "./factories";
