package cn.renda.proposals.alert;

import cn.renda.proposals.proposal.Labelled;

/** What an alert is about. Reminders go to the agency that owes the work, overdue alerts to the supervisors. */
public enum AlertKind implements Labelled {
  REPLY_REMINDER("答复期限提醒", false),
  REPLY_OVERDUE("答复超期预警", true),
  CO_OPINION_REMINDER("协办意见期限提醒", false),
  CO_OPINION_OVERDUE("协办意见超期", true),
  PROGRESS_REMINDER("跟踪落实报告提醒", false),
  PROGRESS_OVERDUE("跟踪落实报告超期", true),
  /** The working-day calendar has no data for a year deadlines are set in (topic {@code calendar}). */
  CALENDAR_MISSING("节假日安排待录入", false);

  private final String label;
  private final boolean overdue;

  AlertKind(String label, boolean overdue) {
    this.label = label;
    this.overdue = overdue;
  }

  @Override
  public String label() {
    return label;
  }

  public boolean overdue() {
    return overdue;
  }
}
