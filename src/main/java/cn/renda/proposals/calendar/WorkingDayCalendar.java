package cn.renda.proposals.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The Chinese working-day calendar in force, as the database holds it: weekends and official holidays are days off,
 * make-up working days (调休) are working days even on a weekend. For a year without data only weekends are days
 * off, and the gap is logged as an error once per year so that the congress office enters the year's arrangement.
 *
 * <p>Every use first reads the calendar's revision (one row): when any node changed the calendar, the days are read
 * again, so no node ever computes a deadline on a calendar that was changed elsewhere.
 */
@Component
@DependsOn("calendarImport")
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final CalendarStore store;
  private final ZoneId zone;
  private final MonthDay warnFrom;
  private final Set<Integer> reportedMissingYears = ConcurrentHashMap.newKeySet();
  private volatile Loaded loaded;

  private record Loaded(String revision, WorkingDays days) {}

  public WorkingDayCalendar(CalendarStore store, CalendarProperties properties) {
    this.store = store;
    this.zone = properties.zone();
    this.warnFrom = properties.warnFrom();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The calendar as it is now (read again whenever it changed since the last use, on any node). */
  public WorkingDays current() {
    String revision = store.revision();
    Loaded state = loaded;
    if (state == null || !state.revision().equals(revision)) {
      // the revision is read before the days: days newer than the revision are read again at the next use
      state = new Loaded(revision, store.load().reportingMissingYears(this::reportMissing));
      loaded = state;
    }
    return state.days();
  }

  /** See {@link WorkingDays#plusWorkingDays}. */
  public LocalDate plusWorkingDays(LocalDate opened, int days) {
    return current().plusWorkingDays(opened, days);
  }

  /** A due date that falls on a day off moves to the next working day, as statutory periods do. */
  public LocalDate onOrAfterWorkingDay(LocalDate day) {
    return current().onOrAfterWorkingDay(day);
  }

  /** The deadline of a period ending on {@code nominal}: that day, or the next working day. */
  public DueDay due(LocalDate nominal) {
    return current().due(nominal);
  }

  /**
   * The years that need the congress office's attention on {@code today}: this year if it has no data, and next year
   * if it has none from {@code proposals.calendar.warn-from} (1 November) on.
   */
  public List<Integer> missingYears(LocalDate today) {
    WorkingDays days = current();
    List<Integer> missing = new ArrayList<>();
    if (!days.covers(today.getYear())) {
      missing.add(today.getYear());
    }
    if (!MonthDay.from(today).isBefore(warnFrom) && !days.covers(today.getYear() + 1)) {
      missing.add(today.getYear() + 1);
    }
    return missing;
  }

  /** The first day of the year's warning period: the day before it, next year's data is not yet asked for. */
  public LocalDate warningFrom(int missingYear) {
    return warnFrom.atYear(missingYear - 1);
  }

  private void reportMissing(int year) {
    if (reportedMissingYears.add(year)) {
      log.error("No holiday data for {}: counting only weekends as days off. Enter the year's official holidays and"
              + " make-up working days on the calendar page (/calendar) or with PUT /api/calendar/{}"
              + " (节假日数据缺失：{} 年仅按周末计算，请在“节假日安排”页面录入)", year, year, year);
    }
  }
}
