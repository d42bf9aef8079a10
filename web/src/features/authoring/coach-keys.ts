/** The coach's keys of the goals being written (the KRs use their own `key`). Kept apart from coach-run.ts, which loads lazily. */
export const OBJECTIVE_KEY = 'objective';
export const SMART_KEY = 'smart';
