import type { Migration } from "kysely";
import * as initial from "./20261127120000-initial.ts";
import * as addAdjustment from "./20261127130000-add-adjustment.ts";
import * as addKeyResultLastCheckIn from "./20261128010000-add-key-result-last-check-in.ts";
import * as keyResultConfidenceNullable from "./20261202120000-key-result-confidence-nullable.ts";
import * as keyResultCheckedInValue from "./20261207030000-key-result-checked-in-value.ts";
import * as addAccountLink from "./20261207030100-add-account-link.ts";
import * as addNotifications from "./20261207100000-add-notifications.ts";
import * as addComments from "./20261207100100-add-comments.ts";
import * as addIntegrations from "./20261207100200-add-integrations.ts";
import * as loginThrottle from "./20261207100300-login-throttle.ts";
import * as apiTokenExpiry from "./20261207100400-api-token-expiry.ts";
import * as auditLogIndexes from "./20261207100500-audit-log-indexes.ts";
import * as idempotencyKey from "./20261207100600-idempotency-key.ts";
import * as addScheduledRuns from "./20261207100900-add-scheduled-runs.ts";
import * as addOneOnOnes from "./20261207110000-add-one-on-ones.ts";
import * as addMeetings from "./20261207110100-add-meetings.ts";
import * as addProposals from "./20261207120000-add-proposals.ts";
import * as addCalendarFeeds from "./20261207120100-add-calendar-feeds.ts";
import * as addObjectiveKind from "./20261207120200-add-objective-kind.ts";
import * as addTalentReviews from "./20261207120300-add-talent-reviews.ts";
import * as addExternalIds from "./20261207160200-add-external-ids.ts";
import * as addWebhooks from "./20261207161000-add-webhooks.ts";
import * as addUserIdentity from "./20261207163000-add-user-identity.ts";
import * as addAgendaIndexes from "./20261207164500-add-agenda-indexes.ts";

/** Every migration by its timestamped name; append only, never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  "20261127120000-initial": initial,
  "20261127130000-add-adjustment": addAdjustment,
  "20261128010000-add-key-result-last-check-in": addKeyResultLastCheckIn,
  "20261202120000-key-result-confidence-nullable": keyResultConfidenceNullable,
  "20261207030000-key-result-checked-in-value": keyResultCheckedInValue,
  "20261207030100-add-account-link": addAccountLink,
  "20261207100000-add-notifications": addNotifications,
  "20261207100100-add-comments": addComments,
  "20261207100200-add-integrations": addIntegrations,
  "20261207100300-login-throttle": loginThrottle,
  "20261207100400-api-token-expiry": apiTokenExpiry,
  "20261207100500-audit-log-indexes": auditLogIndexes,
  "20261207100600-idempotency-key": idempotencyKey,
  "20261207100900-add-scheduled-runs": addScheduledRuns,
  "20261207110000-add-one-on-ones": addOneOnOnes,
  "20261207110100-add-meetings": addMeetings,
  "20261207120000-add-proposals": addProposals,
  "20261207120200-add-objective-kind": addObjectiveKind,
  "20261207120300-add-talent-reviews": addTalentReviews,
  "20261207120100-add-calendar-feeds": addCalendarFeeds,
  "20261207160200-add-external-ids": addExternalIds,
  "20261207161000-add-webhooks": addWebhooks,
  "20261207163000-add-user-identity": addUserIdentity,
  "20261207164500-add-agenda-indexes": addAgendaIndexes,
};
