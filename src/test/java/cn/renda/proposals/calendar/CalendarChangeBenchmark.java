package cn.renda.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.CalendarChanges;
import cn.renda.proposals.support.InventedCalendar;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the calendar costs: a use of the calendar with its revision check (every deadline set reads one row), and a
 * preview, an apply and a revert with N open proposals (default 500) whose reply deadlines all move. Prints the
 * figures, on embedded PostgreSQL; 2027's arrangement is {@link InventedCalendar#year2027() invented for the tests}.
 *
 * <p>Not part of the build's test run (the name does not end in {@code Test}). Run it with
 *
 * <pre>./mvnw -B test -Dtest=CalendarChangeBenchmark [-Dcalendar.size=500]</pre>
 */
class CalendarChangeBenchmark {

  private static final String[] AGENCIES = {"zfw", "sfj", "fy", "mzj", "xfj", "czj", "jyj", "wjj", "zjj"};

  @Test
  void calendarUseAndChange() {
    int size = Integer.getInteger("calendar.size", 500);
    List<String> report = new ArrayList<>();
    try (ConfigurableApplicationContext app = TestApplications.start(List.of("demo", "test"),
        TestApplications.on(TestDatabases.create()))) {
      WorkingDayCalendar calendar = app.getBean(WorkingDayCalendar.class);
      CalendarChanges changes = app.getBean(CalendarChanges.class);
      Walk walk = app.getBean(Walk.class);

      // a use of the calendar: a 15-working-day window, with and without reading the revision first
      int uses = 20_000;
      WorkingDays days = calendar.current();
      LocalDate opened = LocalDate.of(2026, 9, 25);
      long start = System.nanoTime();
      for (int i = 0; i < uses; i++) {
        calendar.plusWorkingDays(opened, 15);
      }
      double checked = micros(start, uses);
      start = System.nanoTime();
      for (int i = 0; i < uses; i++) {
        days.plusWorkingDays(opened, 15);
      }
      double unchecked = micros(start, uses);
      report.add(String.format("a 15-working-day window: %.1f µs with the revision check (one row read),"
          + " %.1f µs on the days alone (%d calls each)", checked, unchecked, uses));

      // N proposals drafting, reply due Tuesday 9 February 2027 on weekends only
      walk.driver().at(LocalDate.of(2026, 11, 9), LocalTime.of(10, 0));
      start = System.nanoTime();
      for (int i = 0; i < size; i++) {
        walk.toDrafting(ProcessDriver.newSession(), AGENCIES[i % AGENCIES.length]);
      }
      report.add(String.format("set-up: %d proposals drafting in %.1f s", size, (System.nanoTime() - start) / 1e9));

      walk.driver().at(LocalDate.of(2027, 1, 20), LocalTime.of(10, 0));
      Arrangements.Arrangement arrangement =
          Arrangements.read(new ObjectMapper().valueToTree(InventedCalendar.year2027()), 2027);
      start = System.nanoTime();
      CalendarChanges.Preview preview = changes.preview(2027, arrangement);
      report.add(String.format("preview: %d deadlines to move in %.2f s", preview.moves().size(),
          (System.nanoTime() - start) / 1e9));
      start = System.nanoTime();
      CalendarChanges.Outcome applied = changes.apply(2027, arrangement, null, "benchmark");
      report.add(String.format("apply: %d deadlines moved (record, task, 2 timers each) in %.2f s",
          applied.moves().size(), (System.nanoTime() - start) / 1e9));
      start = System.nanoTime();
      CalendarChanges.Outcome reverted = changes.revert(2027, 0, null, "benchmark");
      report.add(String.format("revert: %d deadlines moved back in %.2f s", reverted.moves().size(),
          (System.nanoTime() - start) / 1e9));

      assertThat(applied.moves()).hasSizeGreaterThanOrEqualTo(size);
      assertThat(reverted.moves()).hasSameSizeAs(applied.moves());
    } finally {
      ClockUtil.reset();
    }
    System.out.println("\n=== Calendar change benchmark ===\n" + String.join("\n", report) + "\n");
  }

  private static double micros(long start, int count) {
    return (System.nanoTime() - start) / 1e3 / count;
  }
}
