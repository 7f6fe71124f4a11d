package cn.renda.proposals.api;

import cn.renda.proposals.calendar.Arrangements;
import cn.renda.proposals.calendar.CalendarStore;
import cn.renda.proposals.calendar.CalendarVersion;
import cn.renda.proposals.calendar.DayKind;
import cn.renda.proposals.calendar.HolidayNotice;
import cn.renda.proposals.calendar.SpecialDay;
import cn.renda.proposals.calendar.WorkingDayCalendar;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.process.CalendarChanges;
import cn.renda.proposals.web.ForbiddenException;
import cn.renda.proposals.web.NotFoundException;
import cn.renda.proposals.web.Violations;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar (节假日安排): everyone signed in reads it; the congress office and administrators enter
 * next year's arrangement when the State Council publishes it, preview what it moves, apply it, and revert it.
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "calendar", description = "节假日安排（工作日历）/ the working-day calendar")
class CalendarController {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private final WorkingDayCalendar calendar;
  private final CalendarStore store;
  private final CalendarChanges changes;
  private final Clock clock;

  CalendarController(WorkingDayCalendar calendar, CalendarStore store, CalendarChanges changes, Clock clock) {
    this.calendar = calendar;
    this.store = store;
    this.changes = changes;
    this.clock = clock;
  }

  /** A year as the bundled files have it, with the version in force. */
  record YearView(int year, int version, boolean covered, String source, String changedBy, Instant changedAt,
      Map<LocalDate, String> holidays, Map<LocalDate, String> workdays) {}

  /** The years the calendar knows, and those that need attention today. */
  record Overview(LocalDate today, List<Integer> missingYears, List<CalendarVersion> years) {}

  /** A pasted notice of the State Council General Office. */
  record Notice(String text) {}

  /** What a notice says of the year, in the shape the preview and PUT take, and what it could not take. */
  record NoticeReading(int year, String source, Map<LocalDate, String> holidays, Map<LocalDate, String> workdays,
      List<String> notes) {}

  /** What reverting asks for: the version whose days come back (0: the year without data). */
  record Revert(Integer version, Integer basedOn) {}

  @GetMapping
  @Operation(summary = "The years of the calendar (their versions in force) and the years missing today")
  Overview overview(CurrentUser user) {
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    return new Overview(today, calendar.missingYears(today), store.currentVersions());
  }

  @GetMapping("/{year}")
  @Operation(summary = "A year's holidays and make-up working days in force (the bundled files' shape)")
  YearView year(CurrentUser user, @PathVariable String year) {
    int y = year(year);
    CalendarVersion version = store.current(y).orElse(null);
    return view(y, version, version == null ? List.of() : store.days(y, version.version()));
  }

  @GetMapping("/{year}/versions")
  @Operation(summary = "Every version of the year, newest first: who changed it, when, what (congress office, admin)")
  List<CalendarVersion> versions(CurrentUser user, @PathVariable String year) {
    maintainer(user);
    return store.versions(year(year));
  }

  @GetMapping("/{year}/versions/{version}")
  @Operation(summary = "The days of one version of the year (congress office, administrators)")
  YearView version(CurrentUser user, @PathVariable String year, @PathVariable int version) {
    maintainer(user);
    int y = year(year);
    CalendarVersion found = store.version(y, version).orElseThrow(() -> new NotFoundException("version " + version));
    return view(y, found, store.days(y, version));
  }

  @PostMapping("/{year}/notice")
  @Operation(summary = "Read the pasted text of the State Council's notice into an arrangement; stores nothing")
  NoticeReading notice(CurrentUser user, @PathVariable String year, @RequestBody Notice notice) {
    maintainer(user);
    int y = year(year);
    Violations violations = new Violations();
    if (violations.required("text", notice.text(), "通知正文")) {
      violations.text("text", notice.text(), "通知正文", 0, HolidayNotice.MAX_LENGTH);
    }
    violations.throwIfAny();
    HolidayNotice.Reading reading = HolidayNotice.read(notice.text(), y);
    return new NoticeReading(y, "国务院办公厅关于" + y + "年部分节假日安排的通知", reading.holidays(), reading.workdays(),
        reading.notes());
  }

  @PostMapping("/{year}/preview")
  @Operation(summary = "What the arrangement would change and which open deadlines it would move; stores nothing")
  CalendarChanges.Preview preview(CurrentUser user, @PathVariable String year, @RequestBody JsonNode arrangement) {
    maintainer(user);
    int y = year(year);
    return changes.preview(y, Arrangements.read(arrangement, y));
  }

  @PutMapping("/{year}")
  @Operation(summary = "Put the year's arrangement in force and move the open deadlines it moves (congress office,"
      + " administrators)")
  CalendarChanges.Outcome put(CurrentUser user, @PathVariable String year, @RequestBody JsonNode arrangement,
      @RequestParam(required = false) @Parameter(description = "the version previewed against: 409 if another"
          + " change came first") Integer basedOn) {
    maintainer(user);
    int y = year(year);
    return changes.apply(y, Arrangements.read(arrangement, y), basedOn, user.id());
  }

  @PostMapping("/{year}/revert/preview")
  @Operation(summary = "What going back to an earlier version would move; stores nothing")
  CalendarChanges.Preview previewRevert(CurrentUser user, @PathVariable String year, @RequestBody Revert revert) {
    maintainer(user);
    return changes.previewRevert(year(year), version(revert));
  }

  @PostMapping("/{year}/revert")
  @Operation(summary = "Go back to the days of an earlier version (0: no data), as a new version; moves the open"
      + " deadlines back")
  CalendarChanges.Outcome revert(CurrentUser user, @PathVariable String year, @RequestBody Revert revert) {
    maintainer(user);
    return changes.revert(year(year), version(revert), revert.basedOn(), user.id());
  }

  private static void maintainer(CurrentUser user) {
    if (!user.isCongressOffice() && !user.isAdmin()) {
      throw new ForbiddenException("Only the congress office and administrators maintain the working-day calendar.",
          "只有县人大常委会办公室和系统管理员可以维护节假日安排。");
    }
  }

  private static int year(String year) {
    int value = -1;
    if (year.matches("\\d{4}")) {
      value = Integer.parseInt(year);
    }
    if (value < FIRST_YEAR || value > LAST_YEAR) {
      new Violations().add("year", "range", "年份应为 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 的四位数字",
          "year must be a year from " + FIRST_YEAR + " to " + LAST_YEAR).throwIfAny();
    }
    return value;
  }

  private static int version(Revert revert) {
    if (revert.version() == null || revert.version() < 0) {
      new Violations().add("version", "required", "请指定要恢复的版本号（0 表示恢复为无数据）",
          "version is required (0: the year without data)").throwIfAny();
    }
    return revert.version();
  }

  private static YearView view(int year, CalendarVersion version, List<SpecialDay> days) {
    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    Map<LocalDate, String> workdays = new LinkedHashMap<>();
    for (SpecialDay day : days) {
      (day.kind() == DayKind.HOLIDAY ? holidays : workdays).put(day.date(), day.name() == null ? "" : day.name());
    }
    return version == null
        ? new YearView(year, 0, false, null, null, null, holidays, workdays)
        : new YearView(year, version.version(), version.covers(), version.source(), version.changedBy(),
            version.changedAt(), holidays, workdays);
  }
}
