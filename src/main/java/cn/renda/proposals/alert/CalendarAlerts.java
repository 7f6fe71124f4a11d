package cn.renda.proposals.alert;

import cn.renda.proposals.calendar.WorkingDayCalendar;
import cn.renda.proposals.identity.Groups;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warns before a missing year bites: from 1 November on, while next year's arrangement is not entered (and whenever
 * this year's is missing), the congress office and the administrators get an alert, in the application and by mail,
 * once a week. Checked every day ({@code proposals.calendar.check-cron}); on a cluster each week's alert exists once.
 */
@Service
public class CalendarAlerts {

  /** The topic of these alerts (alerts about no proposal). */
  static final String TOPIC = "calendar";
  private static final List<String> RECIPIENTS = List.of(Groups.CONGRESS_OFFICE, Groups.ADMINS);

  private final WorkingDayCalendar calendar;
  private final Alerts alerts;
  private final Clock clock;

  CalendarAlerts(WorkingDayCalendar calendar, Alerts alerts, Clock clock) {
    this.calendar = calendar;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Scheduled(cron = "${proposals.calendar.check-cron:0 0 8 * * *}", zone = "${proposals.calendar.zone:Asia/Shanghai}")
  void everyDay() {
    check();
  }

  /**
   * Raises this week's alert for every year that needs attention today, unless it was raised already. Answers the
   * years alerted about now.
   */
  @Transactional
  public List<Integer> check() {
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    return calendar.missingYears(today).stream()
        .filter(year -> alerts.raise(alert(year, today)))
        .toList();
  }

  private NewAlert alert(int year, LocalDate today) {
    // the weeks count from the first day of the warning (1 November): one alert in each
    int week = (int) Math.max(0, ChronoUnit.DAYS.between(calendar.warningFrom(year), today) / 7);
    String message = year + "年的节假日安排（国务院办公厅关于部分节假日安排的通知）尚未录入系统。录入之前，" + year
        + "年的期限只按周末计算，春节等法定节假日和调休上班日都未计入，签收、评价等期限将算错。请县人大常委会办公室在“节假日安排”页面"
        + "录入并应用，已设定的期限会随之重新计算。";
    return NewAlert.about(TOPIC, year + "年节假日安排", AlertKind.CALENDAR_MISSING, LocalDate.of(year, 1, 1), week,
        RECIPIENTS, message);
  }
}
