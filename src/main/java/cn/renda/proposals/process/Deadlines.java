package cn.renda.proposals.process;

import cn.renda.proposals.calendar.DueDay;
import cn.renda.proposals.calendar.WorkingDayCalendar;
import cn.renda.proposals.proposal.ProposalRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The deadlines of the model, as the BPMN asks for them ({@code ${deadlines.…}} in due dates and timers). A date is
 * due at the end of that day in the business time zone; a deadline that falls on a day off moves to the next
 * working day. Reply, co-opinion and follow-up deadlines live in the proposal's record; the short windows are
 * counted from now.
 */
@Component("deadlines")
public class Deadlines {

  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;
  private final ProcessRecords processRecords;
  private final Clock clock;

  public Deadlines(
      WorkingDayCalendar calendar, DeadlineProperties properties, ProcessRecords processRecords, Clock clock) {
    this.calendar = calendar;
    this.properties = properties;
    this.processRecords = processRecords;
    this.clock = clock;
  }

  // --- windows in working days, counted from today ----------------------------------------------------------

  public Date review() {
    return endOf(workingDaysFromToday(properties.review()));
  }

  public Date assignment() {
    return endOf(workingDaysFromToday(properties.assignment()));
  }

  public Date disputeWindow() {
    return endOf(workingDaysFromToday(properties.dispute()));
  }

  public Date feedback() {
    return endOf(workingDaysFromToday(properties.feedback()));
  }

  public Date extensionApproval() {
    return endOf(workingDaysFromToday(properties.extensionApproval()));
  }

  public Date supervision() {
    return endOf(workingDaysFromToday(properties.supervision()));
  }

  /** The last day of the co-signing window that opens today. */
  public LocalDate coSigningDay() {
    return workingDaysFromToday(properties.coSigning());
  }

  /** The end of the co-signing window that opens today (the timer and every co-signer's task). */
  public Date coSigning() {
    return endOf(coSigningDay());
  }

  public Date shortMotion() {
    return endOf(workingDaysFromToday(properties.shortMotion()));
  }

  public Date evaluation() {
    return endOf(workingDaysFromToday(properties.evaluation()));
  }

  // --- deadlines kept in the record -------------------------------------------------------------------------

  public Date replyDue(VariableScope execution) {
    return endOf(record(execution).replyDue());
  }

  public Date replyReminder(VariableScope execution) {
    return reminderFor(record(execution).replyDue());
  }

  /** The overdue escalation: at the reply deadline, then every week while the reply is not delivered. */
  public String replyOverdueCycle(VariableScope execution) {
    return cycleFrom(record(execution).replyDue());
  }

  public Date coOpinionDue(VariableScope execution) {
    return endOf(record(execution).coOpinionDue());
  }

  public Date coOpinionReminder(VariableScope execution) {
    return reminderFor(record(execution).coOpinionDue());
  }

  public Date progressDue(VariableScope execution) {
    return endOf(record(execution).progressDue());
  }

  public Date progressReminder(VariableScope execution) {
    return reminderFor(record(execution).progressDue());
  }

  public String progressOverdueCycle(VariableScope execution) {
    return cycleFrom(record(execution).progressDue());
  }

  // --- computing the record's deadlines ---------------------------------------------------------------------

  /** The reply deadline of a first assignment made today: 3 months, on a working day. */
  public DueDay firstReplyDue() {
    return calendar.due(today().plus(properties.reply()));
  }

  /** The latest possible reply deadline for a proposal first assigned on {@code firstAssigned}. */
  public LocalDate latestReplyDue(LocalDate firstAssigned) {
    return calendar.onOrAfterWorkingDay(firstAssigned.plus(properties.replyMax()));
  }

  /** Co-opinions of an assignment made today; never after the reply deadline. */
  public DueDay coOpinionDue(LocalDate replyDue) {
    return capped(calendar.due(today().plus(properties.coOpinion())), replyDue);
  }

  /** Co-opinions are due on their working day, or on the reply deadline when that comes first. */
  static DueDay capped(DueDay coOpinionDue, LocalDate replyDue) {
    return coOpinionDue.day().isAfter(replyDue) ? new DueDay(coOpinionDue.nominal(), replyDue) : coOpinionDue;
  }

  public DueDay rehandlingDue() {
    return calendar.due(today().plus(properties.rehandling()));
  }

  /** The first progress report of a follow-up is due at the planned resolution date (on a working day). */
  public DueDay firstProgressDue(LocalDate plannedResolution) {
    LocalDate due = plannedResolution.isBefore(today()) ? today() : plannedResolution;
    return calendar.due(due);
  }

  public DueDay nextProgressDue(LocalDate previousDue) {
    LocalDate base = previousDue.isBefore(today()) ? today() : previousDue;
    return calendar.due(base.plus(properties.followUpInterval()));
  }

  /** Any date moved to a working day (a deadline set by a person, e.g. on re-assignment). */
  public LocalDate onWorkingDay(LocalDate day) {
    return calendar.onOrAfterWorkingDay(day);
  }

  /** The business time zone, in which a date is due at its end. */
  ZoneId zone() {
    return calendar.zone();
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(calendar.zone()));
  }

  /** Which repetition of a weekly overdue escalation is due now for a deadline (0 at the deadline itself). */
  public int escalationRepetition(LocalDate deadline) {
    long overdueFor = Instant.now(clock).toEpochMilli() - endOf(deadline).getTime();
    long interval = endOf(deadline.plus(properties.escalationRepeat())).getTime() - endOf(deadline).getTime();
    return overdueFor < 0 ? 0 : (int) (overdueFor / interval);
  }

  /** The instant a date is due: the last second of that day in the business time zone. */
  public Date endOf(LocalDate day) {
    if (day == null) {
      throw new IllegalStateException("The deadline is not set in the proposal's record");
    }
    return Date.from(day.atTime(LocalTime.MAX.withNano(0)).atZone(calendar.zone()).toInstant());
  }

  private LocalDate workingDaysFromToday(int days) {
    return calendar.plusWorkingDays(today(), days);
  }

  private Date reminderFor(LocalDate due) {
    Instant reminder = reminderAt(due);
    Instant now = Instant.now(clock);
    return Date.from(reminder.isBefore(now) ? now : reminder);
  }

  /** When the reminder of a deadline is due (9:00, a week before), even if that has passed. */
  Instant reminderAt(LocalDate due) {
    return due.minus(properties.reminderBefore()).atTime(REMINDER_TIME).atZone(calendar.zone()).toInstant();
  }

  private String cycleFrom(LocalDate due) {
    ZonedDateTime start = endOf(due).toInstant().atZone(calendar.zone());
    return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start) + "/" + properties.escalationRepeat();
  }

  private ProposalRecord record(VariableScope execution) {
    return processRecords.of(execution);
  }
}
