/**
 * Takes tokens, passwords, cookies and phone numbers out of text before it reaches a log or an
 * error shown on screen, so a log file the seller sends never carries a secret.
 */
const patterns: [RegExp, string][] = [
  [/(access_token|token|password|passwd|sessionid|csrftoken|cookie|authorization)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi, '$1$2[redacted]'],
  [/\bEA[A-Za-z0-9]{20,}\b/g, '[redacted-token]'],
  [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi, 'Bearer [redacted]'],
  [/\+?\b\d{9,15}\b/g, '[phone]'],
];

export const redact = (text: string): string => patterns.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
