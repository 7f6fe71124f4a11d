package cn.renda.proposals.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, imports the years that the database does not hold yet from the holiday files of
 * {@code proposals.calendar.files} (the bundled 2019-2026, later files winning for a day given twice). A year the
 * database holds is never touched again: from then on it is maintained at run time. Several nodes starting at once
 * import each year once.
 */
@Component
class CalendarImport implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(CalendarImport.class);

  private final CalendarProperties properties;
  private final ResourceLoader resources;
  private final ObjectMapper json;
  private final CalendarStore store;
  private final TransactionTemplate eachYear;

  CalendarImport(CalendarProperties properties, ResourceLoader resources, ObjectMapper json, CalendarStore store,
      PlatformTransactionManager transactions) {
    this.properties = properties;
    this.resources = resources;
    this.json = json;
    this.store = store;
    this.eachYear = new TransactionTemplate(transactions);
    this.eachYear.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void afterPropertiesSet() {
    Map<Integer, Map<LocalDate, SpecialDay>> years = new TreeMap<>();
    Map<Integer, String> sources = new TreeMap<>();
    for (String file : properties.files()) {
      Resource resource = resources.getResource(file);
      Arrangements.Arrangement arrangement = read(resource);
      for (SpecialDay day : arrangement.days()) {
        int year = day.date().getYear();
        years.computeIfAbsent(year, y -> new TreeMap<>()).put(day.date(), day);
        sources.put(year, arrangement.source() != null ? arrangement.source() : file);
      }
    }
    List<Integer> imported = new ArrayList<>();
    years.forEach((year, days) -> {
      if (store.known(year)) {
        return;
      }
      try {
        eachYear.executeWithoutResult(status -> {
          store.lockForChange();
          if (!store.known(year)) {
            store.save(year, List.copyOf(days.values()), VersionAction.IMPORTED, null, sources.get(year), "system",
                "从文件导入：" + sources.get(year));
            imported.add(year);
          }
        });
      } catch (DuplicateKeyException importedByAnotherNode) {
        log.debug("The holidays of {} were imported by another node", year);
      }
    });
    if (!imported.isEmpty()) {
      log.info("Imported the holidays of {} from {} into the working-day calendar", imported, properties.files());
    }
  }

  private Arrangements.Arrangement read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return Arrangements.readFile(json.readTree(in), resource.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the holiday file " + resource.getDescription(), e);
    }
  }
}
