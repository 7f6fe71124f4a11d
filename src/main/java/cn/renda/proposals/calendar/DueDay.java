package cn.renda.proposals.calendar;

import java.time.LocalDate;

/**
 * A deadline as the rules set it: {@code nominal} is the day a period gives (three months after the assignment …),
 * {@code day} the working day on or after it on which it is due. When the calendar changes, the deadline moves to the
 * working day on or after its nominal day under the new calendar; a period is never counted again.
 */
public record DueDay(LocalDate nominal, LocalDate day) {

  /** A day chosen by a person (a new deadline on re-assignment, an approved extension): due as chosen. */
  public static DueDay chosen(LocalDate day) {
    return new DueDay(day, day);
  }
}
