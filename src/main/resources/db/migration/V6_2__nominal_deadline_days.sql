-- The day each deadline's rule gives (three months after the assignment, one month after the rehandling began, the
-- planned resolution date …) before it moves to the next working day. When the working-day calendar changes, an open
-- deadline moves to the working day on or after this day under the new calendar; the period is never counted again.
-- Deadlines recorded before these columns existed have none: they move only if their day becomes a day off.
ALTER TABLE proposal ADD COLUMN reply_due_nominal DATE;
ALTER TABLE proposal ADD COLUMN co_opinion_due_nominal DATE;
ALTER TABLE proposal ADD COLUMN progress_due_nominal DATE;
