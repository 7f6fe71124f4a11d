package cn.renda.proposals.paper;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.PaperRegistrations;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.web.ForbiddenException;
import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.NotFoundException;
import cn.renda.proposals.web.Problem;
import cn.renda.proposals.web.Violations;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake from Excel (纸质议案建议登记): the congress office uploads the session's paper proposals, one row each; every
 * row is checked with the rules of {@code POST /api/proposals} and becomes a submitted proposal, registered as
 * received on paper with its co-signatures signed on paper, its process started as the API starts it.
 *
 * <p>All or nothing by default: one refused cell refuses the file (400, every refused cell reported) and nothing is
 * stored; the rows are then registered in one transaction. Per row on request: the valid rows are registered, each in
 * its own transaction, the refused ones reported. A row whose register number (登记号) the session has already is
 * skipped, so that uploading a file again registers nothing twice. Registering runs as a job that can be polled.
 */
@Service
public class PaperIntake {

  /** How a file with refused rows is taken. */
  public enum Mode { ALL_OR_NOTHING, PER_ROW }

  static final int MAX_ROWS = 5_000;
  static final long MAX_BYTES = 20L * 1024 * 1024;
  private static final int JOBS_KEPT = 50;
  private static final Pattern REGISTER_NUMBER = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,31}");
  private static final Pattern WITH_ID = Pattern.compile("(.+?)\\s*[（(]\\s*([A-Za-z0-9._@-]+)\\s*[)）]");
  private static final Pattern SEPARATORS = Pattern.compile("[、，,;；\\s]+");

  private static final Logger log = LoggerFactory.getLogger(PaperIntake.class);

  /** A row ready to register. */
  record Checked(int row, String registerNumber, NewProposal proposal, LocalDate receivedOn) {}

  /** What a file holds: rows to register, rows already registered, refused cells. */
  record Sheetful(List<Checked> rows, List<Checked> registered, Map<Integer, List<CellError>> refused) {}

  private final ProposalSubmission submission;
  private final PaperRegistrations registrations;
  private final DeputyDirectory deputies;
  private final AgencyDirectory agencies;
  private final TransactionTemplate oneTransaction;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<String, IntakeJob> jobs = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, IntakeJob> eldest) {
      return size() > JOBS_KEPT;
    }
  });
  private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "paper-intake");
    thread.setDaemon(true);
    return thread;
  });

  PaperIntake(ProposalSubmission submission, PaperRegistrations registrations, DeputyDirectory deputies,
      AgencyDirectory agencies, PlatformTransactionManager transactions, Clock clock, CalendarProperties calendar) {
    this.submission = submission;
    this.registrations = registrations;
    this.deputies = deputies;
    this.agencies = agencies;
    this.oneTransaction = new TransactionTemplate(transactions);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.zone = calendar.zone();
  }

  @PreDestroy
  void stop() {
    runner.shutdownNow();
  }

  /** The template for a session: headers, drop-down lists of kinds, deputies and agencies, instructions. */
  public byte[] template(CurrentUser user, String session) {
    checkOffice(user);
    checkSession(session);
    return IntakeTemplate.write(session, deputies.names(), agencies.all());
  }

  /**
   * Checks the file and starts registering its rows; refuses it (400, every refused cell) when the file is not a
   * readable template, or, all or nothing, when any cell is refused.
   */
  public IntakeJob.View start(CurrentUser user, String session, Mode mode, byte[] file) {
    checkOffice(user);
    checkSession(session);
    Sheetful sheet = read(session, file);
    if (mode == Mode.ALL_OR_NOTHING && !sheet.refused().isEmpty()) {
      throw new InvalidInputException(sheet.refused().values().stream().flatMap(List::stream)
          .map(CellError::asFieldError).toList());
    }
    IntakeJob job = new IntakeJob(UUID.randomUUID().toString(), session, mode, user.id(),
        sheet.rows().size() + sheet.registered().size() + sheet.refused().size(), clock.instant());
    for (Checked row : sheet.registered()) {
      job.outcome(skipped(row));
      job.processed();
    }
    sheet.refused().forEach((row, errors) -> {
      job.outcome(new IntakeJob.RowOutcome(row, null, IntakeJob.Outcome.REFUSED, null,
          errors.stream().map(CellError::asFieldError).toList()));
      job.processed();
    });
    jobs.put(job.id(), job);
    runner.execute(() -> run(job, mode, sheet.rows(), user.id()));
    return job.view();
  }

  /** A job of the congress office, as far as it has come. */
  public IntakeJob.View job(CurrentUser user, String id) {
    checkOffice(user);
    IntakeJob job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("intake job " + id);
    }
    return job.view();
  }

  private void run(IntakeJob job, Mode mode, List<Checked> checked, String actor) {
    try {
      // an upload of the same numbers may have run in between (jobs run one after the other): those rows are skipped
      Set<String> registeredMeanwhile = registrations.registered(job.session());
      List<Checked> rows = new ArrayList<>();
      for (Checked row : checked) {
        if (registeredMeanwhile.contains(row.registerNumber())) {
          job.outcome(skipped(row));
          job.processed();
        } else {
          rows.add(row);
        }
      }
      if (mode == Mode.ALL_OR_NOTHING) {
        List<IntakeJob.RowOutcome> created = new ArrayList<>();
        oneTransaction.executeWithoutResult(status -> {
          for (Checked row : rows) {
            String id = register(row, actor);
            created.add(new IntakeJob.RowOutcome(row.row(), row.registerNumber(), IntakeJob.Outcome.CREATED, id,
                List.of()));
            job.processed();
          }
        });
        created.forEach(job::outcome);
      } else {
        for (Checked row : rows) {
          job.outcome(registerAlone(row, actor));
          job.processed();
        }
      }
      job.finish(IntakeJob.Status.DONE, clock.instant(), "登记完成", "registered");
    } catch (DuplicateKeyException e) {
      job.finish(IntakeJob.Status.FAILED, clock.instant(),
          "文件中的登记号已被同时进行的另一次登记使用，本次未登记任何议案建议，请重新上传",
          "a register number was registered meanwhile by another upload: nothing registered, upload again");
    } catch (RuntimeException e) {
      log.error("Intake job {} failed; nothing of it was registered", job.id(), e);
      job.finish(IntakeJob.Status.FAILED, clock.instant(), "登记失败，本次未登记任何议案建议",
          "registering failed: nothing registered");
    }
  }

  private IntakeJob.RowOutcome registerAlone(Checked row, String actor) {
    try {
      String id = ownTransaction.execute(status -> register(row, actor));
      return new IntakeJob.RowOutcome(row.row(), row.registerNumber(), IntakeJob.Outcome.CREATED, id, List.of());
    } catch (DuplicateKeyException e) {
      return skipped(row);
    } catch (InvalidInputException e) {
      return new IntakeJob.RowOutcome(row.row(), row.registerNumber(), IntakeJob.Outcome.REFUSED, null, e.errors());
    }
  }

  private static IntakeJob.RowOutcome skipped(Checked row) {
    return new IntakeJob.RowOutcome(row.row(), row.registerNumber(), IntakeJob.Outcome.SKIPPED, null,
        List.of(new Problem.FieldError("A" + row.row(), "registered", "登记号已登记，本次跳过",
            "register number registered already: skipped")));
  }

  private String register(Checked row, String actor) {
    return submission.submitOnPaper(row.proposal(),
        new PaperRegistrations.PaperSubmission(row.registerNumber(), row.receivedOn()), actor);
  }

  // --- reading and checking ---------------------------------------------------------------------------------

  Sheetful read(String session, byte[] file) {
    List<CellError> fileErrors = new ArrayList<>();
    if (file.length == 0) {
      fileErrors.add(CellError.ofFile("required", "请上传 Excel（.xlsx）文件", "an .xlsx file is required"));
      throw refused(fileErrors);
    }
    try (XSSFWorkbook workbook = SheetReader.open(file, fileErrors)) {
      if (workbook == null) {
        throw refused(fileErrors);
      }
      Sheet sheet = workbook.getSheet(IntakeTemplate.SHEET);
      if (sheet == null) {
        sheet = workbook.getSheetAt(0);
      }
      List<String> headers = SheetReader.headers(sheet);
      if (headers.size() < IntakeTemplate.HEADERS.size()
          || !headers.subList(0, IntakeTemplate.HEADERS.size()).equals(IntakeTemplate.HEADERS)) {
        fileErrors.add(CellError.ofFile("headers", "表头应为：" + String.join("、", IntakeTemplate.HEADERS)
            + "（请使用下载的登记表模板）", "the header row must be " + IntakeTemplate.HEADERS));
        throw refused(fileErrors);
      }
      if (sheet.getLastRowNum() > MAX_ROWS) {
        fileErrors.add(CellError.ofFile("rows", "一个文件最多登记 " + MAX_ROWS + " 件",
            "at most " + MAX_ROWS + " rows in one file"));
        throw refused(fileErrors);
      }
      return check(session, sheet);
    } catch (IOException e) {
      fileErrors.add(CellError.ofFile("format", "无法读取 Excel 文件", "cannot read the workbook"));
      throw refused(fileErrors);
    }
  }

  private Sheetful check(String session, Sheet sheet) {
    Map<String, String> names = deputies.names();
    Map<String, List<String>> byName = new HashMap<>();
    names.forEach((id, name) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(id));
    Set<String> registered = registrations.registered(session);
    Set<String> seen = new HashSet<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    List<Checked> rows = new ArrayList<>();
    List<Checked> skipped = new ArrayList<>();
    Map<Integer, List<CellError>> refused = new LinkedHashMap<>();
    int columns = IntakeTemplate.HEADERS.size();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (SheetReader.blank(row, columns)) {
        continue;
      }
      int number = r + 1;
      List<CellError> errors = new ArrayList<>();
      Optional<String> registerNumber = SheetReader.text(row, 0, IntakeTemplate.REGISTER_NUMBER, errors);
      Optional<String> kindText = SheetReader.text(row, 1, IntakeTemplate.KIND, errors);
      Optional<String> title = SheetReader.text(row, 2, IntakeTemplate.TITLE, errors);
      Optional<String> content = SheetReader.text(row, 3, IntakeTemplate.CONTENT, errors);
      Optional<String> lead = SheetReader.text(row, 4, IntakeTemplate.LEAD_DEPUTY, errors);
      Optional<String> coSigners = SheetReader.text(row, 5, IntakeTemplate.CO_SIGNERS, errors);
      Optional<LocalDate> receivedOn = SheetReader.day(row, 6, IntakeTemplate.RECEIVED_ON, errors);

      String ref = SheetReader.ref(row, 0);
      if (registerNumber.isEmpty() && !column(errors, IntakeTemplate.REGISTER_NUMBER)) {
        errors.add(new CellError(ref, number, IntakeTemplate.REGISTER_NUMBER, "required", "请填写登记号",
            "the register number is required"));
      } else if (registerNumber.isPresent() && !REGISTER_NUMBER.matcher(registerNumber.get()).matches()) {
        errors.add(new CellError(ref, number, IntakeTemplate.REGISTER_NUMBER, "format",
            "登记号应为 1 至 32 位字母、数字（可含 . _ -）", "register number: 1-32 letters or digits"));
      } else if (registerNumber.isPresent() && !seen.add(registerNumber.get())) {
        errors.add(new CellError(ref, number, IntakeTemplate.REGISTER_NUMBER, "duplicate",
            "登记号在本文件中重复：" + registerNumber.get(), "register number twice in the file: " + registerNumber.get()));
      }
      if (registerNumber.isPresent() && registered.contains(registerNumber.get())) {
        skipped.add(new Checked(number, registerNumber.get(), null, null));
        continue;
      }
      if (receivedOn.isPresent() && receivedOn.get().isAfter(today)) {
        errors.add(new CellError(SheetReader.ref(row, 6), number, IntakeTemplate.RECEIVED_ON, "future",
            "收到日期不能晚于今天", "the day received cannot be after today"));
      }
      ProposalKind kind = kindText.flatMap(PaperIntake::kind).orElse(null);
      if (kindText.isPresent() && kind == null) {
        errors.add(new CellError(SheetReader.ref(row, 1), number, IntakeTemplate.KIND, "choice", "类型应为“议案”或“建议”",
            "kind must be 议案 (motion) or 建议 (suggestion)"));
      }
      String leadId = lead.map(value -> deputy(value, names, byName, row, 4, IntakeTemplate.LEAD_DEPUTY, errors))
          .orElse(null);
      List<String> coSignerIds = new ArrayList<>();
      coSigners.ifPresent(list -> Arrays.stream(SEPARATORS.split(list)).filter(s -> !s.isBlank())
          .forEach(value -> coSignerIds.add(deputy(value, names, byName, row, 5, IntakeTemplate.CO_SIGNERS,
              errors))));
      NewProposal proposal = new NewProposal(kind, session, title.orElse(null), content.orElse(null), leadId,
          coSignerIds);

      // the API's rules, each reported on its column unless that column is refused already
      Violations violations = new Violations();
      ProposalRules.submission(proposal, names::containsKey, violations);
      for (Problem.FieldError error : violations.errors()) {
        int column = column(error.field());
        String header = IntakeTemplate.HEADERS.get(column);
        if (!column(errors, header)) {
          errors.add(new CellError(SheetReader.ref(row, column), number, header, error.code(), error.messageZh(),
              error.messageEn()));
        }
      }
      if (errors.isEmpty()) {
        rows.add(new Checked(number, registerNumber.get(), proposal, receivedOn.orElse(today)));
      } else {
        refused.put(number, errors);
      }
    }
    if (rows.isEmpty() && skipped.isEmpty() && refused.isEmpty()) {
      throw refused(List.of(CellError.ofFile("empty", "文件中没有可登记的行", "the file has no rows")));
    }
    return new Sheetful(rows, skipped, refused);
  }

  /** The deputy a cell names: 姓名（用户名）, a user name, or a name only one deputy has. */
  private static String deputy(String value, Map<String, String> names, Map<String, List<String>> byName, Row row,
      int column, String header, List<CellError> errors) {
    Matcher withId = WITH_ID.matcher(value);
    if (withId.matches()) {
      return withId.group(2);
    }
    if (names.containsKey(value)) {
      return value;
    }
    List<String> ids = byName.getOrDefault(value, List.of());
    if (ids.size() > 1) {
      errors.add(new CellError(SheetReader.ref(row, column), row.getRowNum() + 1, header, "ambiguous",
          "有多名代表叫“" + value + "”，请填写“姓名（用户名）”", "several deputies are named " + value + ": add the user name"));
    }
    // an unknown name stays as written: the rules refuse it as not a deputy
    return ids.size() == 1 ? ids.get(0) : value;
  }

  private static Optional<ProposalKind> kind(String text) {
    return switch (text) {
      case "议案", "MOTION" -> Optional.of(ProposalKind.MOTION);
      case "建议", "SUGGESTION" -> Optional.of(ProposalKind.SUGGESTION);
      default -> Optional.empty();
    };
  }

  /** The column of the template a submission's field is in. */
  private static int column(String field) {
    if (field.startsWith(NewProposal.CO_SIGNERS)) {
      return 5;
    }
    return switch (field) {
      case NewProposal.KIND -> 1;
      case NewProposal.TITLE -> 2;
      case NewProposal.CONTENT -> 3;
      case NewProposal.LEAD_DEPUTY -> 4;
      default -> 0;
    };
  }

  private static boolean column(List<CellError> errors, String header) {
    return errors.stream().anyMatch(error -> header.equals(error.column()));
  }

  private static InvalidInputException refused(List<CellError> errors) {
    return new InvalidInputException(errors.stream().map(CellError::asFieldError).toList());
  }

  private static void checkSession(String session) {
    Violations violations = new Violations();
    ProposalRules.session(session, violations);
    violations.throwIfAny();
  }

  private static void checkOffice(CurrentUser user) {
    if (!user.isCongressOffice()) {
      throw new ForbiddenException("Only the congress office registers proposals received on paper.",
          "只有人大常委会办公室可以登记纸质议案建议。");
    }
  }
}
