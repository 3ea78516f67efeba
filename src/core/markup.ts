// Text made safe to put into HTML or XML, as element content or a quoted attribute value.
export const escapeMarkup = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
