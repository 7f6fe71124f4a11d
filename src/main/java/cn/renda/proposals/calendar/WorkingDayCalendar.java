package cn.renda.proposals.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The Chinese working-day calendar: weekends and official holidays are days off, make-up working days (调休) are
 * working days even on a weekend. For a year the holiday files do not cover, only weekends are days off, and the
 * gap is logged as an error once per year so that an operator adds the year's file.
 */
@Component
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Map<LocalDate, Boolean> specialDays;
  private final Set<Integer> coveredYears;
  private final Set<Integer> reportedMissingYears = ConcurrentHashMap.newKeySet();
  private final ZoneId zone;

  @Autowired
  public WorkingDayCalendar(CalendarProperties properties, ResourceLoader resources, ObjectMapper json) {
    Map<LocalDate, Boolean> days = new HashMap<>();
    for (String file : properties.files()) {
      read(resources.getResource(file), json, days);
    }
    this.specialDays = Map.copyOf(days);
    this.coveredYears = days.keySet().stream().map(LocalDate::getYear).collect(Collectors.toSet());
    this.zone = properties.zone();
  }

  /** Builds a calendar from explicit days (tests). {@code true} marks a make-up working day, false a holiday. */
  public static WorkingDayCalendar of(Map<LocalDate, Boolean> specialDays, ZoneId zone) {
    return new WorkingDayCalendar(specialDays, zone);
  }

  private WorkingDayCalendar(Map<LocalDate, Boolean> specialDays, ZoneId zone) {
    this.specialDays = Map.copyOf(specialDays);
    this.coveredYears = specialDays.keySet().stream().map(LocalDate::getYear).collect(Collectors.toSet());
    this.zone = zone;
  }

  private static void read(Resource resource, ObjectMapper json, Map<LocalDate, Boolean> days) {
    try (InputStream in = resource.getInputStream()) {
      JsonNode root = json.readTree(in);
      root.path("holidays").fieldNames().forEachRemaining(day -> days.put(LocalDate.parse(day), false));
      root.path("workdays").fieldNames().forEachRemaining(day -> days.put(LocalDate.parse(day), true));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the holiday calendar " + resource.getDescription(), e);
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean special = specialDays.get(day);
    if (special != null) {
      return special;
    }
    if (!coveredYears.contains(day.getYear()) && reportedMissingYears.add(day.getYear())) {
      log.error(
          "No holiday data for {}: counting only weekends as days off. Add the year's official holidays and make-up"
              + " working days to proposals.calendar.files (节假日数据缺失：{} 年仅按周末计算)",
          day.getYear(),
          day.getYear());
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /**
   * The day on which a window of {@code days} working days opened on {@code opened} ends (the opening day not
   * counted).
   */
  public LocalDate plusWorkingDays(LocalDate opened, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    LocalDate day = opened;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** A due date that falls on a day off moves to the next working day, as statutory periods do. */
  public LocalDate onOrAfterWorkingDay(LocalDate day) {
    LocalDate result = day;
    while (!isWorkingDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }
}
