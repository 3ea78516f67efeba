// Terminal colour codes, which the tools' messages carry and a report must not.
// eslint-disable-next-line no-control-regex -- the escape character is what is looked for
const SGR = /\u001b\[[0-9;]*m/g;

/** The text without its colour codes. */
export const stripAnsi = (s: string): string => s.replace(SGR, '');

/** Whether the text carries a terminal escape sequence at all. */
// eslint-disable-next-line no-control-regex -- the escape character is what is looked for
export const hasAnsi = (s: string): boolean => /\u001b\[/.test(s);
