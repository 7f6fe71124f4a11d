package cn.renda.proposals.proposal;

import java.util.EnumSet;
import java.util.Set;

/** The deadlines the record keeps (the short windows of the steps are kept by the engine's tasks and timers). */
public enum RecordDeadline implements Labelled {
  REPLY("答复期限", "reply_due"),
  CO_OPINION("协办意见期限", "co_opinion_due"),
  PROGRESS("跟踪落实报告期限", "progress_due");

  private final String label;
  private final String column;

  RecordDeadline(String label, String column) {
    this.label = label;
    this.column = column;
  }

  @Override
  public String label() {
    return label;
  }

  String column() {
    return column;
  }

  /**
   * Whether the deadline is still running while the proposal is in {@code status}: the reply until it is delivered
   * (also while a disputed assignment waits to be made again, which keeps the deadline), the co-opinions until the
   * drafting starts, the progress report during the follow-up. A deadline no longer running is history (it says
   * whether the work was on time) and never moves.
   */
  public boolean runsIn(ProposalStatus status) {
    return switch (this) {
      case REPLY -> status.replyOwed() || status == ProposalStatus.ASSIGNING;
      case CO_OPINION -> CO_OPINION_RUNNING.contains(status);
      case PROGRESS -> status == ProposalStatus.FOLLOW_UP;
    };
  }

  private static final Set<ProposalStatus> CO_OPINION_RUNNING =
      EnumSet.of(ProposalStatus.AWAITING_ACCEPTANCE, ProposalStatus.CO_OPINIONS);
}
