const WEEKDAY_ABBREVIATIONS: Record<string, string> = {
  mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday',
};

/**
 * `Wed` → `wednesday`: chrono leaves `Mon`, `Wed`, `Sat` and `Sun` alone (they are also words), but
 * where a command expects a date (a plan's day) they can only be weekdays.
 */
export function spellOutWeekdays(text: string): string {
  return text.replace(/\b(mon|tue|wed|thu|fri|sat|sun)\b\.?/giu, (w) => WEEKDAY_ABBREVIATIONS[w.slice(0, 3).toLowerCase()] ?? w);
}
