package cn.renda.proposals.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * One state of the Chinese working-day calendar, immutable: weekends and official holidays are days off, make-up
 * working days (调休) are working days even on a weekend. A year without data counts only weekends as days off.
 */
public final class WorkingDays {

  private static final IntConsumer IGNORE = year -> { };

  private final Map<Integer, List<SpecialDay>> years;
  private final Map<LocalDate, Boolean> special;
  private final IntConsumer missingYear;

  private WorkingDays(Map<Integer, List<SpecialDay>> years, IntConsumer missingYear) {
    Map<Integer, List<SpecialDay>> copy = new TreeMap<>();
    Map<LocalDate, Boolean> days = new HashMap<>();
    years.forEach((year, list) -> {
      if (!list.isEmpty()) {
        copy.put(year, List.copyOf(list));
        list.forEach(day -> days.put(day.date(), day.kind() == DayKind.WORKDAY));
      }
    });
    this.years = Collections.unmodifiableMap(copy);
    this.special = Map.copyOf(days);
    this.missingYear = missingYear;
  }

  /** The calendar of these years' days; a year with an empty list has no data. */
  public static WorkingDays of(Map<Integer, List<SpecialDay>> years) {
    return new WorkingDays(years, IGNORE);
  }

  /** The calendar of these days, each year of a day covered. */
  public static WorkingDays of(Collection<SpecialDay> days) {
    Map<Integer, List<SpecialDay>> years = new HashMap<>();
    days.forEach(day -> years.computeIfAbsent(day.date().getYear(), y -> new ArrayList<>()).add(day));
    return of(years);
  }

  /** The same calendar, telling {@code listener} of every question about a year it has no data for. */
  WorkingDays reportingMissingYears(IntConsumer listener) {
    return new WorkingDays(years, listener);
  }

  /**
   * The calendar with {@code days} as the whole of {@code year} (none: the year has no data), as it would be after a
   * change; it logs nothing about missing years.
   */
  public WorkingDays withYear(int year, Collection<SpecialDay> days) {
    Map<Integer, List<SpecialDay>> changed = new HashMap<>(years);
    changed.put(year, List.copyOf(days));
    return new WorkingDays(changed, IGNORE);
  }

  /** Whether the calendar has the official arrangement of the year. */
  public boolean covers(int year) {
    return years.containsKey(year);
  }

  /** The holidays and make-up working days of the year, by date; empty for a year without data. */
  public List<SpecialDay> days(int year) {
    return years.getOrDefault(year, List.of()).stream()
        .sorted(Comparator.comparing(SpecialDay::date))
        .toList();
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean working = special.get(day);
    if (working != null) {
      return working;
    }
    if (!years.containsKey(day.getYear())) {
      missingYear.accept(day.getYear());
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /**
   * The day on which a window of {@code days} working days opened on {@code opened} ends (the opening day not
   * counted).
   */
  public LocalDate plusWorkingDays(LocalDate opened, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    LocalDate day = opened;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The working days after {@code opened} up to and including {@code end}: the length of a window. */
  public int workingDaysBetween(LocalDate opened, LocalDate end) {
    int counted = 0;
    for (LocalDate day = opened.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return counted;
  }

  /** A due date that falls on a day off moves to the next working day, as statutory periods do. */
  public LocalDate onOrAfterWorkingDay(LocalDate day) {
    LocalDate result = day;
    while (!isWorkingDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /** The deadline of a period ending on {@code nominal}: that day, or the next working day. */
  public DueDay due(LocalDate nominal) {
    return new DueDay(nominal, onOrAfterWorkingDay(nominal));
  }

  @Override
  public String toString() {
    return "WorkingDays" + years.keySet();
  }

}
