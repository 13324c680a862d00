import type { Migration } from "kysely";
import * as initial from "./20261127120000-initial.ts";
import * as addAdjustment from "./20261127130000-add-adjustment.ts";
import * as addKeyResultLastCheckIn from "./20261128010000-add-key-result-last-check-in.ts";
import * as keyResultConfidenceNullable from "./20261202120000-key-result-confidence-nullable.ts";
import * as keyResultCheckedInValue from "./20261207030000-key-result-checked-in-value.ts";
import * as addAccountLink from "./20261207030100-add-account-link.ts";

/** Every migration by its timestamped name; append only, never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  "20261127120000-initial": initial,
  "20261127130000-add-adjustment": addAdjustment,
  "20261128010000-add-key-result-last-check-in": addKeyResultLastCheckIn,
  "20261202120000-key-result-confidence-nullable": keyResultConfidenceNullable,
  "20261207030000-key-result-checked-in-value": keyResultCheckedInValue,
  "20261207030100-add-account-link": addAccountLink,
};
