package cn.renda.proposals.api;

import cn.renda.proposals.alert.AlertQueries;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.paper.ProposalListExcel;
import cn.renda.proposals.process.Decisions.CoSignature;
import cn.renda.proposals.process.DeputyTasks;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.Withdrawal;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalAccess;
import cn.renda.proposals.proposal.ProposalFilter;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalQueries;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.ProposalViews;
import cn.renda.proposals.web.ForbiddenException;
import cn.renda.proposals.web.NotFoundException;
import cn.renda.proposals.web.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The proposal record: submission, search, and the record with its course. */
@RestController
@RequestMapping("/api/proposals")
@Tag(name = "proposals", description = "议案建议 / proposals")
class ProposalController {

  private static final int MAX_PAGE_SIZE = 100;
  private static final int MAX_EXPORT_ROWS = 20_000;
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final java.util.regex.Pattern AGENCY_CODE = java.util.regex.Pattern.compile("[a-z0-9_-]{1,32}");

  private final ProposalSubmission submission;
  private final ProposalQueries queries;
  private final AlertQueries alerts;
  private final DeputyTasks deputyTasks;
  private final Withdrawal withdrawal;
  private final ProposalListExcel excel;

  ProposalController(ProposalSubmission submission, ProposalQueries queries, AlertQueries alerts,
      DeputyTasks deputyTasks, Withdrawal withdrawal, ProposalListExcel excel) {
    this.submission = submission;
    this.queries = queries;
    this.alerts = alerts;
    this.deputyTasks = deputyTasks;
    this.withdrawal = withdrawal;
    this.excel = excel;
  }

  @PostMapping
  @Operation(summary = "Submit a proposal (a deputy for themself, or the congress office for a deputy)")
  ResponseEntity<ProposalViews.Detail> submit(@RequestBody SubmissionRequest request, CurrentUser user) {
    String leadDeputy = request.leadDeputy();
    if (user.isCongressOffice()) {
      // registers on a deputy's behalf: the lead deputy is required (checked with the other rules)
    } else if (user.isDeputy()) {
      if (leadDeputy == null || leadDeputy.isBlank()) {
        leadDeputy = user.id();
      } else if (!leadDeputy.equals(user.id())) {
        throw new ForbiddenException("A deputy submits only as lead deputy.", "代表只能以本人为领衔人提交议案建议。");
      }
    } else {
      throw new ForbiddenException("Only deputies and the congress office submit proposals.",
          "只有人大代表和人大常委会办公室可以提交议案建议。");
    }
    Violations violations = new Violations();
    ProposalKind kind = kind(request.kind(), violations);
    if (request.coSigners() != null && request.coSigners().contains(null)) {
      violations.add("coSigners", "required", "附议代表不能为空", "co-signers must not contain null");
    }
    violations.throwIfAny();
    String id = submission.submit(new NewProposal(kind, request.session(), request.title(), request.content(),
        leadDeputy, request.coSigners()), user.id());
    ProposalViews.Detail created = detail(user, id);
    return ResponseEntity.created(URI.create("/api/proposals/" + id)).body(created);
  }

