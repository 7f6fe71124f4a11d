package cn.renda.proposals.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The texts people read about a proposal, in one place: how a proposal is named (in task names, mails, alerts and
 * timeline entries) and how a day is written.
 */
public final class Texts {

  private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

  private Texts() {}

  /** 建议第3号《关于……的建议》; before review gives it a case number: 建议《关于……的建议》. */
  public static String proposal(ProposalRecord record) {
    return proposal(new ProposalRecords.Headline(record.kind(), record.caseNumber(), record.title()));
  }

  /** The same name, from what a list holds about the proposal. */
  public static String proposal(ProposalRecords.Headline headline) {
    return headline.kind().label() + (headline.caseNumber() == null ? "" : "第" + headline.caseNumber() + "号")
        + "《" + headline.title() + "》";
  }

  /** A day as people read it: 2026年10月8日（周四）. Empty for none. */
  public static String day(LocalDate day) {
    if (day == null) {
      return "";
    }
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日（"
        + WEEKDAYS[day.getDayOfWeek().getValue() - 1] + "）";
  }

  /** The day of an instant in the business time zone, as {@link #day(LocalDate)}. */
  public static String day(Instant instant, ZoneId zone) {
    return instant == null ? "" : day(instant.atZone(zone).toLocalDate());
  }
}
