package cn.renda.proposals.deputy;

import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.process.Deadlines;
import cn.renda.proposals.process.Decisions.CoSignature;
import cn.renda.proposals.process.Decisions.ShortMotion;
import cn.renda.proposals.process.DeputyTasks;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.Withdrawal;
import cn.renda.proposals.proposal.CoSignatures;
import cn.renda.proposals.proposal.DeputyCommunication;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.ProposalFilter;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalQueries;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalViews;
import cn.renda.proposals.proposal.Satisfaction;
import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.NotFoundException;
import cn.renda.proposals.web.Problem;
import cn.renda.proposals.web.Violations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the deputies' workspace. Every change goes through the services Tasklist and our API use (the
 * submission, the deputy's own tasks, the withdrawal), so the same rules refuse the same input; a refusal shows its
 * reasons on the page, in Chinese, and stores nothing. After a change the browser is sent to the proposal's page
 * (post, redirect, get), which says what was done.
 */
@Controller
@RequestMapping(Workspace.ROOT)
class WorkspaceController {

  private static final int PAGE_SIZE = 20;

  private final ProposalQueries queries;
  private final ProposalRecords records;
  private final CoSignatures coSignatures;
  private final ProposalSubmission submission;
  private final DeputyTasks tasks;
  private final Withdrawal withdrawal;
  private final DeputyDirectory deputies;
  private final IdentityService identityService;
  private final Deadlines deadlines;
  private final WorkspaceViews views;
  private final java.time.Clock clock;

  WorkspaceController(ProposalQueries queries, ProposalRecords records, CoSignatures coSignatures,
      ProposalSubmission submission, DeputyTasks tasks, Withdrawal withdrawal, DeputyDirectory deputies,
      IdentityService identityService, Deadlines deadlines, WorkspaceViews views, java.time.Clock clock) {
    this.queries = queries;
    this.records = records;
    this.coSignatures = coSignatures;
    this.submission = submission;
    this.tasks = tasks;
    this.withdrawal = withdrawal;
    this.deputies = deputies;
    this.identityService = identityService;
    this.deadlines = deadlines;
    this.views = views;
    this.clock = clock;
  }

  // --- login --------------------------------------------------------------------------------------------------

  @GetMapping("/login")
  String loginPage(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
    if (WorkspaceSession.deputy(request) != null) {
      return "redirect:" + Workspace.ROOT;
    }
    model.addAttribute("next", safeNext(next));
    return page(request, model, "deputy/login");
  }

  @PostMapping("/login")
  String login(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
      @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    String id = username == null ? "" : username.strip();
    String error = null;
    if (id.isEmpty() || password == null || password.isEmpty()) {
      error = "请输入用户名和密码。";
    } else if (!identityService.checkPassword(id, password)) {
      error = "用户名或密码不正确。";
    } else if (!deputies.isDeputy(id)) {
      error = "代表工作台仅供人大代表使用；工作人员请从 Camunda 任务列表（/camunda）登录。";
    }
    if (error != null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      model.addAttribute("error", error);
      model.addAttribute("username", id);
      model.addAttribute("next", safeNext(next));
      return page(request, model, "deputy/login");
    }
    WorkspaceSession.login(request, new WorkspaceSession.Deputy(id, deputies.nameOf(id)), clock.instant());
    return "redirect:" + safeNext(next);
  }

  @PostMapping("/logout")
  String logout(HttpServletRequest request) {
    WorkspaceSession.logout(request);
    WorkspaceSession.flash(request, "您已安全退出。");
    return "redirect:" + WorkspaceFilter.LOGIN;
  }

  // --- my proposals ---------------------------------------------------------------------------------------------

