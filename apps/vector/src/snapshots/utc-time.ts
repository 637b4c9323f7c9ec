/**
 * Qdrant writes snapshot times in UTC without a zone ("2026-12-04T10:49:10"); clients read a
 * time without one as local time, so the reply says UTC outright (RFC 3339, as documented).
 */
export function utcTimeOf(time: string | null | undefined): string | null {
  if (time === undefined || time === null) return null;
  return /(Z|[+-]\d{2}:\d{2})$/i.test(time) ? time : `${time}Z`;
}
