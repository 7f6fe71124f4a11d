package cn.renda.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  private final WorkingDays calendar = bundled();

  /** The calendar of the bundled file (2019-2026). */
  static WorkingDays bundled() {
    try (InputStream in = WorkingDaysTest.class.getResourceAsStream("/calendar/cn-holidays-2019-2026.json")) {
      return WorkingDays.of(Arrangements.readFile(new ObjectMapper().readTree(in), "bundled").days());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldCountMakeUpSaturdayAndSkipNationalDayHoliday() {
    // given a window of five working days opened on Wednesday 2026-09-30
    // when it is counted: Oct 1-7 are holidays, Oct 8 (Thu), 9 (Fri), 10 (Sat, 调休), 12 (Mon), 13 (Tue)
    LocalDate end = calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 5);

    // then
    assertThat(end).isEqualTo(LocalDate.of(2026, 10, 13));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), end)).isEqualTo(5);
  }

  @Test
  void shouldMoveDeadlineOnHolidayToNextWorkingDay() {
    assertThat(calendar.onOrAfterWorkingDay(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.onOrAfterWorkingDay(LocalDate.of(2026, 10, 9))).isEqualTo(LocalDate.of(2026, 10, 9));
    // a Sunday before a plain Monday
    assertThat(calendar.onOrAfterWorkingDay(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(calendar.due(LocalDate.of(2026, 10, 1)))
        .isEqualTo(new DueDay(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8)));
  }

  @Test
  void shouldTreatSpringFestivalMakeUpSundayAsWorkingDay() {
    // 2020-01-19 was a Sunday worked before the Spring Festival
    assertThat(calendar.isWorkingDay(LocalDate.of(2020, 1, 19))).isTrue();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2020, 1, 17), 1)).isEqualTo(LocalDate.of(2020, 1, 19));
  }

  @Test
  void shouldFallBackToWeekendsForYearWithoutData() {
    // 2030 is not in the data: weekends only, no failure
    assertThat(calendar.covers(2030)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 1))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 5))).isFalse();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2030, 10, 4), 1)).isEqualTo(LocalDate.of(2030, 10, 7));
  }

  @Test
  void shouldReplaceOneYearAndKeepTheOthers() {
    // given the bundled years and an arrangement for 2031 (invented for this test)
    WorkingDays changed = calendar.withYear(2031, List.of(
        new SpecialDay(LocalDate.of(2031, 1, 1), DayKind.HOLIDAY, "元旦"),
        new SpecialDay(LocalDate.of(2031, 1, 4), DayKind.WORKDAY, "调休")));

    // then 2031 follows it, 2026 is unchanged, and removing 2031 again leaves the year without data
    assertThat(changed.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
    assertThat(changed.isWorkingDay(LocalDate.of(2031, 1, 4))).isTrue();
    assertThat(changed.isWorkingDay(LocalDate.of(2031, 1, 5))).isFalse();
    assertThat(changed.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(changed.covers(2031)).isTrue();
    assertThat(changed.withYear(2031, List.of()).covers(2031)).isFalse();
    assertThat(changed.withYear(2031, List.of()).isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();
  }
}
