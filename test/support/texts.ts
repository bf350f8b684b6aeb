import de from '../../app/translations/de.json';
import en from '../../app/translations/en.json';
import es from '../../app/translations/es.json';
import fr from '../../app/translations/fr.json';
import ja from '../../app/translations/ja.json';
import { flattenTexts, type Translation } from '../../server/build/page-texts';
import type { LoadMessages } from '../../widget/i18n/load-messages';
import type { Language } from '../../widget/i18n/locale';

const translations: Record<Language, Translation> = { en, de, fr, es, ja };

/** Every text of one language as a page fetches its texts: English filling gaps, counted texts flattened. */
export const textsIn = (language: Language): Record<string, string> => flattenTexts(Object.keys(en), translations[language], en);

/** The English texts, and nothing for any other language: as when only English could be fetched. */
export const englishOnly: LoadMessages = async (language) => (language === 'en' ? textsIn('en') : Promise.reject(new Error(`no ${language} texts`)));

/** Every language's texts, as the build writes them for a page. */
export const allLanguages: LoadMessages = async (language) => textsIn(language);
