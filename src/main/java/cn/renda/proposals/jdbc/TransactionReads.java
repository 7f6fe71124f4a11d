package cn.renda.proposals.jdbc;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.lang.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction has read, kept until it writes to a table the read depends on. One completion reads
 * the proposal's record many times — each listener, rule, routing and deadline expression asks for it — and changes
 * it a few times (README, "Benchmark at national scale", figure 1): each read after the first is answered from here
 * until the transaction writes to the record.
 *
 * <p>Kept per transaction, never across transactions: another node's change is seen by the next transaction, as
 * before (within one transaction a row read twice now answers what it answered the first time, unless this
 * transaction wrote to it since). Outside a transaction nothing is kept. The reads belong to a synchronization of the
 * transaction, so a transaction started beside another (REQUIRES_NEW) has reads of its own and the other's come back
 * with it. Every statement that changes data through the application's {@link JdbcWrites JdbcTemplate} (update,
 * batch, execute, and a query whose text names a change) drops the reads depending on a table its text names as a
 * whole word; a statement whose text is not known drops them all. A rollback to a savepoint inside the transaction is
 * not noticed, so a savepoint must not read again what it wrote (the product's one savepoint, in
 * {@code Alerts.raise}, inserts an alert and reads nothing). Nothing is kept once the transaction begins to commit or
 * roll back.
 */
public final class TransactionReads {

  private TransactionReads() {}

  /**
   * What {@code reader} answers, read once per transaction until the transaction writes to one of {@code tables}.
   *
   * @param key identifies the read (with what it reads by, e.g. the proposal's id); equal keys share one answer
   * @param tables every table the answer is read from, in lower case
   */
  @SuppressWarnings("unchecked")
  public static <T> T read(Object key, Set<String> tables, Supplier<T> reader) {
    Reads reads = current(true);
    if (reads == null || !reads.open) {
      return reader.get();
    }
    Read kept = reads.kept.get(key);
    if (kept != null) {
      return (T) kept.value();
    }
    T value = reader.get();
    reads.kept.put(key, new Read(tables, value));
    return value;
  }

  /**
   * What the current transaction keeps for the read: the answer as the database holds it now, as far as this
   * transaction can see; null outside a transaction or when it keeps none.
   */
  @Nullable
  @SuppressWarnings("unchecked")
  public static <T> T kept(Object key) {
    Reads reads = current(false);
    Read kept = reads == null || !reads.open ? null : reads.kept.get(key);
    return kept == null ? null : (T) kept.value();
  }

  /**
   * Keeps {@code value} as the read's answer from now on in this transaction: for a writer that knows exactly what its
   * change made of an answer {@link #kept} gave it just before the change (the change itself dropped it).
   */
  public static void keep(Object key, Set<String> tables, Object value) {
    Reads reads = current(true);
    if (reads != null && reads.open) {
      reads.kept.put(key, new Read(tables, value));
    }
  }

  /**
   * A statement that may change data runs in the current transaction: drops the reads of every table it names.
   *
   * @param sql the statement's text; null when it is not known, which drops every read
   */
  static void changing(@Nullable String sql) {
    Reads reads = current(false);
    if (reads != null && !reads.kept.isEmpty()) {
      drop(reads, sql == null ? null : sql.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * A query runs in the current transaction: when its text names a change (a data-modifying statement sent as a
   * query, e.g. with RETURNING), it drops the reads of every table it names, as {@link #changing} does.
   */
  static void querying(@Nullable String sql) {
    Reads reads = current(false);
    if (reads == null || reads.kept.isEmpty()) {
      return;
    }
    String text = sql == null ? null : sql.toLowerCase(Locale.ROOT);
    if (text == null || names(text, "insert") || names(text, "update") || names(text, "delete")
        || names(text, "merge") || names(text, "truncate")) {
      drop(reads, text);
    }
  }

  /** Drops the reads of every table the (lower-case) text names; every read when the text is not known. */
  private static void drop(Reads reads, @Nullable String text) {
    if (text == null) {
      reads.kept.clear();
      return;
    }
    for (Iterator<Read> kept = reads.kept.values().iterator(); kept.hasNext(); ) {
      if (kept.next().tables().stream().anyMatch(table -> names(text, table))) {
        kept.remove();
      }
    }
  }

  /** Whether the text holds the word on its own, not as part of a longer name ({@code proposal} in proposal_id). */
  static boolean names(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !partOfName(text.charAt(at - 1))) && (end == text.length() || !partOfName(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean partOfName(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The current transaction's reads; null outside a transaction (or, unless asked to, when it has none yet). */
  @Nullable
  private static Reads current(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Reads reads) {
        return reads;
      }
    }
    if (!create) {
      return null;
    }
    Reads reads = new Reads();
    TransactionSynchronizationManager.registerSynchronization(reads);
    return reads;
  }

  private record Read(Set<String> tables, Object value) {}

  /**
   * The reads of one transaction; none is kept once it begins to commit or roll back (what runs then, in other
   * synchronizations, reads the database).
   */
  private static final class Reads implements TransactionSynchronization {
    private final Map<Object, Read> kept = new HashMap<>();
    private boolean open = true;

    @Override
    public void beforeCompletion() {
      open = false;
      kept.clear();
    }
  }
}
