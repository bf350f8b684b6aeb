import type { LoadMessages } from '../../../widget/i18n/load-messages';
import { createLockModel } from '../../../widget/model/lock-model';
import type { LockModel } from '../../../widget/model/lock-model';
import { createFakeCrm, createFakeHost } from './fake-crm';
import type { FakeCrm, FakeCrmState, FakeHost } from './fake-crm';

/** Two minutes after the fixtures' lock time. */
export const NOW = new Date('2024-03-01T10:02:00Z');

export interface Built {
  model: LockModel;
  crm: FakeCrm;
  host: FakeHost;
}

export { englishOnly } from '../../support/texts';
import { englishOnly } from '../../support/texts';

/** A model over a fake Crm and Host; `start` is left to the test unless `started` is awaited. */
export function buildModel(
  state: Partial<FakeCrmState> = {},
  options: { host?: FakeHost; loadMessages?: LoadMessages } = {},
): Built {
  const crm = createFakeCrm(state);
  const host = options.host ?? createFakeHost();
  const model = createLockModel({
    host,
    connect: async () => () => crm.calls(),
    loadMessages: options.loadMessages ?? englishOnly,
    now: () => NOW,
  });
  return { model, crm, host };
}

export async function startedModel(state: Partial<FakeCrmState> = {}, options: Parameters<typeof buildModel>[1] = {}): Promise<Built> {
  const built = buildModel(state, options);
  await built.model.start();
  return built;
}
