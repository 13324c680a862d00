import { AppError, ONE_ON_ONE_MAX_ITEMS } from "@luodi/core";
import { deleteAgendaItem, insertAgendaItem, listAgendaItems, updateAgendaItem } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadOneOnOneFor, loadVisibleKeyResult } from "./one-on-one-access.ts";

type AgendaInput = { kind: "free"; text: string } | { kind: "key_result"; keyResultId: string };

/**
 * Adds an item to a 1:1's agenda (either participant): words of their own, or a key result they may see
 * (404 `key_result.not_found` otherwise). The answer reads the KR live each time it is shown.
 */
export async function addAgendaItem(caller: Caller, id: string, input: AgendaInput): Promise<void> {
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    await loadOneOnOneFor(caller, trx, id, { lock: true });
    if (input.kind === "key_result")
      await loadVisibleKeyResult(caller, trx, input.keyResultId, "keyResultId");
    const existing = await listAgendaItems(trx, auth.org.id, id);
    if (existing.length >= ONE_ON_ONE_MAX_ITEMS)
      throw new AppError("one_on_one.too_many_items", { max: ONE_ON_ONE_MAX_ITEMS });
    const itemId = newId();
    const now = ctx.config.now().toISOString();
    const text = input.kind === "free" ? input.text : null;
    const keyResultId = input.kind === "key_result" ? input.keyResultId : null;
    await insertAgendaItem(trx, {
      orgId: auth.org.id,
      id: itemId,
      oneOnOneId: id,
      kind: input.kind,
      text,
      keyResultId,
      discussed: 0,
      addedBy: auth.user.id,
      createdAt: now,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "one_on_one.agenda.add",
        entityType: "one_on_one",
        entityId: id,
        after: { itemId, kind: input.kind, keyResultId },
        at: now,
      },
    ]);
  });
}

/** Checks an agenda item off (discussed) or back on, or removes it. */
export async function changeAgendaItem(
  caller: Caller,
  id: string,
  itemId: string,
  change: { discussed: boolean } | { remove: true },
): Promise<void> {
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    await loadOneOnOneFor(caller, trx, id, { lock: true });
    const item = (await listAgendaItems(trx, auth.org.id, id)).find((i) => i.id === itemId);
    if (!item) throw new AppError("one_on_one.item_not_found");
    const now = ctx.config.now().toISOString();
    if ("remove" in change) await deleteAgendaItem(trx, auth.org.id, itemId);
    else if ((item.discussed === 1) === change.discussed) return;
    else await updateAgendaItem(trx, auth.org.id, itemId, { discussed: change.discussed ? 1 : 0 });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "remove" in change ? "one_on_one.agenda.remove" : "one_on_one.agenda.update",
        entityType: "one_on_one",
        entityId: id,
        before: { itemId, kind: item.kind, keyResultId: item.keyResultId, discussed: item.discussed === 1 },
        after: "remove" in change ? undefined : { itemId, discussed: change.discussed },
        at: now,
      },
    ]);
  });
}
