package cn.renda.proposals.calendar;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of the State Council General Office's notice on a year's holidays (国务院办公厅关于…年部分节假日安排
 * 的通知) as it is pasted from the government's website: numbered items such as
 * {@code 二、春节：2月5日（周五）至12日（周五）放假调休，共8天。1月31日（周日）、2月20日（周六）上班。}. Each item's
 * sentence with 放假 gives its holidays (a day, or a range with 至), each sentence with 上班 its make-up working days.
 * What the text does not say plainly is reported in notes, never guessed; the result is checked like any other
 * arrangement before anything is stored.
 */
public final class HolidayNotice {

  /** At most this much text (a notice is about 1,000 characters). */
  public static final int MAX_LENGTH = 20_000;

  private static final Pattern ITEM = Pattern.compile("([一二三四五六七八九十]+)、([^:：\\n。]{1,20})[:：]");
  private static final String DAY = "(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:\\(([^)]*)\\))?";
  private static final Pattern RANGE = Pattern.compile(DAY + "(?:\\s*(?:至|-|—|~)\\s*" + DAY + ")?");
  private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

  /**
   * What the notice says of the year.
   *
   * @param notes what was left out or looks wrong, for the person who pasted it (dates of another year, weekdays
   *     that do not match the dates, items without a date)
   */
  public record Reading(Map<LocalDate, String> holidays, Map<LocalDate, String> workdays, List<String> notes) {}

  private HolidayNotice() {}

  public static Reading read(String text, int year) {
    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    Map<LocalDate, String> workdays = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    // full-width digits, brackets and colons as plain ones
    String normalized = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
    Matcher item = ITEM.matcher(normalized);
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (item.find()) {
      starts.add(new int[] {item.start(), item.end()});
      names.add(item.group(2).strip());
    }
    if (starts.isEmpty()) {
      notes.add("没有找到“一、元旦：……”这样的条目，请粘贴通知正文中的各项安排");
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : normalized.length();
      String body = normalized.substring(starts.get(i)[1], end);
      String name = names.get(i);
      int found = 0;
      for (String sentence : body.split("[。;；,，\\n]")) {
        if (sentence.contains("上班")) {
          found += workdays(sentence, name, year, workdays, notes);
        } else if (sentence.contains("放假")) {
          found += holidays(sentence, name, year, holidays, notes);
        }
      }
      if (found == 0) {
        notes.add("“" + name + "”一项未能识别出日期，请核对或手工录入");
      }
    }
    return new Reading(holidays, workdays, notes);
  }

  private static int holidays(String sentence, String name, int year, Map<LocalDate, String> holidays,
      List<String> notes) {
    Matcher range = RANGE.matcher(sentence);
    if (!range.find()) {
      return 0;
    }
    LocalDate first = date(range, 1, year, null, notes);
    LocalDate last = range.group(7) == null ? first : date(range, 5, year, first, notes);
    if (first == null || last == null) {
      return 0;
    }
    if (last.isBefore(first) || first.plusDays(31).isBefore(last)) {
      notes.add("“" + name + "”的放假日期 " + first + " 至 " + last + " 不合理，未计入");
      return 0;
    }
    int added = 0;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      added += put(day, name, year, holidays, notes);
    }
    return added;
  }

  private static int workdays(String sentence, String name, int year, Map<LocalDate, String> workdays,
      List<String> notes) {
    Matcher day = RANGE.matcher(sentence);
    int added = 0;
    LocalDate previous = null;
    while (day.find()) {
      LocalDate date = date(day, 1, year, previous, notes);
      if (date != null) {
        added += put(date, name + "调休上班", year, workdays, notes);
        previous = date;
      }
    }
    return added;
  }

  private static int put(LocalDate day, String name, int year, Map<LocalDate, String> days, List<String> notes) {
    if (day.getYear() != year) {
      notes.add(day + "（" + name + "）不属于" + year + "年，未计入：请在" + day.getYear() + "年的安排中核对");
      return 0;
    }
    days.put(day, name);
    return 1;
  }

  /**
   * The date of the groups starting at {@code group} (year, month, day, what the brackets say), the month and year
   * taken from {@code after} when left out (至12日), or the notice's year.
   */
  private static LocalDate date(Matcher m, int group, int year, LocalDate after, List<String> notes) {
    int y = m.group(group) != null ? Integer.parseInt(m.group(group)) : after != null ? after.getYear() : year;
    Integer month = m.group(group + 1) != null ? Integer.valueOf(m.group(group + 1))
        : after != null ? Integer.valueOf(after.getMonthValue()) : null;
    if (month == null) {
      notes.add("“" + m.group() + "”没有月份，未计入");
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.of(y, month, Integer.parseInt(m.group(group + 2)));
    } catch (DateTimeException e) {
      notes.add("“" + m.group() + "”不是有效的日期，未计入");
      return null;
    }
    if (after != null && date.isBefore(after) && m.group(group) == null && m.group(group + 1) != null) {
      date = date.plusYears(1); // 12月31日至1月2日
    }
    String brackets = m.group(group + 3);
    String weekday = WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    if (brackets != null && brackets.matches(".*周[一二三四五六日天].*") && !brackets.contains(weekday)
        && !(weekday.equals("周日") && brackets.contains("周天"))) {
      notes.add("“" + m.group() + "”注明的星期与日历不符：" + date + " 是" + weekday + "，请核对年份");
    }
    return date;
  }
}
