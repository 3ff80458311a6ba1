import { signOutAction } from "~/app/actions";
import { getT } from "~/i18n/server";
import { BalanceChip } from "./balance-chip";
import { LanguageSwitcher } from "./language-switcher";

const link = "rounded-md px-2 py-1 hover:bg-felt-900 focus-visible:outline-2 focus-visible:outline-chip-400";

/** Brand, navigation, balance, language, and sign-in or sign-out; wraps onto two lines on a phone. */
export const SiteHeader = async ({ isSignedIn }: { isSignedIn: boolean }) => {
  const t = await getT("common");
  return (
    <header className="border-felt-700 border-b bg-felt-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
        <a href="/" className="me-auto font-bold text-chip-400 text-xl tracking-tight" data-testid="brand">
          {t("brand")}
        </a>
        {isSignedIn ? <BalanceChip /> : null}
        <LanguageSwitcher />
        <nav aria-label={t("nav.main")} className="flex w-full items-center gap-1 text-sm sm:w-auto">
          <a href="/" className={link}>
            {t("nav.lobby")}
          </a>
          {isSignedIn ? (
            <>
              <a href="/wallet" className={link}>
                {t("nav.wallet")}
              </a>
              <a href="/cashier" className={link} data-testid="nav-cashier">
                {t("nav.cashier")}
              </a>
              <a href="/account" className={link}>
                {t("nav.account")}
              </a>
              <form action={signOutAction} className="ms-auto sm:ms-0">
                <button type="submit" className={link}>
                  {t("nav.signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <a href="/sign-in" className={`${link} ms-auto sm:ms-0`}>
                {t("nav.signIn")}
              </a>
              <a
                href="/sign-up"
                className="rounded-md bg-chip-500 px-2 py-1 font-semibold text-felt-950 hover:bg-chip-400"
              >
                {t("nav.signUp")}
              </a>
            </>
          )}
        </nav>
      </div>
    </header>
  );
};