  @GetMapping({"", "/"})
  String list(@RequestParam(defaultValue = "0") int page, CurrentUser user, HttpServletRequest request,
      Model model) {
    int current = Math.max(page, 0);
    ProposalViews.Page<ProposalViews.Summary> found = queries.list(user,
        new ProposalFilter(null, null, null, null, null, null, null), current, PAGE_SIZE);
    List<WorkspaceViews.Row> rows = found.items().stream()
        .map(summary -> queries.detail(user, summary.id())
            .map(detail -> views.row(detail, user.id(), coSigningEnds(detail))).orElse(null))
        .filter(java.util.Objects::nonNull)
        .toList();
    List<String> awaiting = coSignatures.awaiting(user.id());
    model.addAttribute("awaiting", records.headlines(awaiting).entrySet().stream()
        .map(entry -> new WorkspaceViews.Link(entry.getKey(), views.name(entry.getValue()))).toList());
    model.addAttribute("rows", rows);
    model.addAttribute("page", current);
    model.addAttribute("pages", (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("total", found.total());
    return page(request, model, "deputy/list");
  }

  @GetMapping("/proposals/{id}")
  String proposal(@PathVariable String id, CurrentUser user, HttpServletRequest request, Model model) {
    return proposalPage(id, user, request, model, null);
  }

  // --- co-signing, the short motion, feedback, withdrawal -------------------------------------------------------

  @PostMapping("/proposals/{id}/co-signature")
  String coSignature(@PathVariable String id, @RequestParam(required = false) String answer, CurrentUser user,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    CoSignature choice = choice(CoSignature.class, answer);
    return act(id, user, request, response, model, () -> tasks.answerCoSignature(id, user.id(), choice),
        choice == CoSignature.DECLINE ? "已记录：您不同意附议此件。" : "已确认附议，谢谢。",
        choice == CoSignature.DECLINE);
  }

  @PostMapping("/proposals/{id}/short-motion")
  String shortMotion(@PathVariable String id, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String reason, CurrentUser user, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    ShortMotion choice = choice(ShortMotion.class, decision);
    return act(id, user, request, response, model,
        () -> tasks.decideShortMotion(id, user.id(), choice, reason),
        choice == ShortMotion.WITHDRAW ? "已撤回。" : "已改作建议提交，等待人大常委会办公室审查。", false);
  }

  @PostMapping("/proposals/{id}/feedback")
  String feedback(@PathVariable String id, @RequestParam(required = false) String satisfaction,
      @RequestParam(required = false) String communication, @RequestParam(required = false) String comment,
      CurrentUser user, HttpServletRequest request, HttpServletResponse response, Model model) {
    Satisfaction rating = choice(Satisfaction.class, satisfaction);
    DeputyCommunication told = choice(DeputyCommunication.class, communication);
    return act(id, user, request, response, model, () -> {
      Violations violations = new Violations();
      if (rating == null || rating == Satisfaction.NO_RESPONSE) {
        violations.add("satisfaction", "required", "请选择评价意见：满意、基本满意或不满意", "choose a satisfaction");
      }
      if (told == null) {
        violations.add("deputyCommunication", "required", "请确认答复前承办单位是否以及如何与您沟通",
            "say whether and how the agency communicated with you");
      }
      if (rating == Satisfaction.DISSATISFIED && (comment == null || comment.isBlank())) {
        violations.add("feedbackComment", "required", "不满意的，请填写评价说明", "a dissatisfied rating needs a comment");
      }
      violations.throwIfAny();
      tasks.giveFeedback(id, user.id(), rating, comment, told);
    }, "已提交评价，谢谢。", false);
  }

  @PostMapping("/proposals/{id}/withdrawal")
  String withdraw(@PathVariable String id, @RequestParam(required = false) String reason, CurrentUser user,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    return act(id, user, request, response, model, () -> withdrawal.withdraw(id, user.id(), reason),
        "已撤回，该件不再办理。", false);
  }

  // --- submission ---------------------------------------------------------------------------------------------

  @GetMapping("/submit")
  String submitPage(CurrentUser user, HttpServletRequest request, Model model) {
    model.addAttribute("form", new WorkspaceViews.SubmissionForm(null, String.valueOf(deadlines.today().getYear()),
        "", "", List.of()));
    return submitForm(user, request, model);
  }

  @PostMapping("/submit")
  String submit(@RequestParam(required = false) String kind, @RequestParam(required = false) String session,
      @RequestParam(required = false) String title, @RequestParam(required = false) String content,
      @RequestParam(name = "coSigners", required = false) List<String> coSigners, CurrentUser user,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    List<String> chosen = coSigners == null ? List.of() : coSigners;
    WorkspaceViews.SubmissionForm form = new WorkspaceViews.SubmissionForm(kind, session, title, content, chosen);
    Violations violations = new Violations();
    ProposalKind proposalKind = choice(ProposalKind.class, kind);
    if (kind != null && !kind.isBlank() && proposalKind == null) {
      violations.add(NewProposal.KIND, "choice", "请选择类型：议案或建议", "kind must be MOTION or SUGGESTION");
    }
    String id;
    try {
      violations.throwIfAny();
      id = submission.submit(new NewProposal(proposalKind, blankToNull(session), blankToNull(title),
          blankToNull(content), user.id(), chosen), user.id());
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("form", form);
      model.addAttribute("errors", views.errors(e.errors(), chosen, deputies.names()));
      return submitForm(user, request, model);
    }
    WorkspaceSession.flash(request, chosen.isEmpty() ? "已提交，等待人大常委会办公室审查。"
        : "已提交，已请 " + chosen.size() + " 名附议代表确认；全部答复或期限届满后送人大常委会办公室审查。");
    return "redirect:" + Workspace.ROOT + "/proposals/" + id;
  }

  // --- the pages ------------------------------------------------------------------------------------------------

  private String submitForm(CurrentUser user, HttpServletRequest request, Model model) {
    Map<String, String> names = new LinkedHashMap<>();
    deputies.names().entrySet().stream()
        .filter(entry -> !entry.getKey().equals(user.id()))
        .sorted(Map.Entry.comparingByValue(java.text.Collator.getInstance(java.util.Locale.CHINA)))
        .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
    model.addAttribute("deputies", names);
    model.addAttribute("minDeputies", ProposalRules.MOTION_MIN_DEPUTIES);
    model.addAttribute("titleMax", ProposalRules.TITLE_MAX);
    model.addAttribute("contentMax", ProposalRules.CONTENT_MAX);
    return page(request, model, "deputy/submit");
  }

  private String proposalPage(String id, CurrentUser user, HttpServletRequest request, Model model,
      List<Problem.FieldError> errors) {
    ProposalViews.Detail detail = queries.detail(user, id).orElseThrow(() -> new NotFoundException(id));
    model.addAttribute("p", views.proposal(detail, user.id(), tasks.open(id, user.id()), coSigningEnds(detail)));
    model.addAttribute("errors", errors == null ? List.of() : views.errors(errors, List.of(), Map.of()));
    return page(request, model, "deputy/proposal");
  }

  /**
   * Does what the deputy asked on the proposal's page: on success back to the page (or to the list when the deputy
   * no longer sees the proposal: a co-signer who declined); on refusal the page again with the reasons.
   */
  private String act(String id, CurrentUser user, HttpServletRequest request, HttpServletResponse response,
      Model model, Runnable action, String done, boolean leavesProposal) {
    queries.detail(user, id).orElseThrow(() -> new NotFoundException(id));
    try {
      action.run();
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return proposalPage(id, user, request, model, e.errors());
    } catch (ConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return proposalPage(id, user, request, model,
          List.of(new Problem.FieldError("", "conflict", e.messageZh(), e.getMessage())));
    } catch (OptimisticLockingException e) {
      // the same task done a moment before in another window (or in Tasklist): nothing of this post was stored
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return proposalPage(id, user, request, model, List.of(new Problem.FieldError("", "conflict",
          "这一步刚刚已经办理过（可能在另一个窗口或任务列表中），本次提交未保存。", "done a moment ago elsewhere")));
    }
    WorkspaceSession.flash(request, done);
    return "redirect:" + Workspace.ROOT + (leavesProposal ? "" : "/proposals/" + id);
  }

  private static String page(HttpServletRequest request, Model model, String template) {
    pageModel(request, model);
    return template;
  }

  /** What every page of the workspace shows besides its own: the deputy, the form token, the message, refusals. */
  static void pageModel(HttpServletRequest request, Model model) {
    model.addAttribute("csrf", WorkspaceSession.csrfToken(request));
    model.addAttribute("csrfParameter", WorkspaceSession.CSRF_PARAMETER);
    model.addAttribute("deputy", WorkspaceSession.deputy(request));
    model.addAttribute("flash", WorkspaceSession.takeFlash(request));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", List.of());
    }
  }

  private java.util.Date coSigningEnds(ProposalViews.Detail detail) {
    return detail.status().code().equals("CO_SIGNING") ? tasks.coSigningEnds(detail.id()).orElse(null) : null;
  }

  /** Where to go after login: a page of the workspace, never another site. */
  private static String safeNext(String next) {
    if (next == null || !next.startsWith(Workspace.ROOT) || next.startsWith(Workspace.ROOT + "//")
        || next.contains("\\") || next.startsWith(WorkspaceFilter.LOGIN)) {
      return Workspace.ROOT;
    }
    return next;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    return null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