  @GetMapping
  @Operation(summary = "Proposals the caller may see, newest first, with filters and paging")
  ProposalViews.Page<ProposalViews.Summary> list(
      CurrentUser user,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) ProposalKind kind,
      @RequestParam(required = false) ProposalStatus status,
      @Parameter(description = "单位代码：当前交办的主办或协办单位") @RequestParam(required = false) String agency,
      @RequestParam(required = false) Priority priority,
      @Parameter(description = "true：答复已超期") @RequestParam(required = false) Boolean overdue,
      @Parameter(description = "标题或内容中的词语") @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Violations violations = new Violations();
    if (page < 0) {
      violations.add("page", "min", "页码不能为负数", "page must not be negative");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      violations.add("size", "range", "每页条数应为 1 至 " + MAX_PAGE_SIZE, "size must be 1-" + MAX_PAGE_SIZE);
    }
    ProposalFilter filter = filter(session, kind, status, agency, priority, overdue, q, violations);
    return queries.list(user, filter, page, size);
  }

  @GetMapping("/export.xlsx")
  @Operation(summary = "The list with the same filters, every row the caller may see, as an Excel file")
  ResponseEntity<byte[]> export(
      CurrentUser user,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) ProposalKind kind,
      @RequestParam(required = false) ProposalStatus status,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Priority priority,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String q) throws IOException {
    ProposalFilter filter = filter(session, kind, status, agency, priority, overdue, q, new Violations());
    ProposalViews.Page<ProposalViews.Summary> all = queries.all(user, filter, MAX_EXPORT_ROWS);
    if (all.total() > MAX_EXPORT_ROWS) {
      Violations violations = new Violations();
      violations.add("session", "too-many", "导出不能超过 " + MAX_EXPORT_ROWS + " 条，请缩小筛选范围（如届次会议）",
          "an export holds at most " + MAX_EXPORT_ROWS + " proposals: narrow the filters");
      violations.throwIfAny();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    excel.write(all.items(), out);
    String file = URLEncoder.encode("议案建议-" + (session == null ? "全部" : session) + ".xlsx", StandardCharsets.UTF_8)
        .replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proposals.xlsx\"; filename*=UTF-8''" + file)
        .body(out.toByteArray());
  }

  /** The list's filters, checked; refused (400) when any is malformed. */
  private static ProposalFilter filter(String session, ProposalKind kind, ProposalStatus status, String agency,
      Priority priority, Boolean overdue, String q, Violations violations) {
    if (q != null) {
      violations.text("q", q, "搜索词", 0, 200);
    }
    if (session != null) {
      ProposalRules.session(session, violations);
    }
    if (agency != null && !AGENCY_CODE.matcher(agency).matches()) {
      violations.add("agency", "format", "单位代码应为 1 至 32 个小写字母、数字或连字符", "agency must be an agency code");
    }
    violations.throwIfAny();
    return new ProposalFilter(session, kind, status, agency, priority, overdue, q);
  }

  @GetMapping("/{id}")
  @Operation(summary = "The record with its agencies, replies, co-opinions, feedback, alerts and timeline")
  ProposalViews.Detail get(@PathVariable String id, CurrentUser user) {
    return detail(user, id);
  }

  @PostMapping("/{id}/co-signature")
  @Operation(summary = "附议确认: a co-signer of a deputy's own submission confirms (CONFIRM) or declines (DECLINE)")
  ResponseEntity<Void> coSignature(@PathVariable String id, @RequestBody DeputyRequests.CoSignatureRequest request,
      CurrentUser user) {
    detail(user, id);
    Violations violations = new Violations();
    CoSignature answer = null;
    if (violations.required("answer", request.answer(), "附议答复")) {
      try {
        answer = CoSignature.valueOf(request.answer());
      } catch (IllegalArgumentException e) {
        violations.add("answer", "choice", "附议答复应为 CONFIRM（同意附议）或 DECLINE（不同意附议）",
            "answer must be CONFIRM or DECLINE");
      }
    }
    violations.throwIfAny();
    deputyTasks.answerCoSignature(id, user.id(), answer);
    // no record in the answer: a co-signer who declined is no deputy of the proposal any more
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/withdrawal")
  @Operation(summary = "撤回: the lead deputy withdraws the proposal until it is assigned (reason required)")
  ProposalViews.Detail withdraw(@PathVariable String id, @RequestBody DeputyRequests.WithdrawalRequest request,
      CurrentUser user) {
    detail(user, id);
    withdrawal.withdraw(id, user.id(), request.reason());
    return detail(user, id);
  }

  private ProposalViews.Detail detail(CurrentUser user, String id) {
    ProposalAccess access = queries.access(user, id).orElseThrow(() -> new NotFoundException("proposal " + id));
    ProposalViews.Detail detail = queries.detail(user, id).orElseThrow(() -> new NotFoundException("proposal " + id));
    return detail.withAlerts(alerts.forProposal(id, access));
  }

  private static ProposalKind kind(String value, Violations violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ProposalKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      violations.add("kind", "choice", "类型应为 MOTION（议案）或 SUGGESTION（建议）", "kind must be MOTION or SUGGESTION");
      return null;
    }
  }
}
