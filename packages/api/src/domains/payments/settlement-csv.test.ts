import { describe, expect, it } from "vitest";
import { readSettlementReport } from "./settlement-csv";

const header = "provider_reference,merchant_reference,type,amount_minor,currency,status,settled_at";

describe("settlement reports", () => {
  it("names the fields by the header, in any column order, and marks short lines", () => {
    const shuffled = "currency,type,provider_reference,merchant_reference,amount_minor,status,settled_at";
    const lines = readSettlementReport(
      `\uFEFF${shuffled}\nEUR,deposit,pay_1,pay_ours,2500,succeeded,2026-11-21T10:00:00Z\nonly,three,fields\n`,
    );
    expect(lines).toEqual([
      {
        line: 1,
        fields: {
          provider_reference: "pay_1",
          merchant_reference: "pay_ours",
          type: "deposit",
          amount_minor: "2500",
          currency: "EUR",
          status: "succeeded",
          settled_at: "2026-11-21T10:00:00Z",
        },
      },
      { line: 2, fields: null },
    ]);
  });

  it("refuses a report without the required columns", () => {
    expect(readSettlementReport("id,amount\n1,2")).toBeNull();
    expect(readSettlementReport("")).toBeNull();
    expect(readSettlementReport(`${header}\n`)).toEqual([]);
    expect(readSettlementReport(`${header}\npay_1,"pay_ours,deposit`)).toBeNull();
  });
});
