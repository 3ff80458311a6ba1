import { isCurrencyCode, toDecimalString } from "@pitboss/db";
import type { SandboxPspProvider } from "./credentials";
import type { SandboxPayment } from "./store";

/**
 * The hosted pages: plain server-rendered HTML with no script and no external asset, so they work with any CSP and
 * any browser. Every field has a label, errors are linked to their field and the first one takes the focus.
 */
const brands: Record<SandboxPspProvider, { name: string; accent: string }> = {
  cardpay: { name: "CardPay", accent: "#4338ca" },
  cardplus: { name: "CardPlus", accent: "#0f766e" },
  instabank: { name: "InstaBank", accent: "#15803d" },
};

export const testCards = [
  { number: "4242 4242 4242 4242", outcome: "approved" },
  { number: "4000 0000 0000 3220", outcome: "3-D Secure challenge (code 1234 approves)" },
  { number: "4000 0000 0000 0002", outcome: "declined (card_declined)" },
  { number: "4000 0000 0000 0119", outcome: "never completes (stays pending)" },
] as const;

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** "2500" EUR → "€25.00"; currencies Intl does not know (USDT) as "25.00 USDT". */
export const formatAmount = (amountMinor: string, currency: string) => {
  if (!isCurrencyCode(currency)) return `${amountMinor} ${currency}`;
  const decimal = toDecimalString({ amountMinor: BigInt(amountMinor), currency });
  try {
    const fraction = decimal.split(".")[1]?.length ?? 0;
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency,
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    }).format(decimal as Intl.StringNumericLiteral);
  } catch {
    return `${decimal} ${currency}`;
  }
};

const styles = (accent: string) => `
  :root { color-scheme: light; --accent: ${accent}; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    background: #f1f5f9; color: #0f172a; display: flex; justify-content: center; align-items: flex-start; }
  main { width: 100%; max-width: 420px; margin: 32px 16px; background: #fff; border-radius: 16px;
    box-shadow: 0 10px 30px rgb(15 23 42 / 0.12); overflow: hidden; }
  header { background: var(--accent); color: #fff; padding: 16px 24px; display: flex; justify-content: space-between;
    align-items: center; gap: 12px; }
  header strong { font-size: 1.15rem; letter-spacing: .02em; }
  .badge { font-size: .75rem; background: rgb(255 255 255 / .2); padding: 2px 8px; border-radius: 999px; }
  .content { padding: 24px; display: grid; gap: 16px; }
  h1 { font-size: 1.25rem; margin: 0; }
  .summary { display: flex; justify-content: space-between; gap: 12px; padding: 12px 16px; background: #f8fafc;
    border: 1px solid #e2e8f0; border-radius: 10px; }
  .summary dd { margin: 0; font-weight: 700; font-size: 1.1rem; }
  .summary dt { color: #475569; font-size: .85rem; }
  form { display: grid; gap: 14px; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  label, legend { display: block; font-weight: 600; font-size: .9rem; margin-block-end: 4px; }
  input[type=text] { width: 100%; font: inherit; padding: 10px 12px; border: 1px solid #94a3b8; border-radius: 8px; }
  input[aria-invalid=true] { border-color: #b91c1c; }
  input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  fieldset { border: 1px solid #e2e8f0; border-radius: 10px; padding: 12px 16px; margin: 0; display: grid; gap: 8px; }
  .choice { display: flex; align-items: center; gap: 8px; font-weight: 400; }
  .field-error { color: #b91c1c; font-size: .85rem; margin: 4px 0 0; }
  .note { color: #475569; font-size: .85rem; margin: 4px 0 0; }
  .alert { border: 1px solid #fecaca; background: #fef2f2; color: #991b1b; padding: 10px 12px; border-radius: 8px; }
  .actions { display: flex; gap: 12px; flex-wrap: wrap; }
  button { font: inherit; font-weight: 600; padding: 11px 18px; border-radius: 8px; border: 1px solid var(--accent);
    cursor: pointer; }
  button.primary { background: var(--accent); color: #fff; flex: 1; }
  button.secondary { background: #fff; color: var(--accent); }
  .hint { font-size: .85rem; color: #475569; background: #fffbeb; border: 1px solid #fde68a; border-radius: 8px;
    padding: 10px 12px; }
  .hint ul { margin: 4px 0 0; padding-inline-start: 18px; }
  code { font-family: ui-monospace, monospace; }
  footer { padding: 12px 24px; font-size: .8rem; color: #64748b; border-top: 1px solid #e2e8f0; }
  a { color: var(--accent); }
`;

