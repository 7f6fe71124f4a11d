package cn.renda.proposals.api;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.CaseNumbers;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.web.ForbiddenException;
import cn.renda.proposals.web.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case numbering of a session that began outside the system (on paper): the congress office says which number was
 * used last, and the system continues from there without gaps.
 */
@RestController
@RequestMapping("/api/case-numbers")
@Tag(name = "case numbers", description = "案号编排 / case numbering")
class CaseNumberController {

  private final CaseNumbers caseNumbers;

  CaseNumberController(CaseNumbers caseNumbers) {
    this.caseNumbers = caseNumbers;
  }

  record Continuation(Integer lastUsed) {}

  @PutMapping("/{session}/{kind}")
  @Operation(summary = "Continue the numbering of a session and kind after the last number used outside the system")
  ResponseEntity<Void> continueAfter(
      @PathVariable String session, @PathVariable ProposalKind kind, @RequestBody Continuation body, CurrentUser user) {
    if (!user.isCongressOffice()) {
      throw new ForbiddenException("Only the congress office numbers proposals.", "只有人大常委会办公室可以编排案号。");
    }
    Violations violations = new Violations();
    ProposalRules.session(session, violations);
    if (body.lastUsed() == null || body.lastUsed() < 0 || body.lastUsed() > 100_000) {
      violations.add("lastUsed", "range", "已使用的最后案号应为 0 至 100000", "lastUsed must be 0-100000");
    }
    violations.throwIfAny();
    caseNumbers.continueAfter(session, kind, body.lastUsed());
    return ResponseEntity.noContent().build();
  }
}
