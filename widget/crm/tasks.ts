import * as z from '../host/zod';
import type { CrmOptions } from './crm-options';
import { checkId, checkModule, crmUrl } from './crm-url';
import type { RecordRef } from './types';
import { parseRequestText, requestDescription, requestSubject, UNLOCK_REQUEST_SUBJECT } from './unlock-request-text';
import type { RequestAnswer } from './unlock-request-text';
import { dataOf, firstItem, idName, readAnswer } from './zoho-errors';

/** One unlock request: a Zoho Task the panel wrote, read back from its Description. */
export interface UnlockRequest {
  id: string;
  /** false once answered (its description says how) or closed in Zoho CRM. */
  open: boolean;
  requester: { id: string; name: string };
  /** Who the task was assigned to: the locker, or whoever could answer in their place. */
  ownerId: string;
  message: string;
  answer: RequestAnswer;
  /** ISO 8601 with offset, as Zoho sends it. */
  askedAt: string;
  /** Kept as read: an answer is added to it. */
  description: string;
}

export interface NewUnlockRequest {
  record: RecordRef;
  recordName: string;
  /** Who gets the task: the locker, or the record's owner or an administrator when the locker has left. */
  recipientId: string;
  requesterName: string;
  message: string;
  /** YYYY-MM-DD in the requester's time zone. */
  dueDate: string;
  /** The display value to send as Priority; null leaves it to the org's default. */
  priority: string | null;
}

/** Zoho's Tasks calls the panel makes for unlock requests, over the per-user connection. */
export interface TaskCalls {
  /** The record's unlock requests, open and answered, newest first, in one COQL call (at most 50). */
  readUnlockRequests(record: RecordRef): Promise<UnlockRequest[]>;
  /** Creates the request task; resolves with its id and creation time. */
  askToUnlock(request: NewUnlockRequest): Promise<{ id: string; askedAt: string }>;
  /**
   * Writes the task's description as given (the answer added) and sets `status`, the display value
   * of the org's completed status; null (an org without one) writes the description alone.
   */
  completeRequest(taskId: string, description: string, status: string | null): Promise<void>;
}

const idOnly = z.object({ id: z.string() });
/** Zoho's default name of the closing status, for an answer that gives no Closed_Time. */
const COMPLETED = 'Completed';
const taskSchema = z.object({
  id: z.string(),
  Subject: z.nullish(z.string()),
  Status: z.nullish(z.string()),
  Owner: z.nullish(idOnly),
  Description: z.nullish(z.string()),
  Created_Time: z.string(),
  Created_By: z.nullish(idOnly),
  Closed_Time: z.nullish(z.string()),
});

const queryAnswer = dataOf(taskSchema);
const createdAnswer = dataOf(z.object({ details: z.object({ id: z.string(), Created_Time: z.string(), Created_By: z.nullish(idName) }) }));
const changedAnswer = dataOf(z.object({ details: z.object({ id: z.string() }) }));

/** @example taskCalls({ host, apiDomain }).readUnlockRequests({ module: 'Deals', recordId }) */
export function taskCalls({ host, apiDomain }: CrmOptions): TaskCalls {
  return {
    async readUnlockRequests({ module, recordId }) {
      checkModule(module);
      // checkId leaves only digits, so the id cannot break out of the quoted literal.
      const query =
        'select id, Subject, Status, Owner, Description, Created_Time, Created_By, Closed_Time from Tasks ' +
        `where (What_Id = '${checkId(recordId)}' and Subject like '${UNLOCK_REQUEST_SUBJECT.trim()}%') order by Created_Time desc limit 50`;
      const call = { connection: 'user', method: 'POST', url: crmUrl(apiDomain, ['coql']), body: { select_query: query } } as const;
      const answer = await host.request(call);
      if (answer.body === undefined) return [];
      return readAnswer(answer.body, queryAnswer, call).data.flatMap((task) => {
        const text = parseRequestText(task.Description ?? '');
        if (!text || !task.Owner || !task.Created_By) return [];
        return [
          {
            id: task.id,
            // Zoho sets Closed_Time when a task is completed, whatever the org calls that status.
            open: !task.Closed_Time && task.Status !== COMPLETED && text.answer === null,
            requester: { id: task.Created_By.id, name: text.requester },
            ownerId: task.Owner.id,
            message: text.message,
            answer: text.answer,
            askedAt: task.Created_Time,
            description: task.Description ?? '',
          },
        ];
      });
    },
    async askToUnlock(request) {
      const { module, recordId } = request.record;
      const task = {
        Subject: requestSubject(request.recordName),
        Owner: { id: checkId(request.recipientId) },
        What_Id: { id: checkId(recordId) },
        $se_module: checkModule(module),
        Due_Date: request.dueDate,
        // Status is left out: a new task starts at the org's default status, whatever it is called.
        ...(request.priority ? { Priority: request.priority } : {}),
        Send_Notification_Email: true,
        Description: requestDescription(request.requesterName, request.message),
      };
      const call = { connection: 'user', method: 'POST', url: crmUrl(apiDomain, ['Tasks']), body: { data: [task] } } as const;
      const answer = await host.request(call);
      const { details } = firstItem(readAnswer(answer.body, createdAnswer, call).data, call);
      return { id: details.id, askedAt: details.Created_Time };
    },
    async completeRequest(taskId, description, status) {
      const url = crmUrl(apiDomain, ['Tasks', checkId(taskId)]);
      const body = { data: [{ ...(status ? { Status: status } : {}), Description: description }] };
      const call = { connection: 'user', method: 'PUT', url, body } as const;
      const answer = await host.request(call);
      firstItem(readAnswer(answer.body, changedAnswer, call).data, call);
    },
  };
}
