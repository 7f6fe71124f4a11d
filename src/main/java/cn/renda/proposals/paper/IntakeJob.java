package cn.renda.proposals.paper;

import cn.renda.proposals.web.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One upload of the intake: how far it has come (polled while it runs) and, row by row, what became of it. Kept in
 * the memory of the node that runs it: what it registers is in the record; the job is only its progress and report.
 */
final class IntakeJob {

  enum Status { RUNNING, DONE, FAILED }

  enum Outcome { CREATED, SKIPPED, REFUSED }

  /** What became of one row. */
  record RowOutcome(int row, String registerNumber, Outcome outcome, String proposalId,
      List<Problem.FieldError> errors) {}

  /** The job as the API answers it. */
  record View(String id, String session, PaperIntake.Mode mode, Status status, int total, int processed, int created,
      int skipped, int refused, Long elapsedMillis, String messageZh, String message, Instant startedAt,
      Instant finishedAt, List<RowOutcome> rows) {}

  private final String id;
  private final String session;
  private final PaperIntake.Mode mode;
  private final String owner;
  private final int total;
  private final Instant startedAt;
  private final long started = System.nanoTime();
  private final AtomicInteger processed = new AtomicInteger();
  private final List<RowOutcome> rows = new ArrayList<>();
  private volatile Status status = Status.RUNNING;
  private volatile Instant finishedAt;
  private volatile Long elapsedMillis;
  private volatile String messageZh;
  private volatile String message;

  IntakeJob(String id, String session, PaperIntake.Mode mode, String owner, int total, Instant startedAt) {
    this.id = id;
    this.session = session;
    this.mode = mode;
    this.owner = owner;
    this.total = total;
    this.startedAt = startedAt;
  }

  String id() {
    return id;
  }

  String owner() {
    return owner;
  }

  String session() {
    return session;
  }

  Status status() {
    return status;
  }

  void processed() {
    processed.incrementAndGet();
  }

  synchronized void outcome(RowOutcome outcome) {
    rows.add(outcome);
  }

  synchronized void finish(Status end, Instant at, String zh, String en) {
    this.messageZh = zh;
    this.message = en;
    this.finishedAt = at;
    this.elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    this.status = end;
  }

  synchronized View view() {
    List<RowOutcome> sorted = rows.stream().sorted(Comparator.comparingInt(RowOutcome::row)).toList();
    return new View(id, session, mode, status, total, processed.get(), count(Outcome.CREATED), count(Outcome.SKIPPED),
        count(Outcome.REFUSED), elapsedMillis, messageZh, message, startedAt, finishedAt, sorted);
  }

  private int count(Outcome outcome) {
    return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
  }
}
