package cn.renda.proposals.proposal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a proposal stands. The status mirrors the proposal's position in the model: each user task names the status
 * of the record while it waits (its contract in the process feature), the rejection and the closing set the two
 * final ones. A status changes only along {@link #next()}; anything else is a defect or tampering and is refused.
 */
public enum ProposalStatus implements Labelled {
  /** 附议确认: a deputy's own submission waits for its co-signers to confirm or decline. */
  CO_SIGNING("待附议确认"),
  /** The co-signing window closed with a motion short of ten deputies: the lead deputy decides. */
  SHORT_OF_CO_SIGNERS("附议人数不足，待领衔代表决定"),
  /** 撤回: the lead deputy withdrew it before it was assigned. */
  WITHDRAWN("已撤回"),
  SUBMITTED("待审查"),
  REJECTED("不予立案"),
  ASSIGNING("待交办"),
  AWAITING_ACCEPTANCE("待签收"),
  CO_OPINIONS("协办中"),
  DRAFTING("答复拟稿"),
  EXTENSION_REQUESTED("延期审批中"),
  SIGN_OFF("待签发"),
  AWAITING_FEEDBACK("待代表评价"),
  REHANDLING("重新办理"),
  UNDER_SUPERVISION("督办审议"),
  EVALUATION("办结评定"),
  FOLLOW_UP("跟踪落实"),
  CLOSED("已办结");

  private final String label;

  ProposalStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The statuses a proposal in this one may move to (staying is always allowed: a step repeated). */
  public Set<ProposalStatus> next() {
    return switch (this) {
      // the record is SUBMITTED from its submission on; co-signing comes before the review
      case SUBMITTED -> EnumSet.of(CO_SIGNING, ASSIGNING, REJECTED, WITHDRAWN);
      case CO_SIGNING -> EnumSet.of(SUBMITTED, SHORT_OF_CO_SIGNERS, WITHDRAWN);
      case SHORT_OF_CO_SIGNERS -> EnumSet.of(SUBMITTED, WITHDRAWN);
      case ASSIGNING -> EnumSet.of(AWAITING_ACCEPTANCE, WITHDRAWN);
      // disputed (back to assignment), or accepted: co-opinions first when there are co-agencies
      case AWAITING_ACCEPTANCE -> EnumSet.of(ASSIGNING, CO_OPINIONS, DRAFTING);
      case CO_OPINIONS -> EnumSet.of(DRAFTING);
      case DRAFTING, REHANDLING -> EnumSet.of(SIGN_OFF, EXTENSION_REQUESTED);
      case EXTENSION_REQUESTED -> EnumSet.of(DRAFTING, REHANDLING);
      case SIGN_OFF -> EnumSet.of(DRAFTING, REHANDLING, AWAITING_FEEDBACK);
      case AWAITING_FEEDBACK -> EnumSet.of(EVALUATION, REHANDLING, UNDER_SUPERVISION);
      case UNDER_SUPERVISION -> EnumSet.of(EVALUATION, REHANDLING);
      case EVALUATION -> EnumSet.of(FOLLOW_UP, CLOSED);
      case FOLLOW_UP -> EnumSet.of(CLOSED);
      case REJECTED, WITHDRAWN, CLOSED -> EnumSet.noneOf(ProposalStatus.class);
    };
  }

  public boolean mayBecome(ProposalStatus status) {
    return status == this || next().contains(status);
  }

  /** Whether the lead deputy may still withdraw it (撤回): until it is assigned. */
  public boolean withdrawable() {
    return WITHDRAWABLE.contains(this);
  }

  private static final Set<ProposalStatus> WITHDRAWABLE = EnumSet.of(CO_SIGNING, SHORT_OF_CO_SIGNERS, SUBMITTED,
      ASSIGNING);

  /** Whether the proposal's handling has ended (rejected, withdrawn, closed). */
  public boolean ended() {
    return this == REJECTED || this == WITHDRAWN || this == CLOSED;
  }

  /** Whether the reply is still owed: past the reply deadline such a proposal is overdue. */
  public boolean replyOwed() {
    return REPLY_OWED.contains(this);
  }

  private static final Set<ProposalStatus> REPLY_OWED = EnumSet.of(AWAITING_ACCEPTANCE, CO_OPINIONS, DRAFTING,
      EXTENSION_REQUESTED, SIGN_OFF, REHANDLING);

  /** The statuses in which the reply is owed, for queries. */
  public static Set<ProposalStatus> replyOwedStatuses() {
    return EnumSet.copyOf(REPLY_OWED);
  }
}
