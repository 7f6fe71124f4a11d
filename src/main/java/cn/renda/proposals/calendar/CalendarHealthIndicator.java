package cn.renda.proposals.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The calendar's part of {@code /actuator/health}: {@code ATTENTION} while a year that deadlines are set in has no
 * holiday data (from 1 November on: next year), naming the year. {@code ATTENTION} ranks below {@code UP}
 * ({@code management.endpoint.health.status.order}), so it never turns the application's health DOWN: the
 * application works, but some deadlines are counted on weekends only.
 */
@Component("calendar")
public class CalendarHealthIndicator implements HealthIndicator {

  /** The calendar lacks a year's arrangement: deadlines of that year count weekends only. */
  public static final Status ATTENTION = new Status("ATTENTION");

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  public CalendarHealthIndicator(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Health health() {
    List<Integer> missing = calendar.missingYears(LocalDate.now(clock.withZone(calendar.zone())));
    if (missing.isEmpty()) {
      return Health.up().build();
    }
    String years = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return Health.status(new Status(ATTENTION.getCode(), "No holiday data for " + years
            + ": enter the arrangement on the calendar page (缺少 " + years + " 年节假日安排，请在“节假日安排”页面录入)"))
        .withDetail("missingYears", missing)
        .build();
  }
}
