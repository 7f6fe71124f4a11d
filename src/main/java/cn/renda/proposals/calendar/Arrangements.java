package cn.renda.proposals.calendar;

import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.Violations;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The official arrangement of a year as people enter it, read and checked. Two shapes are accepted: the bundled
 * files' ({@code {"holidays": {"2027-01-01": "元旦"}, "workdays": {"2027-02-07": "春节调休"}, "source": "…"}}) and a
 * plain list of days ({@code [{"date": "2027-01-01", "kind": "HOLIDAY", "name": "元旦"}]}, also as
 * {@code {"days": [...], "source": "…"}}). Every fault is reported at once, naming the date at fault.
 */
public final class Arrangements {

  /** At most this many days in one year's arrangement (a year has 366 at most). */
  static final int MAX_DAYS = 366;
  static final int NAME_MAX = 100;
  static final int SOURCE_MAX = 500;
  private static final Set<String> FIELDS = Set.of("source", "holidays", "workdays", "days", "year");

  /** A year's holidays and make-up working days, in date order, and where they come from. */
  public record Arrangement(String source, List<SpecialDay> days) {}

  private Arrangements() {}

  /**
   * The arrangement of {@code year} in {@code body}: every date inside the year, none both a holiday and a working
   * day, every make-up working day a Saturday or Sunday (a holiday may fall on any day, as published), at least one
   * holiday.
   *
   * @throws InvalidInputException with every fault, each naming its date
   */
  public static Arrangement read(JsonNode body, int year) {
    Violations violations = new Violations();
    Arrangement arrangement = read(body, year, violations);
    violations.throwIfAny();
    return arrangement;
  }

