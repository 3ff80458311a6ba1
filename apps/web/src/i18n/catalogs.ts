// Every catalog, imported statically so a build fails on a missing file. Server-side only: the browser gets
// just its own locale's catalogs from the root layout.

import type { Locale } from "./config";
import ar_account from "./locales/ar/account.json";
import ar_auth from "./locales/ar/auth.json";
import ar_cashier from "./locales/ar/cashier.json";
import ar_common from "./locales/ar/common.json";
import ar_errors from "./locales/ar/errors.json";
import ar_games from "./locales/ar/games.json";
import ar_lobby from "./locales/ar/lobby.json";
import ar_wallet from "./locales/ar/wallet.json";
import de_account from "./locales/de/account.json";
import de_auth from "./locales/de/auth.json";
import de_cashier from "./locales/de/cashier.json";
import de_common from "./locales/de/common.json";
import de_errors from "./locales/de/errors.json";
import de_games from "./locales/de/games.json";
import de_lobby from "./locales/de/lobby.json";
import de_wallet from "./locales/de/wallet.json";
import en_account from "./locales/en/account.json";
import en_auth from "./locales/en/auth.json";
import en_cashier from "./locales/en/cashier.json";
import en_common from "./locales/en/common.json";
import en_errors from "./locales/en/errors.json";
import en_games from "./locales/en/games.json";
import en_lobby from "./locales/en/lobby.json";
import en_wallet from "./locales/en/wallet.json";
import es_account from "./locales/es/account.json";
import es_auth from "./locales/es/auth.json";
import es_cashier from "./locales/es/cashier.json";
import es_common from "./locales/es/common.json";
import es_errors from "./locales/es/errors.json";
import es_games from "./locales/es/games.json";
import es_lobby from "./locales/es/lobby.json";
import es_wallet from "./locales/es/wallet.json";
import he_account from "./locales/he/account.json";
import he_auth from "./locales/he/auth.json";
import he_cashier from "./locales/he/cashier.json";
import he_common from "./locales/he/common.json";
import he_errors from "./locales/he/errors.json";
import he_games from "./locales/he/games.json";
import he_lobby from "./locales/he/lobby.json";
import he_wallet from "./locales/he/wallet.json";
import ptBR_account from "./locales/pt-BR/account.json";
import ptBR_auth from "./locales/pt-BR/auth.json";
import ptBR_cashier from "./locales/pt-BR/cashier.json";
import ptBR_common from "./locales/pt-BR/common.json";
import ptBR_errors from "./locales/pt-BR/errors.json";
import ptBR_games from "./locales/pt-BR/games.json";
import ptBR_lobby from "./locales/pt-BR/lobby.json";
import ptBR_wallet from "./locales/pt-BR/wallet.json";
import tr_account from "./locales/tr/account.json";
import tr_auth from "./locales/tr/auth.json";
import tr_cashier from "./locales/tr/cashier.json";
import tr_common from "./locales/tr/common.json";
import tr_errors from "./locales/tr/errors.json";
import tr_games from "./locales/tr/games.json";
import tr_lobby from "./locales/tr/lobby.json";
import tr_wallet from "./locales/tr/wallet.json";
import type { Messages } from "./translator";

export const catalogs: Readonly<Record<Locale, Messages>> = {
  en: {
    common: en_common,
    auth: en_auth,
    lobby: en_lobby,
    wallet: en_wallet,
    games: en_games,
    account: en_account,
    cashier: en_cashier,
    errors: en_errors,
  },
  de: {
    common: de_common,
    auth: de_auth,
    lobby: de_lobby,
    wallet: de_wallet,
    games: de_games,
    account: de_account,
    cashier: de_cashier,
    errors: de_errors,
  },
  es: {
    common: es_common,
    auth: es_auth,
    lobby: es_lobby,
    wallet: es_wallet,
    games: es_games,
    account: es_account,
    cashier: es_cashier,
    errors: es_errors,
  },
  "pt-BR": {
    common: ptBR_common,
    auth: ptBR_auth,
    lobby: ptBR_lobby,
    wallet: ptBR_wallet,
    games: ptBR_games,
    account: ptBR_account,
    cashier: ptBR_cashier,
    errors: ptBR_errors,
  },
  tr: {
    common: tr_common,
    auth: tr_auth,
    lobby: tr_lobby,
    wallet: tr_wallet,
    games: tr_games,
    account: tr_account,
    cashier: tr_cashier,
    errors: tr_errors,
  },
  ar: {
    common: ar_common,
    auth: ar_auth,
    lobby: ar_lobby,
    wallet: ar_wallet,
    games: ar_games,
    account: ar_account,
    cashier: ar_cashier,
    errors: ar_errors,
  },
  he: {
    common: he_common,
    auth: he_auth,
    lobby: he_lobby,
    wallet: he_wallet,
    games: he_games,
    account: he_account,
    cashier: he_cashier,
    errors: he_errors,
  },
};
