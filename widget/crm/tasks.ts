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
  /** false once the task is completed: answered, or closed in Zoho CRM. */
  open: boolean;
  requester: { id: string; name: string };
  /** The locker the task was assigned to. */
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
  lockerId: string;
  requesterName: string;
  message: string;
  /** YYYY-MM-DD in the requester's time zone. */
  dueDate: string;
}

/** Zoho's Tasks calls the panel makes for unlock requests, over the per-user connection. */
export interface TaskCalls {
  /** The record's unlock requests, open and answered, newest first, in one COQL call (at most 50). */
  readUnlockRequests(record: RecordRef): Promise<UnlockRequest[]>;
  /** Creates the request task; resolves with its id and creation time. */
  askToUnlock(request: NewUnlockRequest): Promise<{ id: string; askedAt: string }>;
  /** Completes the task, with its description as given (the answer added). */
  completeRequest(taskId: string, description: string): Promise<void>;
}

const idOnly = z.object({ id: z.string() });
const COMPLETED = 'Completed';
const taskSchema = z.object({
  id: z.string(),
  Subject: z.nullish(z.string()),
  Status: z.nullish(z.string()),
  Owner: z.nullish(idOnly),
  Description: z.nullish(z.string()),
  Created_Time: z.string(),
  Created_By: z.nullish(idOnly),
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
      const answer = await host.request({ connection: 'user', method: 'POST', url: crmUrl(apiDomain, ['coql']), body: { select_query: query } });
      if (answer.body === undefined) return [];
      return readAnswer(answer.body, queryAnswer, 'readUnlockRequests').data.flatMap((task) => {
        const text = parseRequestText(task.Description ?? '');
        if (!text || !task.Owner || !task.Created_By) return [];
        return [
          {
            id: task.id,
            open: task.Status !== COMPLETED,
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
        Owner: { id: checkId(request.lockerId) },
        What_Id: { id: checkId(recordId) },
        $se_module: checkModule(module),
        Due_Date: request.dueDate,
        Priority: 'High',
        Status: 'Not Started',
        Send_Notification_Email: true,
        Description: requestDescription(request.requesterName, request.message),
      };
      const answer = await host.request({ connection: 'user', method: 'POST', url: crmUrl(apiDomain, ['Tasks']), body: { data: [task] } });
      const { details } = firstItem(readAnswer(answer.body, createdAnswer, 'askToUnlock').data, 'askToUnlock');
      return { id: details.id, askedAt: details.Created_Time };
    },
    async completeRequest(taskId, description) {
      const url = crmUrl(apiDomain, ['Tasks', checkId(taskId)]);
      const body = { data: [{ Status: COMPLETED, Description: description }] };
      const answer = await host.request({ connection: 'user', method: 'PUT', url, body });
      firstItem(readAnswer(answer.body, changedAnswer, 'completeRequest').data, 'completeRequest');
    },
  };
}
