import {
  type Actor,
  type Health,
  type OneOnOneAnswer,
  type OneOnOneSummaryAnswer,
  oneOnOneAbilities,
} from "@luodi/core";
import type { ActionItemRow, AgendaItemRow, OneOnOneRow, PrivateNoteRow, RecentCheckIn } from "@luodi/db";
import { renderMarkdown } from "../services/markdown.ts";

/** A key result on an agenda as the viewer may see it now (absent when hidden from them or deleted). */
export type AgendaKeyResult = {
  id: string;
  objectiveId: string;
  title: string;
  progress: number;
  health: Health | null;
  latestCheckIn: RecentCheckIn | null;
};

export function presentOneOnOneSummary(row: OneOnOneRow): OneOnOneSummaryAnswer {
  return {
    id: row.id,
    title: row.title,
    manager: { id: row.managerId, name: row.managerName },
    report: { id: row.reportId, name: row.reportName },
    scheduledAt: row.scheduledAt,
    status: row.status,
    createdAt: row.createdAt,
  };
}

/**
 * A 1:1 as one participant sees it. `privateNote` must be the viewer's own: the other participant's note
 * is never loaded for this answer.
 */
export function presentOneOnOne(
  row: OneOnOneRow,
  parts: {
    actor: Actor;
    agenda: readonly AgendaItemRow[];
    keyResults: ReadonlyMap<string, AgendaKeyResult>;
    actionItems: readonly ActionItemRow[];
    privateNote: PrivateNoteRow | undefined;
  },
): OneOnOneAnswer {
  const note = parts.privateNote;
  return {
    ...presentOneOnOneSummary(row),
    sharedNotes: row.sharedNotes,
    sharedNotesHtml: renderMarkdown(row.sharedNotes),
    notesUpdatedAt: row.notesUpdatedAt,
    agenda: parts.agenda.map((item) => {
      const kr = item.keyResultId ? parts.keyResults.get(item.keyResultId) : undefined;
      return {
        id: item.id,
        kind: item.kind,
        text: item.kind === "free" ? item.text : null,
        keyResult: kr
          ? {
              id: kr.id,
              objectiveId: kr.objectiveId,
              title: kr.title,
              progress: kr.progress,
              health: kr.health,
              latestCheckIn: kr.latestCheckIn
                ? {
                    value: kr.latestCheckIn.value === null ? null : Number(kr.latestCheckIn.value),
                    confidence: kr.latestCheckIn.confidence,
                    note: kr.latestCheckIn.note,
                    createdAt: kr.latestCheckIn.createdAt,
                  }
                : null,
            }
          : null,
        discussed: item.discussed === 1,
        addedBy: { id: item.addedBy, name: item.addedByName },
        createdAt: item.createdAt,
      };
    }),
    actionItems: parts.actionItems.map((item) => ({
      id: item.id,
      title: item.title,
      owner: { id: item.ownerId, name: item.ownerName },
      dueDate: item.dueDate,
      keyResultId: item.keyResultId,
      done: item.doneAt !== null,
      doneAt: item.doneAt,
      createdAt: item.createdAt,
    })),
    myPrivateNote: note
      ? { body: note.body, bodyHtml: renderMarkdown(note.body), updatedAt: note.updatedAt }
      : null,
    abilities: oneOnOneAbilities(parts.actor, row),
  };
}
