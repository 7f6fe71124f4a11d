package cn.renda.proposals.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a change of a year's arrangement changes, day by day: holidays and make-up working days added and removed,
 * and days only renamed.
 */
public record DayChanges(
    List<SpecialDay> holidaysAdded,
    List<SpecialDay> holidaysRemoved,
    List<SpecialDay> workdaysAdded,
    List<SpecialDay> workdaysRemoved,
    List<SpecialDay> renamed) {

  public static DayChanges between(List<SpecialDay> before, List<SpecialDay> after) {
    Map<LocalDate, SpecialDay> old = before.stream()
        .collect(Collectors.toMap(SpecialDay::date, Function.identity()));
    Map<LocalDate, SpecialDay> now = after.stream()
        .collect(Collectors.toMap(SpecialDay::date, Function.identity()));
    List<SpecialDay> holidaysAdded = new ArrayList<>();
    List<SpecialDay> holidaysRemoved = new ArrayList<>();
    List<SpecialDay> workdaysAdded = new ArrayList<>();
    List<SpecialDay> workdaysRemoved = new ArrayList<>();
    List<SpecialDay> renamed = new ArrayList<>();
    for (SpecialDay day : after) {
      SpecialDay was = old.get(day.date());
      if (was == null || was.kind() != day.kind()) {
        (day.kind() == DayKind.HOLIDAY ? holidaysAdded : workdaysAdded).add(day);
      } else if (!Objects.equals(was.name(), day.name())) {
        renamed.add(day);
      }
    }
    for (SpecialDay day : before) {
      SpecialDay is = now.get(day.date());
      if (is == null || is.kind() != day.kind()) {
        (day.kind() == DayKind.HOLIDAY ? holidaysRemoved : workdaysRemoved).add(day);
      }
    }
    return new DayChanges(List.copyOf(holidaysAdded), List.copyOf(holidaysRemoved), List.copyOf(workdaysAdded),
        List.copyOf(workdaysRemoved), List.copyOf(renamed));
  }

  /** Whether the two arrangements are the same, names included. */
  public boolean none() {
    return holidaysAdded.isEmpty() && holidaysRemoved.isEmpty() && workdaysAdded.isEmpty() && workdaysRemoved.isEmpty()
        && renamed.isEmpty();
  }

  /** The change in words, for the audit: 新增放假 2027-02-08、2027-02-09；取消调休上班 2027-02-06 … */
  public String summary() {
    List<String> parts = new ArrayList<>();
    part(parts, "新增放假", holidaysAdded);
    part(parts, "取消放假", holidaysRemoved);
    part(parts, "新增调休上班", workdaysAdded);
    part(parts, "取消调休上班", workdaysRemoved);
    part(parts, "更改名称", renamed);
    return parts.isEmpty() ? "无变化" : String.join("；", parts);
  }

  private static void part(List<String> parts, String label, List<SpecialDay> days) {
    if (!days.isEmpty()) {
      parts.add(label + " " + days.stream().map(day -> day.date().toString()).collect(Collectors.joining("、")));
    }
  }
}
