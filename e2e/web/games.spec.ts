import { expect as baseExpect, type Page, test } from "@playwright/test";
import { closeDb, expectAccessible, signInFunded } from "./fixtures";

// Each step is a round trip or two through the wallet; give a busy CI machine room.
const expect = baseExpect.configure({ timeout: 15_000 });

test.afterAll(closeDb);
test.beforeEach(() => test.setTimeout(150_000));

const euro = (minor: number) => `€${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

/** Each bet below, €1.00 on each, with the numbers it covers and the engine's return multiple (stake included). */
const tableBets = [
  { mode: "straight", name: "Number 17", numbers: [17], returns: 36 },
  { mode: "split", name: "Split 17 and 20", numbers: [17, 20], returns: 18 },
  { mode: "street", name: "Street 16, 17, and 18", numbers: [16, 17, 18], returns: 12 },
  { mode: "corner", name: "Corner 17, 18, 20, and 21", numbers: [17, 18, 20, 21], returns: 9 },
  { mode: "line", name: "Six line 13, 14, 15, 16, 17, and 18", numbers: [13, 14, 15, 16, 17, 18], returns: 6 },
  { mode: "straight", name: "2nd 12", numbers: [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], returns: 3 },
  { mode: "straight", name: "Column 2", numbers: [2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35], returns: 3 },
] as const;

const balanceMinor = async (page: Page) =>
  Number(((await page.getByTestId("balance").textContent()) ?? "").replace(/[^0-9]/g, ""));

test("[WEB]: roulette takes inside and outside bets on one spin and shows what each bet returned", async ({ page }) => {
  await signInFunded(page, "roulette");
  await page.goto("/play/roulette");
  await expect(page.getByTestId("balance")).toHaveText("€100.00");

  // Every bet type from the table, by its accessible name; the split goes on by keyboard.
  for (const bet of tableBets) {
    await page.getByTestId(`roulette-mode-${bet.mode}`).click();
    const spot = page.getByTestId("roulette-board").getByRole("button", { name: bet.name, exact: true });
    if (bet.mode === "split") {
      await spot.focus();
      await page.keyboard.press("Enter");
    } else {
      await spot.click();
    }
  }
  // A chip on red, then taken off again from the list of bets.
  await page.getByTestId("roulette-red").click();
  const bets = page.getByTestId("roulette-bets").locator("li");
  await expect(bets).toHaveCount(tableBets.length + 1);
  await page.getByRole("button", { name: "Remove Red" }).click();
  await expect(bets).toHaveCount(tableBets.length);
  await expect(page.getByTestId("roulette-total")).toHaveText("Total stake: €7.00");
  // Only valid shapes are offered: no split joins 18 and 19 (two rows apart on the table).
  await page.getByTestId("roulette-mode-split").click();
  await expect(page.getByTestId("roulette-split-18-19")).toHaveCount(0);
  await expect(page.getByTestId("roulette-split-18-21")).toBeVisible();

  await page.getByTestId("play").click();
  const result = page.getByTestId("roulette-result");
  await expect(result).toBeVisible();
  const pocket = Number(await page.getByTestId("roulette-pocket").textContent());
  const rows = result.getByTestId("roulette-result-bet");
  await expect(rows).toHaveCount(tableBets.length);
  let returned = 0;
  for (const [index, bet] of tableBets.entries()) {
    const isWin = (bet.numbers as readonly number[]).includes(pocket);
    returned += isWin ? bet.returns * 100 : 0;
    await expect(rows.nth(index)).toHaveAttribute("data-win", String(isWin));
    await expect(rows.nth(index).locator("td").first()).toHaveText(bet.name);
    await expect(rows.nth(index).locator("td").last()).toHaveText(isWin ? euro(bet.returns * 100) : "—");
  }
  await expect(page.getByTestId("roulette-returned")).toHaveText(euro(returned));
  await expectAccessible(page);
  await expect(page.getByTestId("balance")).toHaveText(euro(10_000 - 700 + returned));
});

/** Starts a mines round and opens `cell`; returns the state the tile shows afterwards. */
const startAndOpen = async (page: Page, mines: number, cell: number) => {
  await page.getByTestId("mines-count").selectOption(String(mines));
  await page.getByTestId("play").click();
  await expect(page.getByTestId("mines-cash-out")).toBeVisible();
  await page.getByTestId(`mines-cell-${cell}`).click();
  await expect(page.getByTestId(`mines-cell-${cell}`)).not.toHaveAttribute("data-state", "hidden");
  return page.getByTestId(`mines-cell-${cell}`).getAttribute("data-state");
};

test("[WEB]: mines is played tile by tile: a mine ends the round, a reload resumes it, cashing out pays", async ({
  page,
}) => {
  await signInFunded(page, "mines");
  await page.goto("/play/mines");

  // 24 mines: the one tile opened is almost surely a mine (or the only safe tile, which cashes out by itself).
  const mines = page.locator('[data-testid^="mines-cell-"]:is([data-state="hit"], [data-state="mine"])');
  const first = await startAndOpen(page, 24, 12);
  await expect(page.getByTestId("play-result").locator("[data-result]")).toHaveAttribute(
    "data-result",
    first === "hit" ? "LOSE" : "WIN",
  );
  await expect(mines).toHaveCount(24);
  await expect.poll(() => balanceMinor(page)).toBe(first === "hit" ? 9_900 : 9_900 + 2_475);
  const afterFirst = await balanceMinor(page);

  // One mine: open tiles until one is safe (each is, 24 times in 25).
  let rounds = 1;
  let state = await startAndOpen(page, 1, 0);
  for (; state === "hit" && rounds < 5; rounds += 1) state = await startAndOpen(page, 1, rounds);
  expect(state).toBe("safe");
  await expect(page.getByTestId("mines-multiplier")).toHaveText("1.03×");
  const cashOut = page.getByTestId("mines-cash-out");
  await expect(cashOut).toHaveText("Cash out €1.03");
  await expectAccessible(page);

  // A reload resumes the round in play, with the safe tile open and the same offer.
  await page.reload();
  await expect(page.locator('[data-testid^="mines-cell-"][data-state="safe"]')).toHaveCount(1);
  await expect(cashOut).toHaveText("Cash out €1.03");
  await expect.poll(() => balanceMinor(page)).toBe(afterFirst - rounds * 100);
  await cashOut.click();
  await expect(page.getByTestId("play-result")).toHaveText("You won €1.03!");
  await expect.poll(() => balanceMinor(page)).toBe(afterFirst - rounds * 100 + 103);
  await expect(mines).toHaveCount(1);
});
