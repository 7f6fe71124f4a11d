package cn.renda.proposals.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <b>TEST DATA, INVENTED.</b> Holiday arrangements made up for the tests, in the bundled files' shape. They are not
 * the State Council's arrangements and say nothing about them: 2027's was not published when these tests were
 * written, and the dates below were chosen only so that deadlines of the tests fall on them.
 */
public final class InventedCalendar {

  private InventedCalendar() {}

  /**
   * An invented 2027: 元旦 on Friday 1 January; 春节 from Friday 5 to Friday 12 February, with make-up working days
   * on Sunday 31 January and Saturday 20 February; 清明 on Monday 5 April; 劳动节 from 1 to 5 May, worked on Sunday 25
   * April.
   */
  public static Map<String, Object> year2027() {
    Map<String, String> holidays = new LinkedHashMap<>();
    holidays.put("2027-01-01", "元旦（测试数据）");
    for (int day = 5; day <= 12; day++) {
      holidays.put(LocalDate.of(2027, 2, day).toString(), "春节（测试数据）");
    }
    holidays.put("2027-04-05", "清明节（测试数据）");
    for (int day = 1; day <= 5; day++) {
      holidays.put(LocalDate.of(2027, 5, day).toString(), "劳动节（测试数据）");
    }
    Map<String, String> workdays = new LinkedHashMap<>();
    workdays.put("2027-01-31", "春节调休上班（测试数据）");
    workdays.put("2027-02-20", "春节调休上班（测试数据）");
    workdays.put("2027-04-25", "劳动节调休上班（测试数据）");
    Map<String, Object> arrangement = new LinkedHashMap<>();
    arrangement.put("source", "测试数据（虚构，非国务院办公厅通知）");
    arrangement.put("holidays", holidays);
    arrangement.put("workdays", workdays);
    return arrangement;
  }
}
