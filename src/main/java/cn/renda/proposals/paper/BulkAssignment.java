package cn.renda.proposals.paper;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.proposal.ProposalFilter;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalQueries;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.ProposalViews;
import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.ForbiddenException;
import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.Problem;
import cn.renda.proposals.web.Violations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * Bulk assignment (批量交办) for the government office's 交办会: a plan (case number → lead agency, co-agencies, reply
 * issuer) completes the 交办 task of each proposal named, as the office's clerk would in Tasklist: the same task, as
 * the same user with the same rights, with the same answers, through the same contract, each row in its own
 * transaction. A row whose proposal is not waiting at 交办 is refused with the reason; the report is row by row.
 */
@Service
public class BulkAssignment {

  static final String SHEET = "交办方案";
  static final String LISTS = "单位";
  static final String KIND = "类型";
  static final String CASE_NUMBER = "案号";
  static final String TITLE = "案由";
  static final String LEAD_AGENCY = "主办单位";
  static final String CO_AGENCIES = "协办单位";
  static final String REPLY_ISSUER = "答复单位";
  static final List<String> HEADERS = List.of(KIND, CASE_NUMBER, TITLE, LEAD_AGENCY, CO_AGENCIES, REPLY_ISSUER);
  private static final int MAX_ROWS = 5_000;
  private static final int MAX_LIST = 20_000;
  private static final Pattern WITH_CODE = Pattern.compile("(.+?)\\s*[（(]\\s*([a-z0-9_-]+)\\s*[)）]");
  private static final Pattern SEPARATORS = Pattern.compile("[、，,;；\\s]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What became of one row of the plan. */
  public record RowOutcome(int row, String kind, Integer caseNumber, String outcome, String proposalId,
      List<Problem.FieldError> errors) {}

  /** The plan's report. */
  public record Report(String session, int rows, int assigned, int refused, List<RowOutcome> outcomes) {}

  private final ProposalQueries queries;
  private final AgencyDirectory agencies;
  private final TaskService tasks;
  private final IdentityService identity;

  BulkAssignment(ProposalQueries queries, AgencyDirectory agencies, TaskService tasks, IdentityService identity) {
    this.queries = queries;
    this.agencies = agencies;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The plan's template: the session's proposals waiting at 交办, agencies to choose from a list. */
  public byte[] template(CurrentUser user, String session) {
    checkOffice(user, session);
    List<ProposalViews.Summary> waiting = queries.all(user,
        new ProposalFilter(session, null, ProposalStatus.ASSIGNING, null, null, null, null), MAX_LIST).items();
    List<Agency> all = agencies.all();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(SHEET);
      Row headers = sheet.createRow(0);
      int[] widths = {6, 6, 50, 24, 50, 24};
      for (int c = 0; c < HEADERS.size(); c++) {
        headers.createCell(c).setCellValue(HEADERS.get(c));
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (ProposalViews.Summary proposal : waiting.stream()
          .sorted((a, b) -> a.kind().code().equals(b.kind().code())
              ? Integer.compare(number(a), number(b)) : a.kind().code().compareTo(b.kind().code()))
          .toList()) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(proposal.kind().label());
        if (proposal.caseNumber() != null) {
          row.createCell(1).setCellValue(proposal.caseNumber());
        }
        row.createCell(2).setCellValue(proposal.title());
      }
      Sheet lists = workbook.createSheet(LISTS);
      for (int i = 0; i < all.size(); i++) {
        lists.createRow(i).createCell(0).setCellValue(agency(all.get(i)));
      }
      lists.setColumnWidth(0, 28 * 256);
      if (!all.isEmpty()) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int column : new int[] {3, 5}) {
          DataValidation validation = helper.createValidation(
              helper.createFormulaListConstraint(LISTS + "!$A$1:$A$" + all.size()),
              new CellRangeAddressList(1, MAX_ROWS, column, column));
          validation.setShowErrorBox(true);
          validation.createErrorBox(HEADERS.get(column), "请从单位列表中选择");
          sheet.addValidationData(validation);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Assigns every row of the plan that can be assigned; the file itself is refused (400) when unreadable. */
  public Report assign(CurrentUser user, String session, byte[] file) {
    checkOffice(user, session);
    List<CellError> fileErrors = new ArrayList<>();
    try (XSSFWorkbook workbook = SheetReader.open(file, fileErrors)) {
      if (workbook == null) {
        throw refused(fileErrors);
      }
      Sheet sheet = Optional.ofNullable(workbook.getSheet(SHEET)).orElse(workbook.getSheetAt(0));
      List<String> headers = SheetReader.headers(sheet);
      if (headers.size() < HEADERS.size() || !headers.subList(0, HEADERS.size()).equals(HEADERS)) {
        fileErrors.add(CellError.ofFile("headers", "表头应为：" + String.join("、", HEADERS) + "（请使用下载的交办方案模板）",
            "the header row must be " + HEADERS));
        throw refused(fileErrors);
      }
      if (sheet.getLastRowNum() > MAX_ROWS) {
        fileErrors.add(CellError.ofFile("rows", "一个交办方案最多 " + MAX_ROWS + " 行", "at most " + MAX_ROWS + " rows"));
        throw refused(fileErrors);
      }
      Map<String, ProposalViews.Summary> proposals = new HashMap<>();
      for (ProposalViews.Summary proposal : queries.all(user,
          new ProposalFilter(session, null, null, null, null, null, null), MAX_LIST).items()) {
        if (proposal.caseNumber() != null) {
          proposals.put(proposal.kind().code() + proposal.caseNumber(), proposal);
        }
      }
      List<RowOutcome> outcomes = new ArrayList<>();
      Set<String> planned = new HashSet<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (SheetReader.blank(row, HEADERS.size())) {
          continue;
        }
        outcomes.add(row(user, row, proposals, planned));
      }
      int assigned = (int) outcomes.stream().filter(o -> o.outcome().equals("ASSIGNED")).count();
      return new Report(session, outcomes.size(), assigned, outcomes.size() - assigned, outcomes);
    } catch (IOException e) {
      fileErrors.add(CellError.ofFile("format", "无法读取 Excel 文件", "cannot read the workbook"));
      throw refused(fileErrors);
    }
  }

  private RowOutcome row(CurrentUser user, Row row, Map<String, ProposalViews.Summary> proposals,
      Set<String> planned) {
    int number = row.getRowNum() + 1;
    List<CellError> errors = new ArrayList<>();
    Optional<String> kindText = SheetReader.text(row, 0, KIND, errors);
    Optional<String> caseText = SheetReader.text(row, 1, CASE_NUMBER, errors);
    Optional<String> lead = SheetReader.text(row, 3, LEAD_AGENCY, errors).map(this::agencyCode);
    List<String> coAgencies = SheetReader.text(row, 4, CO_AGENCIES, errors)
        .map(list -> Arrays.stream(SEPARATORS.split(list)).filter(s -> !s.isBlank()).map(this::agencyCode).toList())
        .orElse(List.of());
    Optional<String> issuer = SheetReader.text(row, 5, REPLY_ISSUER, errors).map(this::agencyCode);

    ProposalKind kind = kindText.map(text -> switch (text) {
      case "议案", "MOTION" -> ProposalKind.MOTION;
      case "建议", "SUGGESTION" -> ProposalKind.SUGGESTION;
      default -> null;
    }).orElse(null);
    if (kind == null && !column(errors, KIND)) {
      errors.add(new CellError(SheetReader.ref(row, 0), number, KIND, "choice", "类型应为“议案”或“建议”",
          "kind must be 议案 (motion) or 建议 (suggestion)"));
    }
    Integer caseNumber = caseText.filter(text -> text.matches("[1-9][0-9]{0,8}")).map(Integer::valueOf).orElse(null);
    if (caseNumber == null && !column(errors, CASE_NUMBER)) {
      errors.add(new CellError(SheetReader.ref(row, 1), number, CASE_NUMBER, "format", "请填写案号（正整数）",
          "the case number (a positive whole number) is required"));
    }
    if (lead.isEmpty() && !column(errors, LEAD_AGENCY)) {
      errors.add(new CellError(SheetReader.ref(row, 3), number, LEAD_AGENCY, "required", "请填写主办单位",
          "the lead agency is required"));
    }
    String kindLabel = kind == null ? kindText.orElse(null) : kind.label();
    if (!errors.isEmpty()) {
      return refused(number, kindLabel, caseNumber, null, errors);
    }
    ProposalViews.Summary proposal = proposals.get(kind.name() + caseNumber);
    if (proposal == null) {
      errors.add(new CellError(SheetReader.ref(row, 1), number, CASE_NUMBER, "unknown",
          "本届次会议没有" + kind.label() + "第" + caseNumber + "号", "no " + kind + " no. " + caseNumber + " in the session"));
      return refused(number, kindLabel, caseNumber, null, errors);
    }
    if (!planned.add(proposal.id())) {
      errors.add(new CellError(SheetReader.ref(row, 1), number, CASE_NUMBER, "duplicate",
          kind.label() + "第" + caseNumber + "号在交办方案中重复", "listed twice in the plan"));
      return refused(number, kindLabel, caseNumber, proposal.id(), errors);
    }
    Task task = as(user, () -> tasks.createTaskQuery().processInstanceBusinessKey(proposal.id())
        .taskDefinitionKey(AssignAgencies.KEY).singleResult());
    if (task == null) {
      errors.add(new CellError(SheetReader.ref(row, 1), number, CASE_NUMBER, "not-assigning",
          "该" + kind.label() + "当前不在交办环节（当前状态：" + proposal.status().label() + "），未交办",
          "not waiting for assignment (status " + proposal.status().code() + ")"));
      return refused(number, kindLabel, caseNumber, proposal.id(), errors);
    }
    Map<String, Object> answers = new HashMap<>();
    answers.put(AssignAgencies.LEAD_AGENCY.name(), lead.get());
    answers.put(AssignAgencies.CO_AGENCIES.name(), codes(coAgencies));
    issuer.ifPresent(code -> answers.put(AssignAgencies.REPLY_ISSUER.name(), code));
    try {
      as(user, () -> {
        tasks.complete(task.getId(), answers);
        return null;
      });
    } catch (RuntimeException e) {
      InvalidInputException invalid = InvalidInputException.findIn(e);
      if (invalid != null) {
        for (Problem.FieldError error : invalid.errors()) {
          int column = error.field().startsWith(AssignAgencies.CO_AGENCIES.name()) ? 4
              : error.field().equals(AssignAgencies.REPLY_ISSUER.name()) ? 5 : 3;
          errors.add(new CellError(SheetReader.ref(row, column), number, HEADERS.get(column), error.code(),
              error.messageZh(), error.messageEn()));
        }
      } else if (e instanceof OptimisticLockingException || e instanceof ConflictException) {
        errors.add(new CellError(SheetReader.ref(row, 1), number, CASE_NUMBER, "conflict", "该任务刚被他人办理，未交办",
            "the task was completed by someone else meanwhile"));
      } else if (e instanceof AuthorizationException) {
        errors.add(new CellError(SheetReader.ref(row, 1), number, CASE_NUMBER, "forbidden", "您无权办理该交办任务",
            "you may not complete this assignment"));
      } else {
        throw e;
      }
      return refused(number, kindLabel, caseNumber, proposal.id(), errors);
    }
    return new RowOutcome(number, kindLabel, caseNumber, "ASSIGNED", proposal.id(), List.of());
  }

  private static RowOutcome refused(int row, String kind, Integer caseNumber, String id, List<CellError> errors) {
    return new RowOutcome(row, kind, caseNumber, "REFUSED", id, errors.stream().map(CellError::asFieldError)
        .toList());
  }

  /** An agency as a cell names it: 县委政法委（zfw）, its code, or its name; anything else stays as written. */
  private String agencyCode(String value) {
    Matcher withCode = WITH_CODE.matcher(value);
    if (withCode.matches()) {
      return withCode.group(2);
    }
    return agencies.all().stream()
        .filter(agency -> agency.code().equals(value) || agency.name().equals(value))
        .map(Agency::code)
        .findFirst()
        .orElse(value);
  }

  private static String agency(Agency agency) {
    return agency.name() + "（" + agency.code() + "）";
  }

  private static Object codes(List<String> codes) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(codes)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * As the user, with the user's groups, as Tasklist does: the request's authentication (the API's filter sets it
   * for the request and clears it after), stated again so that no earlier call can have changed it.
   */
  private <T> T as(CurrentUser user, Supplier<T> call) {
    identity.setAuthentication(user.id(), user.groups());
    return call.get();
  }

  private static int number(ProposalViews.Summary summary) {
    return summary.caseNumber() == null ? Integer.MAX_VALUE : summary.caseNumber();
  }

  private static boolean column(List<CellError> errors, String header) {
    return errors.stream().anyMatch(error -> header.equals(error.column()));
  }

  private static InvalidInputException refused(List<CellError> errors) {
    return new InvalidInputException(errors.stream().map(CellError::asFieldError).toList());
  }

  private static void checkOffice(CurrentUser user, String session) {
    if (!user.isGovOffice()) {
      throw new ForbiddenException("Only the government office assigns proposals.", "只有县人民政府办公室可以交办议案建议。");
    }
    Violations violations = new Violations();
    ProposalRules.session(session, violations);
    violations.throwIfAny();
  }
}
