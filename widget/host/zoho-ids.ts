/** A module's API name as Zoho writes it, e.g. "Deals", "Custom_Module1". */
export const isModuleName = (name: string): boolean => /^[A-Za-z][A-Za-z0-9_]*$/.test(name);

/** A Zoho record id: a string of 1 to 19 digits (as a number it would lose digits past 2^53). */
export const isZohoId = (id: string): boolean => /^\d{1,19}$/.test(id);
