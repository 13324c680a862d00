/** Display helpers; numbers and dates follow the UI language. */

/** 0.456 → "46%"; raw over-achievement stays visible (1.2 → "120%"). */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(value);
}

/** A measured value with its unit: "12,000 元", "35 %". */
export function formatMeasure(
  value: number | null | undefined,
  unit: string | null,
  language: string,
): string {
  const number = formatNumber(value, language);
  if (!unit || value === null || value === undefined) return number;
  // "50%" reads as one token; other units are words ("200 家", "12 k€").
  return unit === "%" ? `${number}%` : `${number} ${unit}`;
}

export function formatDate(iso: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A short day for chart axes: "Nov 22", "11月22日". */
export function formatShortDate(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: "short", day: "numeric" }).format(new Date(epochMs));
}
