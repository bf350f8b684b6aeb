import de from '../../app/translations/de.json';
import en from '../../app/translations/en.json';
import es from '../../app/translations/es.json';
import fr from '../../app/translations/fr.json';
import ja from '../../app/translations/ja.json';
import { pageCatalog, type Translations } from '../../server/build/page-texts';
import type { LoadMessages } from '../../widget/i18n/load-messages';
import type { Language } from '../../widget/i18n/locale';

const translations: Translations = { en, de, fr, es, ja };

/** Every text of one language as a page fetches its texts: English filling gaps, counted texts flattened. */
export const textsIn = (language: Language): Record<string, string> => pageCatalog(Object.keys(en), translations, language);

/** The English texts, and nothing for any other language: as when only English could be fetched. */
export const englishOnly: LoadMessages = async (language) => (language === 'en' ? textsIn('en') : Promise.reject(new Error(`no ${language} texts`)));
