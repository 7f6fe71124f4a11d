package cn.renda.proposals.calendar;

import java.time.Instant;

/**
 * One version of a year's calendar, as the audit shows it: who made it, when, how, and what it changed.
 *
 * @param revertedTo for a revert, the version whose days it restored (0: the year without data)
 * @param summary what changed against the version before, for people
 * @param movedDeadlines how many open deadlines the change moved
 */
public record CalendarVersion(
    int year,
    int version,
    VersionAction action,
    Integer revertedTo,
    String source,
    String changedBy,
    Instant changedAt,
    int holidays,
    int workdays,
    String summary,
    int movedDeadlines) {

  /** Whether the version holds the year's arrangement (a revert to version 0 leaves the year without data). */
  public boolean covers() {
    return holidays + workdays > 0;
  }
}