const layout = (provider: SandboxPspProvider, title: string, body: string) => {
  const brand = brands[provider];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${brand.name}</title>
<style>${styles(brand.accent)}</style>
</head>
<body>
<main>
  <header><strong>${brand.name}</strong><span class="badge">Sandbox</span></header>
  <div class="content">
${body}
  </div>
  <footer>${brand.name} sandbox · a simulated payment provider. No real money moves.</footer>
</main>
</body>
</html>`;
};

const summary = (payment: SandboxPayment) => `
    <dl class="summary">
      <div><dt>Merchant</dt><dd>${escapeHtml(payment.description ?? "Pitboss")}</dd></div>
      <div><dt>Amount</dt><dd>${escapeHtml(formatAmount(payment.amountMinor, payment.currency))}</dd></div>
    </dl>`;

type FieldErrors = Partial<Record<"number" | "expiry" | "cvc" | "name" | "form", string>>;

const field = (
  name: "number" | "expiry" | "cvc" | "name",
  label: string,
  attributes: string,
  value: string,
  errors: FieldErrors,
  isFocused: boolean,
) => {
  const error = errors[name];
  const id = `card-${name}`;
  return `<div>
        <label for="${id}">${label}</label>
        <input type="text" id="${id}" name="${name}" value="${escapeHtml(value)}" ${attributes} required${
          error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ""
        }${isFocused ? " autofocus" : ""}>
        ${error ? `<p class="field-error" id="${id}-error">${escapeHtml(error)}</p>` : ""}
      </div>`;
};

const cancelButton = `<button type="submit" class="secondary" name="action" value="cancel" formnovalidate>Cancel payment</button>`;

export const cardPage = (
  provider: SandboxPspProvider,
  payment: SandboxPayment,
  values: Partial<Record<"number" | "expiry" | "name", string>> = {},
  errors: FieldErrors = {},
) => {
  const firstError = (["number", "expiry", "cvc", "name"] as const).find((name) => errors[name]) ?? "number";
  return layout(
    provider,
    "Pay by card",
    `    <h1>Pay by card</h1>
${summary(payment)}
    ${errors.form ? `<p class="alert" role="alert">${escapeHtml(errors.form)}</p>` : ""}
    <form method="post" action="/${provider}/pay/${encodeURIComponent(payment.id)}" novalidate>
      ${field("number", "Card number", 'inputmode="numeric" autocomplete="cc-number" maxlength="23"', values.number ?? "", errors, firstError === "number")}
      <div class="row">
        ${field("expiry", "Expiry date (MM/YY)", 'inputmode="numeric" autocomplete="cc-exp" maxlength="7" placeholder="MM/YY"', values.expiry ?? "", errors, firstError === "expiry")}
        ${field("cvc", "Security code (CVC)", 'inputmode="numeric" autocomplete="cc-csc" maxlength="4"', "", errors, firstError === "cvc")}
      </div>
      ${field("name", "Cardholder name", 'autocomplete="cc-name" maxlength="100"', values.name ?? "", errors, firstError === "name")}
      <div class="actions">
        <button type="submit" class="primary" name="action" value="pay">Pay ${escapeHtml(formatAmount(payment.amountMinor, payment.currency))}</button>
        ${cancelButton}
      </div>
    </form>
    <div class="hint"><strong>Sandbox test cards</strong> (any future expiry, any CVC):
      <ul>${testCards.map((c) => `<li><code>${c.number}</code>: ${escapeHtml(c.outcome)}</li>`).join("")}</ul>
    </div>`,
  );
};

export const challengePage = (provider: SandboxPspProvider, payment: SandboxPayment) =>
  layout(
    provider,
    "3-D Secure verification",
    `    <h1>Confirm it's you</h1>
${summary(payment)}
    <p>Your bank sent a one-time code to the phone number on file. Enter it to approve this payment.</p>
    <form method="post" action="/${provider}/pay/${encodeURIComponent(payment.id)}/3ds" novalidate>
      <div>
        <label for="otp">One-time code</label>
        <input type="text" id="otp" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="8" required autofocus aria-describedby="otp-hint">
        <p class="note" id="otp-hint">Sandbox: <code>1234</code> approves, any other code fails.</p>
      </div>
      <div class="actions">
        <button type="submit" class="primary" name="action" value="verify">Verify</button>
        ${cancelButton}
      </div>
    </form>`,
  );

export const demoBanks = ["Demo Savings Bank", "Sandbox Credit Union", "Test Street Bank"] as const;

export const bankPage = (provider: SandboxPspProvider, payment: SandboxPayment) =>
  layout(
    provider,
    "Pay by bank",
    `    <h1>Pay from your bank</h1>
${summary(payment)}
    <form method="post" action="/${provider}/pay/${encodeURIComponent(payment.id)}">
      <fieldset>
        <legend>Choose your bank</legend>
        ${demoBanks
          .map(
            (bank, index) =>
              `<label class="choice"><input type="radio" name="bank" value="${escapeHtml(bank)}"${index === 0 ? " checked autofocus" : ""}> ${escapeHtml(bank)}</label>`,
          )
          .join("\n        ")}
      </fieldset>
      <p>The payment settles instantly once you approve it in your bank.</p>
      <div class="actions">
        <button type="submit" class="primary" name="action" value="approve">Approve</button>
        <button type="submit" class="secondary" name="action" value="decline">Decline</button>
      </div>
    </form>`,
  );

export const finishedPage = (provider: SandboxPspProvider, payment: SandboxPayment, returnTo: string) =>
  layout(
    provider,
    "Payment processed",
    `    <h1>This payment has already been processed</h1>
${summary(payment)}
    <p>Status: <strong>${escapeHtml(payment.status)}</strong></p>
    <p><a href="${escapeHtml(returnTo)}" autofocus>Return to ${escapeHtml(payment.description ?? "Pitboss")}</a></p>`,
  );

export const messagePage = (provider: SandboxPspProvider, title: string, message: string) =>
  layout(provider, title, `    <h1>${escapeHtml(title)}</h1>\n    <p>${escapeHtml(message)}</p>`);

export const indexPage = (providers: readonly SandboxPspProvider[]) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pitboss sandbox PSP</title><style>${styles("#334155")}</style></head>
<body><main>
  <header><strong>Pitboss sandbox PSP</strong><span class="badge">Sandbox</span></header>
  <div class="content">
    <h1>Simulated payment providers</h1>
    <ul>${providers.map((p) => `<li><code>/${p}</code>: ${brands[p].name}</li>`).join("")}</ul>
    <div class="hint"><strong>Test cards</strong>
      <ul>${testCards.map((c) => `<li><code>${c.number}</code>: ${escapeHtml(c.outcome)}</li>`).join("")}</ul>
    </div>
  </div>
</main></body></html>`;
