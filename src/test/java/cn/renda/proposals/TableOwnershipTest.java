package cn.renda.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one feature, and only that feature's code names it in SQL: another feature asks the owner
 * (its services), so that a table can change with its feature alone. The engine's tables belong to the platform glue.
 */
class TableOwnershipTest {

  private static final Path SOURCES = Path.of("src/main/java/cn/renda/proposals");
  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+\"?([a-z_][a-z0-9_]*)\"?");

  /** Owner of each table, by feature package. */
  private static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("agency", "agency"),
      Map.entry("calendar_version", "calendar"),
      Map.entry("calendar_day", "calendar"),
      Map.entry("calendar_year", "calendar"),
      Map.entry("calendar_revision", "calendar"),
      Map.entry("proposal", "proposal"),
      Map.entry("proposal_co_signer", "proposal"),
      Map.entry("case_number_counter", "proposal"),
      Map.entry("proposal_agency", "proposal"),
      Map.entry("reply", "proposal"),
      Map.entry("co_opinion", "proposal"),
      Map.entry("feedback", "proposal"),
      Map.entry("extension_request", "proposal"),
      Map.entry("progress_report", "proposal"),
      Map.entry("timeline_event", "proposal"),
      Map.entry("paper_registration", "proposal"),
      Map.entry("alert", "alert"),
      Map.entry("notification", "alert"),
      Map.entry("notification_delivery", "alert"));

  @Test
  void shouldNameATableInSqlOnlyInTheFeatureThatOwnsIt() throws IOException {
    List<String> trespasses = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
        String feature = SOURCES.relativize(file).getName(0).toString();
        for (String table : tablesIn(file)) {
          String owner = OWNERS.get(table.toLowerCase());
          if (table.toLowerCase().startsWith("act_")) {
            owner = "platform";
          }
          if (owner == null) {
            unknown.add(file + ": " + table);
          } else if (!owner.equals(feature)) {
            trespasses.add(file + " (" + feature + ") names " + table + " of " + owner);
          }
        }
      });
    }
    assertThat(trespasses).as("tables named outside their feature").isEmpty();
    assertThat(unknown).as("tables without an owner (add them to OWNERS)").isEmpty();
  }

  @Test
  void shouldFindTheTablesTheRecordIsMadeOf() {
    // the check above is only as good as its reading of SQL: it must see the record's own tables
    assertThat(tablesIn(SOURCES.resolve("proposal/Replies.java"))).contains("reply", "proposal");
    assertThat(tablesIn(SOURCES.resolve("alert/AlertInbox.java"))).contains("alert").doesNotContain("proposal");
  }

  /** Table names after FROM, JOIN, INTO, UPDATE or TABLE (SQL is written in capitals) in the string literals. */
  private static List<String> tablesIn(Path file) {
    String source;
    try {
      source = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> tables = new ArrayList<>();
    Matcher literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
        Pattern.DOTALL).matcher(source);
    while (literal.find()) {
      String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
      Matcher table = TABLE.matcher(text);
      while (table.find()) {
        String name = table.group(1);
        if (!name.equalsIgnoreCase("set") && !name.equalsIgnoreCase("select") && !name.equalsIgnoreCase("where")) {
          tables.add(name);
        }
      }
    }
    return tables;
  }
}
