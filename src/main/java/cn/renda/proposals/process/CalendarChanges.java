package cn.renda.proposals.process;

import cn.renda.proposals.calendar.Arrangements.Arrangement;
import cn.renda.proposals.calendar.CalendarStore;
import cn.renda.proposals.calendar.CalendarVersion;
import cn.renda.proposals.calendar.DayChanges;
import cn.renda.proposals.calendar.SpecialDay;
import cn.renda.proposals.calendar.VersionAction;
import cn.renda.proposals.calendar.WorkingDays;
import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.Violations;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of the working-day calendar with what they do to open proposals: a preview lists every open deadline a
 * change would move; applying it stores the year's new version and moves those deadlines, all in one transaction. The
 * calendar itself (storage, validation) is the calendar feature's; the deadlines are the procedure's.
 */
@Service
public class CalendarChanges {

  private final CalendarStore store;
  private final DeadlineRecalculation recalculation;

  CalendarChanges(CalendarStore store, DeadlineRecalculation recalculation) {
    this.store = store;
    this.recalculation = recalculation;
  }

  /**
   * What a change would do.
   *
   * @param basedOn the year's version in force, which the change replaces (0: the year has none)
   */
  public record Preview(int year, int basedOn, DayChanges changes, List<DeadlineMove> moves) {}

  /**
   * What a change did.
   *
   * @param version the year's version in force afterwards (null: the year has none)
   * @param changed false when the calendar already was as asked: nothing was stored or moved
   */
  public record Outcome(int year, boolean changed, CalendarVersion version, DayChanges changes,
      List<DeadlineMove> moves) {}

  /** The open deadlines that the arrangement would move, and how it differs from the year's days in force. */
  @Transactional(readOnly = true)
  public Preview preview(int year, Arrangement arrangement) {
    return preview(year, arrangement.days());
  }

  /** The same for going back to the days of an earlier version (0: the year without data). */
  @Transactional(readOnly = true)
  public Preview previewRevert(int year, int version) {
    return preview(year, daysOf(year, version));
  }

  /**
   * Puts the arrangement in force as the year's next version and moves the open deadlines it moves.
   *
   * @param basedOn the version the caller previewed against, if any: refused (409) when another change came first
   */
  @Transactional
  public Outcome apply(int year, Arrangement arrangement, Integer basedOn, String actor) {
    return change(year, arrangement.days(), VersionAction.CHANGED, null, arrangement.source(), basedOn, actor);
  }

  /** Goes back to the days of an earlier version (0: the year without data), as a new version. */
  @Transactional
  public Outcome revert(int year, int version, Integer basedOn, String actor) {
    List<SpecialDay> days = daysOf(year, version);
    String source = store.version(year, version).map(CalendarVersion::source).orElse(null);
    return change(year, days, VersionAction.REVERTED, version, source, basedOn, actor);
  }

  private Preview preview(int year, List<SpecialDay> days) {
    WorkingDays before = store.load();
    WorkingDays after = before.withYear(year, days);
    return new Preview(year, currentVersion(year), DayChanges.between(before.days(year), days),
        recalculation.plan(before, after));
  }

  private Outcome change(int year, List<SpecialDay> days, VersionAction action, Integer revertedTo, String source,
      Integer basedOn, String actor) {
    if (DayChanges.between(store.load().days(year), days).none() && matches(year, basedOn)) {
      // as it is already: nothing stored, nothing moved, not even the revision every node watches
      return unchanged(year);
    }
    store.lockForChange();
    // from here on no other change runs: what is read now is what this change replaces
    if (!matches(year, basedOn)) {
      throw new ConflictException("The calendar of " + year + " changed since it was previewed (now version "
          + currentVersion(year) + "): preview again.",
          year + " 年节假日安排已被他人修改（现为第 " + currentVersion(year) + " 版），请重新预览后再应用。");
    }
    WorkingDays before = store.load();
    WorkingDays after = before.withYear(year, days);
    DayChanges changes = DayChanges.between(before.days(year), days);
    if (changes.none()) {
      return unchanged(year);
    }
    CalendarVersion version = store.save(year, days, action, revertedTo, source, actor, changes.summary());
    List<DeadlineMove> moves = recalculation.plan(before, after);
    recalculation.execute(moves, actor, "因" + year + "年节假日安排调整（第" + version.version() + "版）");
    store.recordMoved(year, version.version(), moves.size());
    return new Outcome(year, true, store.version(year, version.version()).orElseThrow(), changes, moves);
  }

  private Outcome unchanged(int year) {
    return new Outcome(year, false, store.current(year).orElse(null),
        DayChanges.between(List.of(), List.of()), List.of());
  }

  private boolean matches(int year, Integer basedOn) {
    return basedOn == null || basedOn == currentVersion(year);
  }

  private int currentVersion(int year) {
    return store.current(year).map(CalendarVersion::version).orElse(0);
  }

  /** The days of a version of the year (0: none); a version that does not exist is refused. */
  private List<SpecialDay> daysOf(int year, int version) {
    if (version == 0) {
      return List.of();
    }
    Optional<CalendarVersion> found = store.version(year, version);
    if (found.isEmpty()) {
      new Violations().add("version", "unknown-version", year + " 年没有第 " + version + " 版",
          year + " has no version " + version).throwIfAny();
    }
    return store.days(year, version);
  }
}
