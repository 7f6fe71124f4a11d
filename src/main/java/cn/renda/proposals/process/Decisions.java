package cn.renda.proposals.process;

/** The decisions people take at user tasks; the gateways of the model branch on their names. */
public final class Decisions {

  private Decisions() {}

  /** 审查立案. */
  public enum Review { ACCEPT, CONVERT_TO_SUGGESTION, REJECT }

  /** 附议确认 of one co-signer. */
  public enum CoSignature { CONFIRM, DECLINE }

  /** The lead deputy's choice when the co-signing leaves a motion short of ten deputies. */
  public enum ShortMotion { SUBMIT_AS_SUGGESTION, WITHDRAW }

  /** 签收 or 退回. */
  public enum Assignment { ACCEPT, DISPUTE }

  /** What the lead agency does with its draft: submit it for sign-off, or ask for more time first. */
  public enum DraftAction { SUBMIT, REQUEST_EXTENSION }

  /** 签发. */
  public enum SignOff { APPROVE, RETURN }

  /** 督办审议 after a second dissatisfied feedback: close anyway or order another round. */
  public enum Supervision { CLOSE, ANOTHER_ROUND }
}
