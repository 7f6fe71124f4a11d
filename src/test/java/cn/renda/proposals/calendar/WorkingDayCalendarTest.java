package cn.renda.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = new WorkingDayCalendar(
      new CalendarProperties(List.of("classpath:calendar/cn-holidays-2019-2026.json"), ZoneId.of("Asia/Shanghai")),
      new DefaultResourceLoader(),
      new ObjectMapper());

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
  }

  @Test
  void shouldMoveDeadlineOnHolidayToNextWorkingDay() {
    assertThat(calendar.onOrAfterWorkingDay(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.onOrAfterWorkingDay(LocalDate.of(2026, 10, 9))).isEqualTo(LocalDate.of(2026, 10, 9));
    // a Sunday before a plain Monday
    assertThat(calendar.onOrAfterWorkingDay(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 30));
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
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 1))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 10, 5))).isFalse();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2030, 10, 4), 1)).isEqualTo(LocalDate.of(2030, 10, 7));
  }

  @Test
  void shouldFollowExplicitDaysAndWeekendsOtherwise() {
    WorkingDayCalendar custom = WorkingDayCalendar.of(
        Map.of(LocalDate.of(2031, 1, 1), false, LocalDate.of(2031, 1, 4), true), ZoneId.of("Asia/Shanghai"));

    assertThat(custom.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
    assertThat(custom.isWorkingDay(LocalDate.of(2031, 1, 4))).isTrue();
    assertThat(custom.isWorkingDay(LocalDate.of(2031, 1, 5))).isFalse();
  }
}