  /** A holiday file of several years (the bundled format); a fault is a defect of the file. */
  static Arrangement readFile(JsonNode body, String description) {
    Violations violations = new Violations();
    Arrangement arrangement = read(body, null, violations);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("The holiday file " + description + " is invalid: "
          + new InvalidInputException(violations.errors()).getMessage());
    }
    return arrangement;
  }

  private static Arrangement read(JsonNode body, Integer year, Violations v) {
    List<Entry> entries = new ArrayList<>();
    String source = null;
    if (body == null || body.isNull() || body.isMissingNode()) {
      v.add("body", "required", "请提供节假日安排", "the arrangement is required");
      return new Arrangement(null, List.of());
    }
    if (body.isArray()) {
      list(body, "days", entries, v);
    } else if (body.isObject()) {
      for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          v.add(name, "unknown-field", "不认识的字段“" + name + "”（可用：holidays、workdays、days、source）",
              "unknown field " + name + " (known: holidays, workdays, days, source)");
        }
      }
      source = text(body.get("source"), "source", "来源", SOURCE_MAX, v);
      JsonNode givenYear = body.get("year");
      if (year != null && givenYear != null && !(givenYear.canConvertToInt() && givenYear.asInt() == year)) {
        v.add("year", "year", "year 与地址中的年份 " + year + " 不一致", "year does not match the year " + year + " of the path");
      }
      map(body.get("holidays"), "holidays", DayKind.HOLIDAY, entries, v);
      map(body.get("workdays"), "workdays", DayKind.WORKDAY, entries, v);
      if (body.has("days")) {
        list(body.get("days"), "days", entries, v);
      }
    } else {
      v.add("body", "format", "节假日安排应为 JSON 对象（holidays、workdays）或日期列表",
          "the arrangement must be a JSON object (holidays, workdays) or a list of days");
      return new Arrangement(null, List.of());
    }
    return new Arrangement(source, check(entries, year, v));
  }

  /** A day as given, with the field it was given in. */
  private record Entry(String field, LocalDate date, DayKind kind, String name) {}

  private static void map(JsonNode days, String field, DayKind kind, List<Entry> entries, Violations v) {
    if (days == null || days.isNull()) {
      return;
    }
    if (!days.isObject()) {
      v.add(field, "format", field + " 应为“日期: 名称”的对象", field + " must be an object of date: name");
      return;
    }
    days.fields().forEachRemaining(day -> {
      String at = field + "." + day.getKey();
      LocalDate date = date(day.getKey(), at, v);
      String name = day.getValue().isNull() ? null : text(day.getValue(), at, "名称", NAME_MAX, v);
      if (date != null) {
        entries.add(new Entry(at, date, kind, name));
      }
    });
  }

  private static void list(JsonNode days, String field, List<Entry> entries, Violations v) {
    if (!days.isArray()) {
      v.add(field, "format", field + " 应为日期列表", field + " must be a list of days");
      return;
    }
    for (int i = 0; i < days.size(); i++) {
      JsonNode day = days.get(i);
      String at = field + "[" + i + "]";
      if (!day.isObject()) {
        v.add(at, "format", "第 " + (i + 1) + " 项应为 {date, kind, name}", at + " must be an object {date, kind, name}");
        continue;
      }
      JsonNode dateNode = day.get("date");
      LocalDate date = null;
      if (dateNode == null || !dateNode.isTextual()) {
        v.add(at + ".date", "required", "第 " + (i + 1) + " 项缺少日期", at + ".date is required");
      } else {
        date = date(dateNode.asText(), at + ".date", v);
      }
      DayKind kind = kind(day.get("kind"), at + ".kind", v);
      String name = text(day.get("name"), at + ".name", "名称", NAME_MAX, v);
      if (date != null && kind != null) {
        entries.add(new Entry(at, date, kind, name));
      }
    }
  }

  private static List<SpecialDay> check(List<Entry> entries, Integer year, Violations v) {
    if (entries.size() > MAX_DAYS) {
      v.add("days", "too-many", "一年最多 " + MAX_DAYS + " 天，收到 " + entries.size() + " 天",
          "a year has at most " + MAX_DAYS + " days; got " + entries.size());
      return List.of();
    }
    Map<LocalDate, Entry> byDate = new LinkedHashMap<>();
    for (Entry entry : entries) {
      LocalDate date = entry.date();
      if (year != null && date.getYear() != year) {
        v.add(entry.field(), "outside-year", date + " 不在 " + year + " 年内", date + " is not in " + year);
        continue;
      }
      Entry earlier = byDate.putIfAbsent(date, entry);
      if (earlier != null) {
        if (earlier.kind() != entry.kind()) {
          v.add(entry.field(), "both-kinds", date + " 不能既是放假日又是调休上班日",
              date + " cannot be both a holiday and a make-up working day");
        } else {
          v.add(entry.field(), "duplicate", date + " 重复列出", date + " is listed twice");
        }
        continue;
      }
      DayOfWeek weekday = date.getDayOfWeek();
      if (entry.kind() == DayKind.WORKDAY && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
        v.add(entry.field(), "workday-on-weekday",
            "调休上班日 " + date + " 是" + weekdayZh(weekday) + "：调休上班日只能是周六或周日",
            "make-up working day " + date + " is a " + weekday.getDisplayName(java.time.format.TextStyle.FULL,
                Locale.ENGLISH) + ": make-up working days fall on Saturdays or Sundays");
      }
    }
    if (v.isEmpty() && byDate.values().stream().noneMatch(entry -> entry.kind() == DayKind.HOLIDAY)) {
      v.add("holidays", "empty", "安排中没有放假日：请录入国务院办公厅公布的全部放假和调休日期",
          "the arrangement names no holiday: enter every holiday and make-up working day as published");
    }
    return byDate.values().stream()
        .map(entry -> new SpecialDay(entry.date(), entry.kind(), entry.name()))
        .sorted(Comparator.comparing(SpecialDay::date))
        .toList();
  }

  private static LocalDate date(String text, String field, Violations v) {
    try {
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    v.add(field, "date", "“" + text + "”不是有效的日期（格式：2027-01-01）", text + " is not a valid date (yyyy-MM-dd)");
    return null;
  }

  private static DayKind kind(JsonNode kind, String field, Violations v) {
    if (kind != null && kind.isTextual()) {
      try {
        return DayKind.valueOf(kind.asText().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    v.add(field, "kind", "kind 应为 HOLIDAY（放假）或 WORKDAY（调休上班）", field + " must be HOLIDAY or WORKDAY");
    return null;
  }

  private static String text(JsonNode value, String field, String nameZh, int max, Violations v) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      v.add(field, "format", nameZh + "应为文字", field + " must be text");
      return null;
    }
    String text = value.asText().strip();
    v.text(field, text, nameZh, 0, max);
    return text.isEmpty() ? null : text;
  }

  private static String weekdayZh(DayOfWeek weekday) {
    return new String[] {"周一", "周二", "周三", "周四", "周五", "周六", "周日"}[weekday.getValue() - 1];
  }
}
