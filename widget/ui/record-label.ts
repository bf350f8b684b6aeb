import type { Translate } from '../i18n/messages';

/** A record as the pages name it: its name, or "Record <id>" when it has none. */
export const recordLabel = (t: Translate, record: { id: string; name: string }): string => record.name || t('overview.row.unnamed', { id: record.id });
