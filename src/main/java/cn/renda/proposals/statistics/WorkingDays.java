package cn.renda.proposals.statistics;

import cn.renda.proposals.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Working days between days of one span, each answer in constant time: the calendar is asked once per day of the
 * span. Counted as the product's windows count: the opening day not, the closing day if it is a working day.
 */
final class WorkingDays {

  private final LocalDate first;
  private final int[] countedUpTo;

  WorkingDays(WorkingDayCalendar calendar, LocalDate first, LocalDate last) {
    this.first = first;
    int span = (int) ChronoUnit.DAYS.between(first, last) + 1;
    this.countedUpTo = new int[Math.max(span, 1)];
    int counted = 0;
    // one snapshot of the calendar for the whole span
    cn.renda.proposals.calendar.WorkingDays days = calendar.current();
    for (int day = 1; day < span; day++) {
      if (days.isWorkingDay(first.plusDays(day))) {
        counted++;
      }
      countedUpTo[day] = counted;
    }
  }

  /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
  int between(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    return countedUpTo[index(to)] - countedUpTo[index(from)];
  }

  /** Every day of the span with the working days after the first day up to it. */
  java.util.Map<LocalDate, Integer> numbers() {
    java.util.Map<LocalDate, Integer> numbers = new java.util.LinkedHashMap<>();
    for (int day = 0; day < countedUpTo.length; day++) {
      numbers.put(first.plusDays(day), countedUpTo[day]);
    }
    return numbers;
  }

  private int index(LocalDate day) {
    return (int) ChronoUnit.DAYS.between(first, day);
  }
}
