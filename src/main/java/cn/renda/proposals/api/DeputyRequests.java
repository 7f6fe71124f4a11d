package cn.renda.proposals.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of a deputy's own actions on our API: co-signing and withdrawal. */
final class DeputyRequests {

  private DeputyRequests() {}

  @Schema(description = "附议确认 / a co-signer's answer")
  record CoSignatureRequest(@Schema(description = "CONFIRM（同意附议）或 DECLINE（不同意附议）", example = "CONFIRM")
      String answer) {}

  @Schema(description = "撤回 / withdrawal by the lead deputy before assignment")
  record WithdrawalRequest(@Schema(description = "撤回理由，至多 2,000 个字符") String reason) {}
}
